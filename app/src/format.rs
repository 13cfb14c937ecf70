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
