//! Dates and times on the wire, in ISO 8601 / RFC 3339, read and written
//! here instead of through `time`'s general format machinery, which would
//! add about 27 KB to the browser bundle. Strict: what is not exactly one of
//! these forms is rejected.
//!
//! - dates: `2026-11-21`
//! - instants: `2026-11-21T09:30:00Z`, `2026-11-21T09:30:00.25Z` or with an
//!   offset `+01:00` (written in UTC, `Z`)
//! - wall-clock times: `2026-11-21T09:30:00` (Berlin, no offset)

use serde::{de::Error as _, Deserialize, Deserializer, Serializer};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let month = Month::try_from(digits(&s[5..7])? as u8).ok()?;
    Date::from_calendar_date(digits(&s[0..4])? as i32, month, digits(&s[8..10])? as u8).ok()
}

fn parse_time(s: &str) -> Option<(Time, &str)> {
    let b = s.as_bytes();
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let (h, m, sec) = (digits(&s[0..2])?, digits(&s[3..5])?, digits(&s[6..8])?);
    let mut rest = &s[8..];
    let mut nanos = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 9 {
            return None;
        }
        nanos = digits(&frac[..n])? * 10u32.pow(9 - n as u32);
        rest = &frac[n..];
    }
    Some((
        Time::from_hms_nano(h as u8, m as u8, sec as u8, nanos).ok()?,
        rest,
    ))
}

pub fn parse_local(s: &str) -> Option<PrimitiveDateTime> {
    let (date, time) = s.split_once('T')?;
    let (time, rest) = parse_time(time)?;
    let date = parse_date(date)?;
    rest.is_empty().then(|| PrimitiveDateTime::new(date, time))
}

pub fn parse_instant(s: &str) -> Option<OffsetDateTime> {
    let (date, time) = s.split_once('T')?;
    let (time, zone) = parse_time(time)?;
    let offset = match zone {
        "Z" => UtcOffset::UTC,
        z if z.len() == 6
            && (z.starts_with('+') || z.starts_with('-'))
            && z.as_bytes()[3] == b':' =>
        {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            UtcOffset::from_hms(
                sign * digits(&z[1..3])? as i8,
                sign * digits(&z[4..6])? as i8,
                0,
            )
            .ok()?
        }
        _ => return None,
    };
    Some(PrimitiveDateTime::new(parse_date(date)?, time).assume_offset(offset))
}

pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

fn format_time(t: Time) -> String {
    let mut s = format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second());
    if t.nanosecond() > 0 {
        let frac = format!("{:09}", t.nanosecond());
        s.push('.');
        s.push_str(frac.trim_end_matches('0'));
    }
    s
}

pub fn format_local(t: PrimitiveDateTime) -> String {
    format!("{}T{}", format_date(t.date()), format_time(t.time()))
}

pub fn format_instant(t: OffsetDateTime) -> String {
    let utc = t.to_offset(UtcOffset::UTC);
    format!("{}T{}Z", format_date(utc.date()), format_time(utc.time()))
}

fn read<'de, D: Deserializer<'de>, T>(
    d: D,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<T, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| D::Error::custom(format!("„{s}“ ist kein gültiges {what}")))
}

/// `#[serde(with = "iso::date")]`
pub mod date {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_date(*d))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        read(d, parse_date, "Datum (JJJJ-MM-TT)")
    }
}

/// `#[serde(with = "iso::date_opt")]`, with `default`.
pub mod date_opt {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&format_date(*d)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => parse_date(&s).map(Some).ok_or_else(|| {
                D::Error::custom(format!("„{s}“ ist kein gültiges Datum (JJJJ-MM-TT)"))
            }),
        }
    }
}

/// `#[serde(with = "iso::instant")]`: RFC 3339.
pub mod instant {
    use super::*;
    pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_instant(*t))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        read(d, parse_instant, "Zeitstempel (RFC 3339)")
    }
}

/// `#[serde(with = "iso::local")]`: a wall-clock date and time.
pub mod local {
    use super::*;
    pub fn serialize<S: Serializer>(t: &PrimitiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_local(*t))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PrimitiveDateTime, D::Error> {
        read(d, parse_local, "Datum mit Uhrzeit")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn dates() {
        assert_eq!(parse_date("2026-02-28"), Some(date!(2026 - 02 - 28)));
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "26-02-28",
            "2026-02-28x",
            "",
            "2026/02/28",
            "2026-13-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(format_date(date!(2026 - 01 - 07)), "2026-01-07");
    }

    #[test]
    fn instants_round_trip_and_match_rfc3339() {
        use time::format_description::well_known::Rfc3339;
        for s in [
            "2026-11-21T09:30:00Z",
            "2026-11-21T09:30:00.25Z",
            "2026-11-21T09:30:00.123456789Z",
        ] {
            let t = parse_instant(s).unwrap();
            assert_eq!(format_instant(t), s);
            assert_eq!(t, OffsetDateTime::parse(s, &Rfc3339).unwrap());
            assert_eq!(format_instant(t), t.format(&Rfc3339).unwrap());
        }
        assert_eq!(
            parse_instant("2026-11-21T10:30:00+01:00"),
            Some(datetime!(2026-11-21 09:30 UTC))
        );
        for bad in [
            "2026-11-21T09:30:00",
            "2026-11-21 09:30:00Z",
            "2026-11-21T9:30:00Z",
            "2026-11-21T09:30:00.Z",
            "x",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn wall_clock_times() {
        let t = datetime!(2026-11-21 18:00);
        assert_eq!(format_local(t), "2026-11-21T18:00:00");
        assert_eq!(parse_local("2026-11-21T18:00:00"), Some(t));
        assert_eq!(parse_local("2026-11-21T18:00:00Z"), None);
    }
}
