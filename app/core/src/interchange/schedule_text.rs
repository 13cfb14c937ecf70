//! The compact text form of meeting rules, for one spreadsheet cell:
//!
//! ```text
//! weekly:tu:18:00-20:00
//! monthly_nth:2:tu:18:00-20:00
//! monthly_last:fr:10:00-12:00
//! every_n_weeks:2:we:2026-01-07:18:00-20:00
//! ```
//!
//! Several rules are separated by `|` (or a line break inside the cell).
//! The rhythm keys are those of the JSON `freq`; weekdays are `mo`…`su`, and
//! the German `Mo`…`So` or full names are accepted too. [`format_schedule`]
//! writes exactly the form [`parse_schedule`] reads.

use super::{format_date, parse_date};
use crate::domain::{ClockTime, Nth, Problem, Recurrence, Schedule, Weekday};

const SHAPES: &str = "weekly:WOCHENTAG:HH:MM-HH:MM, monthly_nth:N:WOCHENTAG:HH:MM-HH:MM, \
                      monthly_last:WOCHENTAG:HH:MM-HH:MM oder every_n_weeks:N:WOCHENTAG:JJJJ-MM-TT:HH:MM-HH:MM";

/// One rule, e.g. `monthly_nth:2:tu:18:00-20:00`.
pub fn format_schedule(s: &Schedule) -> String {
    let times = format!("{}-{}", s.opens_at(), s.closes_at());
    match s.recurrence() {
        Recurrence::Weekly { weekday } => format!("weekly:{}:{times}", weekday.key()),
        Recurrence::MonthlyNth { weekday, nth } => {
            format!("monthly_nth:{}:{}:{times}", nth.get(), weekday.key())
        }
        Recurrence::MonthlyLast { weekday } => format!("monthly_last:{}:{times}", weekday.key()),
        Recurrence::EveryNWeeks {
            weekday,
            interval,
            anchor,
        } => {
            format!(
                "every_n_weeks:{interval}:{}:{}:{times}",
                weekday.key(),
                format_date(*anchor)
            )
        }
    }
}

