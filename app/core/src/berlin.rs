//! Wall-clock time in Europe/Berlin without a time-zone database: the EU
//! rule (summer time from the last Sunday of March, 01:00 UTC, to the last
//! Sunday of October, 01:00 UTC) has held since 1996 and is all we need to
//! know which day "today" is and which meeting comes next.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

fn last_sunday(year: i32, month: Month) -> Date {
    let mut d = Date::from_calendar_date(year, month, month.length(year)).expect("valid date");
    while d.weekday() != Weekday::Sunday {
        d = d.previous_day().expect("in range");
    }
    d
}

/// The UTC offset of Berlin at an instant: +01:00 or +02:00.
pub fn offset_at(instant: OffsetDateTime) -> UtcOffset {
    let utc = instant.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let one = Time::from_hms(1, 0, 0).expect("valid");
    let start = PrimitiveDateTime::new(last_sunday(year, Month::March), one).assume_utc();
    let end = PrimitiveDateTime::new(last_sunday(year, Month::October), one).assume_utc();
    let hours = if utc >= start && utc < end { 2 } else { 1 };
    UtcOffset::from_hms(hours, 0, 0).expect("valid")
}

/// Berlin wall-clock time at an instant.
pub fn wall_clock(instant: OffsetDateTime) -> PrimitiveDateTime {
    let local = instant.to_offset(offset_at(instant));
    PrimitiveDateTime::new(local.date(), local.time())
}

/// Berlin wall-clock time at an instant, to the minute: the "now" that
/// pages use for the next meeting (the server's clock on the server, the
/// browser's in the replica).
pub fn minute(instant: OffsetDateTime) -> PrimitiveDateTime {
    let n = wall_clock(instant);
    n.replace_second(0)
        .and_then(|n| n.replace_nanosecond(0))
        .unwrap_or(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_minute_drops_seconds() {
        assert_eq!(
            minute(datetime!(2026-11-21 13:05:59.9 UTC)),
            datetime!(2026-11-21 14:05)
        );
    }

    #[test]
    fn winter_and_summer() {
        assert_eq!(
            wall_clock(datetime!(2026-11-21 23:30 UTC)),
            datetime!(2026-11-22 00:30)
        );
        assert_eq!(
            wall_clock(datetime!(2026-07-01 22:30 UTC)),
            datetime!(2026-07-02 00:30)
        );
    }

    #[test]
    fn switch_instants() {
        // 2026: summer time 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(
            wall_clock(datetime!(2026-03-29 00:59 UTC)),
            datetime!(2026-03-29 01:59)
        );
        assert_eq!(
            wall_clock(datetime!(2026-03-29 01:00 UTC)),
            datetime!(2026-03-29 03:00)
        );
        assert_eq!(
            wall_clock(datetime!(2026-10-25 00:59 UTC)),
            datetime!(2026-10-25 02:59)
        );
        assert_eq!(
            wall_clock(datetime!(2026-10-25 01:00 UTC)),
            datetime!(2026-10-25 02:00)
        );
    }
}
