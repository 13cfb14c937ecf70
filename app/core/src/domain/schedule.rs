//! When a group meets, as rules (HSDS: schedule) rather than lists of dates.
//! All times are wall-clock times in Europe/Berlin.

use super::{Problem, RecordErrors};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Duration, PrimitiveDateTime, Time};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mo,
    Tu,
    We,
    Th,
    Fr,
    Sa,
    Su,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Self::Mo,
        Self::Tu,
        Self::We,
        Self::Th,
        Self::Fr,
        Self::Sa,
        Self::Su,
    ];

    /// The iCalendar/HSDS key: `mo`, `tu`, …
    pub fn key(self) -> &'static str {
        ["mo", "tu", "we", "th", "fr", "sa", "su"][self as usize]
    }

    pub fn name(self) -> &'static str {
        [
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag",
        ][self as usize]
    }

    pub fn short(self) -> &'static str {
        ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][self as usize]
    }

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let raw = raw.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|d| {
                d.key() == raw || d.name().to_lowercase() == raw || d.short().to_lowercase() == raw
            })
            .ok_or(Problem::OneOf("mo, tu, we, th, fr, sa, su"))
    }

    pub fn of(date: Date) -> Self {
        Self::ALL[date.weekday().number_days_from_monday() as usize]
    }
}

/// A wall-clock time `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime {
    minutes: u16,
}

impl ClockTime {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let (h, m) = raw.trim().split_once([':', '.']).ok_or(Problem::Time)?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return Err(Problem::Time);
        }
        let h: u16 = h.parse().map_err(|_| Problem::Time)?;
        let m: u16 = m.parse().map_err(|_| Problem::Time)?;
        if h > 23 || m > 59 {
            return Err(Problem::Time);
        }
        Ok(Self {
            minutes: h * 60 + m,
        })
    }

    pub fn hm(h: u8, m: u8) -> Self {
        assert!(h < 24 && m < 60);
        Self {
            minutes: u16::from(h) * 60 + u16::from(m),
        }
    }

    pub fn to_time(self) -> Time {
        Time::from_hms((self.minutes / 60) as u8, (self.minutes % 60) as u8, 0)
            .expect("valid by construction")
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}
impl TryFrom<String> for ClockTime {
    type Error = Problem;
    fn try_from(raw: String) -> Result<Self, Problem> {
        Self::parse(&raw)
    }
}
impl From<ClockTime> for String {
    fn from(t: ClockTime) -> String {
        t.to_string()
    }
}

/// Which week of the month: 1st to 4th (the 5th exists only in some months;
/// use [`Recurrence::MonthlyLast`] for "last").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Nth(u8);

impl Nth {
    pub fn new(n: u8) -> Result<Self, Problem> {
        if (1..=4).contains(&n) {
            Ok(Self(n))
        } else {
            Err(Problem::Range(
                "1 bis 4; für den letzten im Monat: monthly_last",
            ))
        }
    }
    pub fn get(self) -> u8 {
        self.0
    }
}
impl TryFrom<u8> for Nth {
    type Error = Problem;
    fn try_from(n: u8) -> Result<Self, Problem> {
        Self::new(n)
    }
}
impl From<Nth> for u8 {
    fn from(n: Nth) -> u8 {
        n.0
    }
}

/// The rhythm of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Recurrence {
    /// Every week on a weekday.
    Weekly { weekday: Weekday },
    /// Every `interval` weeks on a weekday, counted from `anchor` (a date on
    /// that weekday when the group met).
    EveryNWeeks {
        weekday: Weekday,
        interval: u8,
        anchor: Date,
    },
    /// The nth weekday of each month, e.g. the 2nd Tuesday.
    MonthlyNth { weekday: Weekday, nth: Nth },
    /// The last weekday of each month.
    MonthlyLast { weekday: Weekday },
}