/// All rules of a group, separated by ` | `; empty for none.
pub fn format_schedules(schedules: &[Schedule]) -> String {
    schedules
        .iter()
        .map(format_schedule)
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Parse one rule. The error is a German sentence naming every broken part.
pub fn parse_schedule(raw: &str) -> Result<Schedule, String> {
    let raw = raw.trim();
    let (kind, rest) = raw
        .split_once(':')
        .ok_or_else(|| format!("erwartet wird {SHAPES}"))?;
    let kind = kind.trim().to_ascii_lowercase();
    let (fields, shape) = match kind.as_str() {
        "weekly" => (1, "weekly:WOCHENTAG:HH:MM-HH:MM"),
        "monthly_last" => (1, "monthly_last:WOCHENTAG:HH:MM-HH:MM"),
        "monthly_nth" => (2, "monthly_nth:N:WOCHENTAG:HH:MM-HH:MM (N von 1 bis 4)"),
        "every_n_weeks" => (3, "every_n_weeks:N:WOCHENTAG:JJJJ-MM-TT:HH:MM-HH:MM"),
        _ => {
            return Err(format!(
                "„{kind}“ ist kein bekannter Rhythmus; erlaubt: weekly, monthly_nth, monthly_last, every_n_weeks"
            ))
        }
    };
    let parts: Vec<&str> = rest.splitn(fields + 1, ':').map(str::trim).collect();
    if parts.len() != fields + 1 {
        return Err(format!("unvollständig; erwartet wird {shape}"));
    }
    let mut errs = Vec::new();
    let (opens_at, closes_at) = match parts[fields].split_once(['-', '–']) {
        Some((a, b)) => (
            note(&mut errs, "Beginn", ClockTime::parse(a)),
            note(&mut errs, "Ende", ClockTime::parse(b)),
        ),
        None => {
            errs.push("Uhrzeit als von-bis angeben, z. B. 18:00-20:00".to_owned());
            (None, None)
        }
    };
    let number = |raw: &str| {
        raw.parse::<u8>()
            .map_err(|_| Problem::Other("ist keine ganze Zahl".into()))
    };
    let recurrence = match kind.as_str() {
        "weekly" => note(&mut errs, "Wochentag", Weekday::parse(parts[0]))
            .map(|weekday| Recurrence::Weekly { weekday }),
        "monthly_last" => note(&mut errs, "Wochentag", Weekday::parse(parts[0]))
            .map(|weekday| Recurrence::MonthlyLast { weekday }),
        "monthly_nth" => {
            let nth = note(
                &mut errs,
                "Woche im Monat",
                number(parts[0]).and_then(Nth::new),
            );
            let weekday = note(&mut errs, "Wochentag", Weekday::parse(parts[1]));
            nth.zip(weekday)
                .map(|(nth, weekday)| Recurrence::MonthlyNth { weekday, nth })
        }
        _ => {
            let interval = note(&mut errs, "Wochenabstand", number(parts[0]));
            let weekday = note(&mut errs, "Wochentag", Weekday::parse(parts[1]));
            let anchor = note(&mut errs, "Bezugsdatum", parse_date(parts[2]));
            match (interval, weekday, anchor) {
                (Some(interval), Some(weekday), Some(anchor)) => Some(Recurrence::EveryNWeeks {
                    weekday,
                    interval,
                    anchor,
                }),
                _ => None,
            }
        }
    };
    match (recurrence, opens_at, closes_at) {
        (Some(r), Some(o), Some(c)) if errs.is_empty() => Schedule::new(r, o, c).map_err(|e| {
            e.0.iter()
                .map(|fe| match fe.field.as_str() {
                    "interval" => format!("Wochenabstand {}", fe.problem),
                    "anchor" => format!("Bezugsdatum {}", fe.problem),
                    "closes_at" => fe.problem.to_string(),
                    other => format!("{other} {}", fe.problem),
                })
                .collect::<Vec<_>>()
                .join("; ")
        }),
        _ => Err(errs.join("; ")),
    }
}

/// Parse a cell of rules separated by `|` or line breaks; blank means none.
/// On error, one German message per broken rule.
pub fn parse_schedules(raw: &str) -> Result<Vec<Schedule>, Vec<String>> {
    let items: Vec<&str> = raw
        .split(['|', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match parse_schedule(item) {
            Ok(s) => out.push(s),
            Err(e) if items.len() == 1 => errs.push(format!("„{item}“: {e}")),
            Err(e) => errs.push(format!("Rhythmus {} („{item}“): {e}", i + 1)),
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(errs)
    }
}

fn note<T>(errs: &mut Vec<String>, what: &str, r: Result<T, Problem>) -> Option<T> {
    r.map_err(|p| errs.push(format!("{what} {p}"))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_round_trips() {
        let text =
            "weekly:tu:18:00-20:00 | monthly_nth:2:tu:18:00-20:00 | monthly_last:fr:10:00-12:00 | \
                    every_n_weeks:2:we:2026-01-07:18:00-20:00";
        let parsed = parse_schedules(text).unwrap();
        assert_eq!(parsed.len(), 4);
        assert_eq!(
            parsed[1].describe(),
            "jeden 2. Dienstag im Monat, 18:00–20:00 Uhr"
        );
        assert_eq!(format_schedules(&parsed), text);
    }

    #[test]
    fn lenient_spelling() {
        let s = parse_schedule(" Weekly : Di : 9.30 – 11:00 ").unwrap();
        assert_eq!(format_schedule(&s), "weekly:tu:09:30-11:00");
        assert_eq!(parse_schedules(" \n ").unwrap(), vec![]);
        let two = parse_schedules("weekly:mo:18:00-19:00\nmonthly_last:so:10:00-12:00").unwrap();
        assert_eq!(two.len(), 2);
    }

    #[test]
    fn errors_name_the_broken_part() {
        let cases = [
            (
                "daily:mo:18:00-20:00",
                "„daily“ ist kein bekannter Rhythmus",
            ),
            ("weekly:tu", "unvollständig"),
            ("weekly:xx:18:00-20:00", "Wochentag ist kein gültiger Wert"),
            ("weekly:tu:18:00", "von-bis"),
            ("weekly:tu:20:00-18:00", "Ende muss nach dem Beginn liegen"),
            ("weekly:tu:25:00-26:00", "Beginn ist keine gültige Uhrzeit"),
            (
                "monthly_nth:5:tu:18:00-20:00",
                "Woche im Monat ist außerhalb",
            ),
            (
                "every_n_weeks:2:we:2026-01-08:18:00-20:00",
                "Bezugsdatum muss ein Mittwoch sein",
            ),
            (
                "every_n_weeks:1:we:2026-01-07:18:00-20:00",
                "Wochenabstand ist außerhalb",
            ),
            (
                "every_n_weeks:2:we:2026-13-07:18:00-20:00",
                "Bezugsdatum ist kein gültiges Datum",
            ),
        ];
        for (raw, want) in cases {
            let err = parse_schedule(raw).unwrap_err();
            assert!(err.contains(want), "{raw}: {err}");
        }
        let errs =
            parse_schedules("weekly:tu:18:00-20:00 | weekly:xx:18:00-20:00 | monthly_last:fr")
                .unwrap_err();
        assert_eq!(errs.len(), 2);
        assert!(
            errs[0].starts_with("Rhythmus 2 („weekly:xx:18:00-20:00“): "),
            "{errs:?}"
        );
        assert!(errs[1].starts_with("Rhythmus 3 "), "{errs:?}");
    }
}
