//! Field-by-field diagnosis of a JSON record that failed to deserialise.
//!
//! serde stops at the first problem and does not say where it was. When a
//! record is rejected, it is walked here along a description of its shape,
//! and every value is checked by its domain type on its own, so a report
//! names each broken field with its path (`data.contact.phone`). Values are
//! still judged by the domain parsers; this only knows the field names.
//! The shapes must follow the domain types; a test walks complete records
//! to keep them in step.

use crate::domain::{
    Accepting, Audience, ClockTime, District, Email, Format, GroupInput, Language, LongText, Name,
    OfficeInput, Phone, PostalCode, Problem, Schedule, ShortText, Slug, Status, Website, Weekday,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

type Leaf = Box<dyn Fn(&Value) -> Result<(), String>>;
/// A check of a whole object after all its fields passed: `(sub-path, message)`.
type Whole = fn(&Value) -> Vec<(String, String)>;

pub(super) enum Shape {
    Leaf(Leaf),
    List(Box<Shape>),
    Object {
        fields: Vec<Field>,
        whole: Option<Whole>,
    },
}

pub(super) struct Field {
    name: &'static str,
    presence: Presence,
    shape: Shape,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Presence {
    /// Must be there, must not be null.
    Required,
    /// May be missing or null (an `Option`).
    Nullable,
    /// May be missing, but not null (a `#[serde(default)]` value).
    Defaulted,
}

/// Walk `value` and collect `(path, message)` for every problem found.
pub(super) fn diagnose(value: &Value, shape: &Shape) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(value, shape, "", &mut out);
    out
}

fn walk(v: &Value, shape: &Shape, path: &str, out: &mut Vec<(String, String)>) {
    match shape {
        Shape::Leaf(check) => {
            if let Err(m) = check(v) {
                out.push((path.to_owned(), m));
            }
        }
        Shape::List(item) => match v.as_array() {
            Some(items) => {
                for (i, it) in items.iter().enumerate() {
                    walk(it, item, &format!("{path}[{i}]"), out);
                }
            }
            None => out.push((path.to_owned(), "muss eine Liste sein".to_owned())),
        },
        Shape::Object { fields, whole } => {
            let Some(map) = v.as_object() else {
                out.push((path.to_owned(), "muss ein Objekt sein".to_owned()));
                return;
            };
            let before = out.len();
            for key in map.keys() {
                if !fields.iter().any(|f| f.name == key) {
                    let allowed = fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", ");
                    out.push((
                        join(path, key),
                        format!("ist kein bekanntes Feld (erlaubt: {allowed})"),
                    ));
                }
            }
            for f in fields {
                match (map.get(f.name), f.presence) {
                    (None, Presence::Required) => {
                        out.push((join(path, f.name), "fehlt".to_owned()))
                    }
                    (None, _) | (Some(Value::Null), Presence::Nullable) => {}
                    (Some(x), _) => walk(x, &f.shape, &join(path, f.name), out),
                }
            }
            if out.len() == before {
                if let Some(whole) = whole {
                    out.extend(whole(v).into_iter().map(|(sub, m)| (join(path, &sub), m)));
                }
            }
        }
    }
}

fn join(path: &str, sub: &str) -> String {
    match (path.is_empty(), sub.is_empty()) {
        (true, _) => sub.to_owned(),
        (_, true) => path.to_owned(),
        _ => format!("{path}.{sub}"),
    }
}

// ---- building blocks ----

fn req(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        presence: Presence::Required,
        shape,
    }
}
fn opt(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        presence: Presence::Nullable,
        shape,
    }
}
fn dflt(name: &'static str, shape: Shape) -> Field {
    Field {
        name,
        presence: Presence::Defaulted,
        shape,
    }
}
fn object(fields: Vec<Field>) -> Shape {
    Shape::Object {
        fields,
        whole: None,
    }
}
fn list(item: Shape) -> Shape {
    Shape::List(Box::new(item))
}

/// A string value checked by a domain type that deserialises from a string
/// (its errors are the German [`Problem`] texts).
fn text<T: DeserializeOwned>() -> Shape {
    Shape::Leaf(Box::new(|v| match v {
        Value::String(_) => T::deserialize(v).map(drop).map_err(|e| e.to_string()),
        _ => Err("muss ein Text sein".to_owned()),
    }))
}

fn parsed(parse: impl Fn(&str) -> Result<(), Problem> + 'static) -> Shape {
    Shape::Leaf(Box::new(move |v| match v.as_str() {
        Some(s) => parse(s).map_err(|p| p.to_string()),
        None => Err("muss ein Text sein".to_owned()),
    }))
}

fn uuid() -> Shape {
    parsed(|s| {
        uuid::Uuid::parse_str(s)
            .map(drop)
            .map_err(|_| Problem::Uuid)
    })
}

/// A closed set of keys; `parse` maps a spelling to its canonical key.
fn keyed(parse: fn(&str) -> Result<&'static str, Problem>) -> Shape {
    parsed(move |s| match parse(s)? {
        key if key == s => Ok(()),
        key => Err(Problem::Other(format!(
            "ist kein gültiger Wert; gemeint ist wohl „{key}“"
        ))),
    })
}

fn date() -> Shape {
    parsed(|s| {
        crate::domain::iso::parse_date(s)
            .map(drop)
            .ok_or(Problem::Date)
    })
}

fn timestamp() -> Shape {
    parsed(|s| {
        crate::domain::iso::parse_instant(s)
            .map(drop)
            .ok_or(())
            .map_err(|_| {
                Problem::Other(
                    "ist kein gültiger Zeitstempel (RFC 3339, z. B. 2026-11-01T10:00:00Z)".into(),
                )
            })
    })
}