impl Recurrence {
    pub fn weekday(&self) -> Weekday {
        match self {
            Self::Weekly { weekday }
            | Self::EveryNWeeks { weekday, .. }
            | Self::MonthlyNth { weekday, .. }
            | Self::MonthlyLast { weekday } => *weekday,
        }
    }

    fn check(&self) -> Result<(), RecordErrors> {
        let mut errs = RecordErrors::default();
        if let Self::EveryNWeeks {
            weekday,
            interval,
            anchor,
        } = self
        {
            if !(2..=8).contains(interval) {
                errs.push("interval", Problem::Range("2 bis 8 Wochen"));
            }
            if Weekday::of(*anchor) != *weekday {
                errs.push(
                    "anchor",
                    Problem::Other(format!("muss ein {} sein", weekday.name())),
                );
            }
        }
        errs.into_result(|| ())
    }

    /// Does a meeting fall on `date`?
    pub fn occurs_on(&self, date: Date) -> bool {
        if Weekday::of(date) != self.weekday() {
            return false;
        }
        match self {
            Self::Weekly { .. } => true,
            Self::EveryNWeeks {
                interval, anchor, ..
            } => {
                let weeks = (date - *anchor).whole_days().div_euclid(7);
                weeks.rem_euclid(i64::from(*interval)) == 0
            }
            Self::MonthlyNth { nth, .. } => (date.day() - 1) / 7 + 1 == nth.get(),
            Self::MonthlyLast { .. } => {
                u16::from(date.day()) + 7 > u16::from(date.month().length(date.year()))
            }
        }
    }

    /// The rhythm in German words, e.g. "jeden 2. Dienstag im Monat".
    pub fn describe(&self) -> String {
        match self {
            Self::Weekly { weekday } => format!("jeden {}", weekday.name()),
            Self::EveryNWeeks {
                weekday, interval, ..
            } => {
                format!("alle {interval} Wochen am {}", weekday.name())
            }
            Self::MonthlyNth { weekday, nth } => {
                format!("jeden {}. {} im Monat", nth.get(), weekday.name())
            }
            Self::MonthlyLast { weekday } => format!("jeden letzten {} im Monat", weekday.name()),
        }
    }
}

/// One regular meeting rule with its times.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ScheduleRaw", into = "ScheduleRaw")]
pub struct Schedule {
    recurrence: Recurrence,
    opens_at: ClockTime,
    closes_at: ClockTime,
}

/// The wire shape, close to HSDS `schedule` (freq, interval, byday, …):
/// `{"freq":"monthly_nth","weekday":"tu","nth":2,"opens_at":"18:00","closes_at":"20:00"}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScheduleRaw {
    freq: Freq,
    weekday: Weekday,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    interval: Option<u8>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::iso::date_opt"
    )]
    anchor: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    nth: Option<u8>,
    opens_at: ClockTime,
    closes_at: ClockTime,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Freq {
    Weekly,
    EveryNWeeks,
    MonthlyNth,
    MonthlyLast,
}

impl Schedule {
    pub fn new(
        recurrence: Recurrence,
        opens_at: ClockTime,
        closes_at: ClockTime,
    ) -> Result<Self, RecordErrors> {
        let mut errs = RecordErrors::default();
        if let Err(e) = recurrence.check() {
            errs.0.extend(e.0);
        }
        if closes_at <= opens_at {
            errs.push("closes_at", Problem::EndBeforeStart);
        }
        errs.into_result(|| Self {
            recurrence,
            opens_at,
            closes_at,
        })
    }

    pub fn recurrence(&self) -> &Recurrence {
        &self.recurrence
    }
    pub fn opens_at(&self) -> ClockTime {
        self.opens_at
    }
    pub fn closes_at(&self) -> ClockTime {
        self.closes_at
    }

    /// E.g. "jeden 2. Dienstag im Monat, 18:00–20:00 Uhr".
    pub fn describe(&self) -> String {
        format!(
            "{}, {}–{} Uhr",
            self.recurrence.describe(),
            self.opens_at,
            self.closes_at
        )
    }

