//! Small German text helpers for views.

use time::Date;

/// "15.10.2026"
pub fn short_date(d: Date) -> String {
    format!("{:02}.{:02}.{}", d.day(), d.month() as u8, d.year())
}

/// "1 Gruppe" / "3 Gruppen"
pub fn groups(n: usize) -> String {
    if n == 1 {
        "1 Gruppe".to_owned()
    } else {
        format!("{n} Gruppen")
    }
}

/// "21.11.2026, 15:02" in Berlin time, from an RFC 3339 instant; the text
/// as it is when it is not one.
#[cfg(feature = "ssr")]
pub fn short_date_time(rfc3339: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    match time::OffsetDateTime::parse(rfc3339, &Rfc3339) {
        Ok(t) => {
            let b = wegweiser_core::berlin::minute(t);
            format!(
                "{}, {:02}:{:02}",
                short_date(b.date()),
                b.hour(),
                b.minute()
            )
        }
        Err(_) => rfc3339.to_owned(),
    }
}