fn number(max: u64) -> Shape {
    Shape::Leaf(Box::new(move |v| match v.as_u64() {
        Some(n) if n <= max => Ok(()),
        _ => Err(format!("muss eine ganze Zahl von 0 bis {max} sein")),
    }))
}

fn boolean() -> Shape {
    Shape::Leaf(Box::new(|v| {
        if v.is_boolean() {
            Ok(())
        } else {
            Err("muss true oder false sein".to_owned())
        }
    }))
}

/// The sync metadata every record carries around its `data`.
fn record(data: Shape) -> Shape {
    object(vec![
        req("id", uuid()),
        req("version", number(u64::MAX)),
        req("updated_at", timestamp()),
        req("data", data),
    ])
}

fn address() -> Shape {
    object(vec![
        req("street", text::<Name>()),
        req("postal_code", text::<PostalCode>()),
        req("city", text::<Name>()),
        req("district", text::<District>()),
    ])
}

fn weekday() -> Shape {
    keyed(|s| Weekday::parse(s).map(Weekday::key))
}

fn schedule() -> Shape {
    Shape::Object {
        fields: vec![
            req(
                "freq",
                keyed(|s| {
                    ["weekly", "every_n_weeks", "monthly_nth", "monthly_last"]
                        .into_iter()
                        .find(|k| k.eq_ignore_ascii_case(s.trim()))
                        .ok_or(Problem::OneOf(
                            "weekly, every_n_weeks, monthly_nth, monthly_last",
                        ))
                }),
            ),
            req("weekday", weekday()),
            opt("interval", number(u64::from(u8::MAX))),
            opt("anchor", date()),
            opt("nth", number(u64::from(u8::MAX))),
            req("opens_at", text::<ClockTime>()),
            req("closes_at", text::<ClockTime>()),
        ],
        whole: Some(|v| match Schedule::deserialize(v) {
            Ok(_) => vec![],
            Err(e) => vec![(String::new(), e.to_string())],
        }),
    }
}

pub(super) fn topic() -> Shape {
    record(object(vec![
        req("slug", text::<Slug>()),
        req("name", text::<Name>()),
        opt("parent", uuid()),
        dflt("synonyms", list(text::<ShortText>())),
        opt("description", text::<ShortText>()),
    ]))
}

pub(super) fn office() -> Shape {
    let hours = object(vec![
        req("weekday", weekday()),
        req("opens_at", text::<ClockTime>()),
        req("closes_at", text::<ClockTime>()),
    ]);
    record(Shape::Object {
        fields: vec![
            req("slug", text::<Slug>()),
            req("name", text::<Name>()),
            req("address", address()),
            req("phone", text::<Phone>()),
            req("email", text::<Email>()),
            opt("website", text::<Website>()),
            req("opening_hours", list(hours)),
            opt("hours_note", text::<ShortText>()),
            req("area_served", text::<ShortText>()),
        ],
        // The inherent (remote) deserialiser skips `check`, which is then run
        // here to get its errors with their fields.
        whole: Some(|v| match OfficeInput::deserialize(v) {
            Ok(input) => field_errors(input.check()),
            Err(e) => vec![(String::new(), e.to_string())],
        }),
    })
}

pub(super) fn group() -> Shape {
    let age = Shape::Object {
        fields: vec![
            req("min", number(u64::from(u8::MAX))),
            req("max", number(u64::from(u8::MAX))),
        ],
        whole: Some(|v| match crate::domain::AgeFocus::deserialize(v) {
            Ok(_) => vec![],
            Err(e) => vec![(String::new(), e.to_string())],
        }),
    };
    let location = object(vec![
        opt("name", text::<Name>()),
        req("address", address()),
        req("publish_address", boolean()),
        opt("room_note", text::<ShortText>()),
    ]);
    let accessibility = object(vec![
        dflt("step_free", boolean()),
        dflt("accessible_toilet", boolean()),
        dflt("hearing_loop", boolean()),
        opt("details", text::<ShortText>()),
    ]);
    let contact = object(vec![
        opt("person", text::<Name>()),
        opt("phone", text::<Phone>()),
        opt("email", text::<Email>()),
        opt("website", text::<Website>()),
        dflt("publish", boolean()),
    ]);
    record(Shape::Object {
        fields: vec![
            req("slug", text::<Slug>()),
            req("name", text::<Name>()),
            dflt("alternate_names", list(text::<Name>())),
            req("topics", list(uuid())),
            req("description", text::<ShortText>()),
            opt("details", text::<LongText>()),
            req("audience", keyed(|s| Audience::parse(s).map(Audience::key))),
            opt("age_focus", age),
            req("format", keyed(|s| Format::parse(s).map(Format::key))),
            opt("location", location),
            dflt("schedules", list(schedule())),
            opt("schedule_note", text::<ShortText>()),
            dflt("accessibility", accessibility),
            req("languages", list(text::<Language>())),
            dflt("contact", contact),
            req(
                "accepting_new_members",
                keyed(|s| Accepting::parse(s).map(Accepting::key)),
            ),
            req("status", keyed(|s| Status::parse(s).map(Status::key))),
            req("office_id", uuid()),
            opt("last_verified", date()),
        ],
        whole: Some(|v| match GroupInput::deserialize(v) {
            Ok(input) => field_errors(input.check()),
            Err(e) => vec![(String::new(), e.to_string())],
        }),
    })
}

fn field_errors(r: Result<(), crate::domain::RecordErrors>) -> Vec<(String, String)> {
    match r {
        Ok(()) => vec![],
        Err(e) => {
            e.0.into_iter()
                .map(|fe| (fe.field, fe.problem.to_string()))
                .collect()
        }
    }
}