    /// The next meeting that has not ended yet at `now` (Berlin wall time).
    pub fn next_meeting(&self, now: PrimitiveDateTime) -> Option<PrimitiveDateTime> {
        let mut day = now.date();
        if now.time() >= self.closes_at.to_time() {
            day = day.next_day()?;
        }
        // Every rule recurs within 8 weeks or one month; 62 days suffice.
        for _ in 0..62 {
            if self.recurrence.occurs_on(day) {
                return Some(PrimitiveDateTime::new(day, self.opens_at.to_time()));
            }
            day = day.checked_add(Duration::days(1))?;
        }
        None
    }
}

impl TryFrom<ScheduleRaw> for Schedule {
    type Error = String;
    fn try_from(r: ScheduleRaw) -> Result<Self, String> {
        let weekday = r.weekday;
        let recurrence = match (r.freq, r.interval, r.anchor, r.nth) {
            (Freq::Weekly, None, None, None) => Recurrence::Weekly { weekday },
            (Freq::EveryNWeeks, Some(interval), Some(anchor), None) => Recurrence::EveryNWeeks {
                weekday,
                interval,
                anchor,
            },
            (Freq::MonthlyNth, None, None, Some(nth)) => Recurrence::MonthlyNth {
                weekday,
                nth: Nth::new(nth).map_err(|p| format!("nth: {p}"))?,
            },
            (Freq::MonthlyLast, None, None, None) => Recurrence::MonthlyLast { weekday },
            _ => return Err(
                "Rhythmus unvollständig: weekly braucht nur weekday; every_n_weeks auch interval \
                            und anchor; monthly_nth auch nth; monthly_last nur weekday"
                    .to_owned(),
            ),
        };
        Schedule::new(recurrence, r.opens_at, r.closes_at).map_err(|e| e.to_string())
    }
}
impl From<Schedule> for ScheduleRaw {
    fn from(s: Schedule) -> Self {
        let (freq, interval, anchor, nth) = match s.recurrence {
            Recurrence::Weekly { .. } => (Freq::Weekly, None, None, None),
            Recurrence::EveryNWeeks {
                interval, anchor, ..
            } => (Freq::EveryNWeeks, Some(interval), Some(anchor), None),
            Recurrence::MonthlyNth { nth, .. } => (Freq::MonthlyNth, None, None, Some(nth.get())),
            Recurrence::MonthlyLast { .. } => (Freq::MonthlyLast, None, None, None),
        };
        ScheduleRaw {
            freq,
            weekday: s.recurrence.weekday(),
            interval,
            anchor,
            nth,
            opens_at: s.opens_at,
            closes_at: s.closes_at,
        }
    }
}

/// The next meeting over several rules.
pub fn next_meeting(schedules: &[Schedule], now: PrimitiveDateTime) -> Option<PrimitiveDateTime> {
    schedules.iter().filter_map(|s| s.next_meeting(now)).min()
}

/// A German date such as "Dienstag, 8. Dezember 2026".
pub fn german_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    format!(
        "{}, {}. {} {}",
        Weekday::of(d).name(),
        d.day(),
        MONTHS[d.month() as usize - 1],
        d.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn sched(r: Recurrence) -> Schedule {
        Schedule::new(r, ClockTime::hm(18, 0), ClockTime::hm(20, 0)).unwrap()
    }

    #[test]
    fn describes_rhythm_in_german() {
        let s = sched(Recurrence::MonthlyNth {
            weekday: Weekday::Tu,
            nth: Nth::new(2).unwrap(),
        });
        assert_eq!(s.describe(), "jeden 2. Dienstag im Monat, 18:00–20:00 Uhr");
        assert_eq!(
            sched(Recurrence::Weekly {
                weekday: Weekday::Mo
            })
            .describe(),
            "jeden Montag, 18:00–20:00 Uhr"
        );
        assert_eq!(
            sched(Recurrence::MonthlyLast {
                weekday: Weekday::Fr
            })
            .describe(),
            "jeden letzten Freitag im Monat, 18:00–20:00 Uhr"
        );
    }

    #[test]
    fn next_second_tuesday() {
        let s = sched(Recurrence::MonthlyNth {
            weekday: Weekday::Tu,
            nth: Nth::new(2).unwrap(),
        });
        // 2026-11-21 is a Saturday; the 2nd Tuesday of November (the 10th) is past.
        assert_eq!(
            s.next_meeting(datetime!(2026-11-21 12:00)),
            Some(datetime!(2026-12-08 18:00))
        );
        // On the day, before the meeting ends, it is still the next one.
        assert_eq!(
            s.next_meeting(datetime!(2026-12-08 19:59)),
            Some(datetime!(2026-12-08 18:00))
        );
        assert_eq!(
            s.next_meeting(datetime!(2026-12-08 20:00)),
            Some(datetime!(2027-01-12 18:00))
        );
    }

    #[test]
    fn last_weekday_of_month() {
        let s = sched(Recurrence::MonthlyLast {
            weekday: Weekday::Fr,
        });
        assert_eq!(
            s.next_meeting(datetime!(2026-11-21 12:00)),
            Some(datetime!(2026-11-27 18:00))
        );
        assert_eq!(
            s.next_meeting(datetime!(2026-11-28 12:00)),
            Some(datetime!(2026-12-25 18:00))
        );
    }

    #[test]
    fn every_other_week_from_anchor() {
        let s = sched(Recurrence::EveryNWeeks {
            weekday: Weekday::We,
            interval: 2,
            anchor: date!(2026 - 01 - 07),
        });
        assert_eq!(
            s.next_meeting(datetime!(2026-11-21 12:00)),
            Some(datetime!(2026-11-25 18:00))
        );
        // Before the anchor the rhythm runs backwards as well.
        assert!(s.recurrence().occurs_on(date!(2025 - 12 - 24)));
        assert!(!s.recurrence().occurs_on(date!(2025 - 12 - 31)));
    }

    #[test]
    fn invalid_rules_are_rejected() {
        let err = Schedule::new(
            Recurrence::Weekly {
                weekday: Weekday::Mo,
            },
            ClockTime::hm(20, 0),
            ClockTime::hm(18, 0),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "closes_at: Ende muss nach dem Beginn liegen"
        );
        let err = Schedule::new(
            Recurrence::EveryNWeeks {
                weekday: Weekday::Mo,
                interval: 1,
                anchor: date!(2026 - 01 - 06),
            },
            ClockTime::hm(18, 0),
            ClockTime::hm(20, 0),
        )
        .unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["interval", "anchor"]);
        assert!(Nth::new(5).is_err());
        for bad in ["24:00", "7", "18:5", "ab:cd", "12:60"] {
            assert_eq!(ClockTime::parse(bad), Err(Problem::Time), "{bad}");
        }
        assert_eq!(ClockTime::parse("9.30").unwrap().to_string(), "09:30");
    }

    #[test]
    fn json_shape_is_validated() {
        let ok = r#"{"freq":"monthly_nth","weekday":"tu","nth":2,"opens_at":"18:00","closes_at":"20:00"}"#;
        assert!(serde_json::from_str::<Schedule>(ok).is_ok());
        let bad = r#"{"freq":"weekly","weekday":"tu","opens_at":"20:00","closes_at":"18:00"}"#;
        assert!(serde_json::from_str::<Schedule>(bad)
            .unwrap_err()
            .to_string()
            .contains("Ende muss nach"));
        let unknown =
            r#"{"freq":"weekly","weekday":"tu","opens_at":"18:00","closes_at":"20:00","x":1}"#;
        assert!(serde_json::from_str::<Schedule>(unknown).is_err());
    }

    #[test]
    fn german_dates() {
        assert_eq!(
            german_date(date!(2026 - 12 - 08)),
            "Dienstag, 8. Dezember 2026"
        );
    }
}
