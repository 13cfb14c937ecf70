//! A group's edit form (docs/sync.md#the-edit-form): which fields it
//! shows, and how a posted form becomes the edited data and a mutation.
//! The server (a form posted without JavaScript), the page (checking
//! before it sends) and the browser's outbox (offline) all use these
//! functions, so a form means the same everywhere.
//!
//! Form fields are named by their path (`contact.phone`); schedule rows
//! by `schedules.<row>.<part>` (`freq`, `weekday`, `interval`, `anchor`,
//! `nth`, `opens_at`, `closes_at`); a row whose `freq` is empty is left
//! out. Only fields present in the form are changed.

use super::fields::{self, FieldPath};
use super::mutation::{Changes, ConflictId, Mutation, MutationId, Op};
use super::push::FieldMessage;
use crate::domain::{
    Accepting, District, Email, Language, LongText, Name, Phone, PostalCode, Problem, Schedule,
    ShortText, Slug, Status, Version, Website,
};
use crate::sync::RecordKind;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// How a field is read from its text.
#[derive(Debug, Clone, Copy)]
pub enum Input {
    /// Text checked by its domain type; blank removes an optional field.
    Text {
        required: bool,
        multiline: bool,
        check: fn(&str) -> Result<(), Problem>,
    },
    /// One of fixed keys, with German labels.
    Choice(&'static [(&'static str, &'static str)]),
    /// A list of texts, one per line, each checked; no lines removes it.
    Lines {
        check: fn(&str) -> Result<(), Problem>,
    },
    /// Yes or no: `ja`, `nein`, or empty for not set (a select, so it
    /// is always posted).
    Flag,
    /// One record of a kind (its id), chosen from the page's list.
    Ref(RecordKind),
    /// Any number of records of a kind (their ids): checkboxes, and the
    /// name once more with an empty value, so that none checked is posted.
    Refs(RecordKind),
}

#[derive(Debug, Clone, Copy)]
pub struct FormField {
    pub path: &'static str,
    pub label: &'static str,
    pub input: Input,
}

fn ok<T>(r: Result<T, Problem>) -> Result<(), Problem> {
    r.map(|_| ())
}

const fn text(
    path: &'static str,
    label: &'static str,
    required: bool,
    check: fn(&str) -> Result<(), Problem>,
) -> FormField {
    FormField {
        path,
        label,
        input: Input::Text {
            required,
            multiline: false,
            check,
        },
    }
}

const ACCEPTING: &[(&str, &str)] = &[
    ("yes", "nimmt neue Mitglieder auf"),
    ("on_request", "neue Mitglieder nach Absprache"),
    ("no", "nimmt derzeit keine neuen Mitglieder auf"),
];
const STATUS: &[(&str, &str)] = &[
    ("active", "aktiv"),
    ("founding", "in Gründung"),
    ("paused", "pausiert"),
    ("ended", "beendet"),
];

/// The group fields the edit form shows, in order (the schedules follow).
pub const GROUP_FIELDS: &[FormField] = &[
    text("name", "Name der Gruppe", true, |s| ok(Name::parse(s))),
    text("description", "Kurzbeschreibung", true, |s| {
        ok(ShortText::parse(s))
    }),
    FormField {
        path: "details",
        label: "Ausführliche Beschreibung",
        input: Input::Text {
            required: false,
            multiline: true,
            check: |s| ok(LongText::parse(s)),
        },
    },
    text(
        "contact.person",
        "Ansprechperson (Vorname oder Pseudonym)",
        false,
        |s| ok(Name::parse(s)),
    ),
    text("contact.phone", "Telefon", false, |s| ok(Phone::parse(s))),
    text("contact.email", "E-Mail", false, |s| ok(Email::parse(s))),
    text(
        "location.room_note",
        "Raum (z. B. „2. OG, Raum 3“)",
        false,
        |s| ok(ShortText::parse(s)),
    ),
    text("schedule_note", "Hinweis zu den Treffen", false, |s| {
        ok(ShortText::parse(s))
    }),
    FormField {
        path: "accepting_new_members",
        label: "Neue Mitglieder",
        input: Input::Choice(ACCEPTING),
    },
    FormField {
        path: "status",
        label: "Stand der Gruppe",
        input: Input::Choice(STATUS),
    },
    FormField {
        path: "topics",
        label: "Themen",
        input: Input::Refs(RecordKind::Topic),
    },
    FormField {
        path: "office_id",
        label: "Zuständige Kontaktstelle",
        input: Input::Ref(RecordKind::Office),
    },
    FormField {
        path: "audience",
        label: "Für wen",
        input: Input::Choice(AUDIENCE),
    },
    FormField {
        path: "format",
        label: "Wie die Gruppe sich trifft",
        input: Input::Choice(FORMAT),
    },
    FormField {
        path: "languages",
        label: "Sprachen (Kürzel, eines je Zeile: de, en, tr, gsg für Gebärdensprache)",
        input: Input::Lines {
            check: |s| ok(Language::parse(s)),
        },
    },
    text("location.name", "Treffpunkt (Gebäude)", false, |s| {
        ok(Name::parse(s))
    }),
    text(
        "location.address.street",
        "Straße und Hausnummer",
        false,
        |s| ok(Name::parse(s)),
    ),
    text("location.address.postal_code", "Postleitzahl", false, |s| {
        ok(PostalCode::parse(s))
    }),
    text("location.address.city", "Ort", false, |s| {
        ok(Name::parse(s))
    }),
    text("location.address.district", "Stadtteil", false, |s| {
        ok(District::parse(s))
    }),
    FormField {
        path: "location.publish_address",
        label: "Adresse öffentlich zeigen (sonst nur der Stadtteil)",
        input: Input::Flag,
    },
    FormField {
        path: "accessibility.step_free",
        label: "Barrierefreier Zugang",
        input: Input::Flag,
    },
    FormField {
        path: "accessibility.accessible_toilet",
        label: "Barrierefreies WC",
        input: Input::Flag,
    },
    FormField {
        path: "accessibility.hearing_loop",
        label: "Induktionsschleife",
        input: Input::Flag,
    },
    text(
        "accessibility.details",
        "Hinweise zur Barrierefreiheit",
        false,
        |s| ok(ShortText::parse(s)),
    ),
    FormField {
        path: "contact.publish",
        label: "Kontakt der Gruppe öffentlich zeigen (sonst über die Kontaktstelle)",
        input: Input::Flag,
    },
];

const AUDIENCE: &[(&str, &str)] = &[
    ("affected", "Betroffene"),
    ("relatives", "Angehörige"),
    ("both", "Betroffene und Angehörige"),
];
const FORMAT: &[(&str, &str)] = &[
    ("in_person", "vor Ort"),
    ("online", "online"),
    ("hybrid", "vor Ort und online"),
];

/// The contact office fields the edit form shows.
pub const OFFICE_FIELDS: &[FormField] = &[
    text("name", "Name der Kontaktstelle", true, |s| {
        ok(Name::parse(s))
    }),
    text("address.street", "Straße und Hausnummer", true, |s| {
        ok(Name::parse(s))
    }),
    text("address.postal_code", "Postleitzahl", true, |s| {
        ok(PostalCode::parse(s))
    }),
    text("address.city", "Ort", true, |s| ok(Name::parse(s))),
    text("address.district", "Stadtteil", true, |s| {
        ok(District::parse(s))
    }),
    text("phone", "Telefon", true, |s| ok(Phone::parse(s))),
    text("email", "E-Mail", true, |s| ok(Email::parse(s))),
    text("website", "Webseite", false, |s| ok(Website::parse(s))),
    text("hours_note", "Hinweis zu den Öffnungszeiten", false, |s| {
        ok(ShortText::parse(s))
    }),
    text("area_served", "Zuständig für (Gebiet)", true, |s| {
        ok(ShortText::parse(s))
    }),
];

/// The topic fields the edit form shows.
pub const TOPIC_FIELDS: &[FormField] = &[
    text("name", "Name des Themas", true, |s| ok(Name::parse(s))),
    text("description", "Kurzbeschreibung", false, |s| {
        ok(ShortText::parse(s))
    }),
    FormField {
        path: "synonyms",
        label: "Andere Wörter dafür (eines je Zeile, z. B. „Abhängigkeit“ für Sucht)",
        input: Input::Lines {
            check: |s| ok(ShortText::parse(s)),
        },
    },
];

/// The fields the edit form of a kind of record shows.
pub fn fields_of(kind: RecordKind) -> &'static [FormField] {
    match kind {
        RecordKind::Group => GROUP_FIELDS,
        RecordKind::Topic => TOPIC_FIELDS,
        RecordKind::Office => OFFICE_FIELDS,
    }
}

/// The rhythms the schedule editor offers.
pub const FREQUENCIES: &[(&str, &str)] = &[
    ("weekly", "jede Woche"),
    ("every_n_weeks", "alle n Wochen"),
    ("monthly_nth", "n-ter Wochentag im Monat"),
    ("monthly_last", "letzter Wochentag im Monat"),
];

/// The text a field shows in the form for `data` (a list: one per line).
pub fn shown(data: &Value, path: &str) -> String {
    match FieldPath::parse(path).map(|p| fields::get(data, &p)) {
        Ok(Value::String(s)) => s,
        Ok(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        Ok(Value::Bool(b)) => if b { "ja" } else { "nein" }.to_owned(),
        Ok(Value::Null) | Err(_) => String::new(),
        Ok(other) => other.to_string(),
    }
}

/// A list field's value: no items remove the field.
fn list_or_none(items: Vec<Value>) -> Value {
    if items.is_empty() {
        Value::Null
    } else {
        Value::Array(items)
    }
}

/// The data of a group after the form's edits, or every problem with its
/// field.
pub fn draft(original: &Value, form: &[(String, String)]) -> Result<Value, Vec<FieldMessage>> {
    draft_of(RecordKind::Group, original, form)
}

/// The data of a record of `kind` after the form's edits.
pub fn draft_of(
    kind: RecordKind,
    original: &Value,
    form: &[(String, String)],
) -> Result<Value, Vec<FieldMessage>> {
    let posted: BTreeMap<&str, &str> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut data = original.clone();
    let mut problems = Vec::new();
    for field in fields_of(kind) {
        let Some(raw) = posted.get(field.path) else {
            continue;
        };
        let raw = raw.trim();
        let path = FieldPath::parse(field.path).expect("the form's paths are valid");
        let problem = match field.input {
            Input::Text {
                required, check, ..
            } => {
                if raw.is_empty() {
                    if required {
                        Some(Problem::Empty)
                    } else {
                        fields::set(&mut data, &path, Value::Null);
                        None
                    }
                } else {
                    match check(raw) {
                        Ok(()) => {
                            fields::set(&mut data, &path, Value::String(raw.to_owned()));
                            None
                        }
                        Err(p) => Some(p),
                    }
                }
            }
            Input::Lines { check } => {
                let lines: Vec<&str> = raw
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect();
                match lines.iter().find_map(|l| check(l).err()) {
                    Some(p) => Some(p),
                    None => {
                        let list: Vec<Value> = lines
                            .iter()
                            .map(|l| Value::String((*l).to_owned()))
                            .collect();
                        fields::set(&mut data, &path, list_or_none(list));
                        None
                    }
                }
            }
            Input::Flag => match raw {
                "ja" | "nein" => {
                    fields::set(&mut data, &path, Value::Bool(raw == "ja"));
                    None
                }
                "" => {
                    fields::set(&mut data, &path, Value::Null);
                    None
                }
                _ => Some(Problem::OneOf("ja, nein")),
            },
            Input::Ref(_) if raw.is_empty() => {
                fields::set(&mut data, &path, Value::Null);
                None
            }
            Input::Ref(_) => match uuid::Uuid::parse_str(raw) {
                Ok(id) => {
                    fields::set(&mut data, &path, Value::String(id.to_string()));
                    None
                }
                Err(_) => Some(Problem::Uuid),
            },
            Input::Refs(_) => {
                let mut ids = Vec::new();
                let mut problem = None;
                for (_, v) in form
                    .iter()
                    .filter(|(k, v)| k == field.path && !v.is_empty())
                {
                    match uuid::Uuid::parse_str(v.trim()) {
                        Ok(id) if !ids.contains(&Value::String(id.to_string())) => {
                            ids.push(Value::String(id.to_string()))
                        }
                        Ok(_) => {}
                        Err(_) => problem = Some(Problem::Uuid),
                    }
                }
                if problem.is_none() {
                    fields::set(&mut data, &path, list_or_none(ids));
                }
                problem
            }
            Input::Choice(_) if raw.is_empty() => {
                fields::set(&mut data, &path, Value::Null);
                None
            }
            Input::Choice(choices) => {
                let valid = match field.path {
                    "accepting_new_members" => Accepting::parse(raw).is_ok(),
                    "status" => Status::parse(raw).is_ok(),
                    _ => choices.iter().any(|(k, _)| *k == raw),
                };
                if valid {
                    fields::set(&mut data, &path, Value::String(raw.to_owned()));
                    None
                } else {
                    Some(Problem::OneOf("eine der angebotenen Möglichkeiten"))
                }
            }
        };
        if let Some(p) = problem {
            problems.push(FieldMessage {
                field: field.path.to_owned(),
                message: p.to_string(),
            });
        }
    }
    if kind == RecordKind::Group && posted.keys().any(|k| k.starts_with("schedules.")) {
        match schedules(&posted) {
            Ok(list) => fields::set(
                &mut data,
                &FieldPath::parse("schedules").expect("valid"),
                list_or_none(list),
            ),
            Err(mut p) => problems.append(&mut p),
        }
    }
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(problems)
    }
}

/// The schedule rows of a form, each checked by [`Schedule`].
fn schedules(posted: &BTreeMap<&str, &str>) -> Result<Vec<Value>, Vec<FieldMessage>> {
    let mut rows: BTreeMap<usize, Map<String, Value>> = BTreeMap::new();
    for (key, value) in posted {
        let Some(rest) = key.strip_prefix("schedules.") else {
            continue;
        };
        let Some((row, part)) = rest.split_once('.') else {
            continue;
        };
        let Ok(row) = row.parse::<usize>() else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let value = match part {
            "interval" | "nth" => match value.parse::<u8>() {
                Ok(n) => Value::from(n),
                Err(_) => Value::String(value.to_owned()),
            },
            "freq" | "weekday" | "anchor" | "opens_at" | "closes_at" => {
                Value::String(value.to_owned())
            }
            _ => continue,
        };
        rows.entry(row).or_default().insert(part.to_owned(), value);
    }
    let mut list = Vec::new();
    let mut problems = Vec::new();
    for (row, mut parts) in rows {
        let Some(freq) = parts.get("freq").and_then(Value::as_str).map(str::to_owned) else {
            continue;
        };
        // Parts the rhythm does not use are left out (the form shows them all).
        if freq != "every_n_weeks" {
            parts.remove("interval");
            parts.remove("anchor");
        }
        if freq != "monthly_nth" {
            parts.remove("nth");
        }
        match serde_json::from_value::<Schedule>(Value::Object(parts)) {
            Ok(s) => list.push(serde_json::to_value(s).expect("a schedule serialises")),
            Err(e) => problems.push(FieldMessage {
                field: format!("schedules.{row}"),
                message: schedule_message(&e.to_string()),
            }),
        }
    }
    if problems.is_empty() {
        Ok(list)
    } else {
        Err(problems)
    }
}

/// serde's message without its position suffix.
/// A schedule row's problem in German: the domain's own messages are;
/// serde's about a missing part or an unknown choice are put so.
fn schedule_message(raw: &str) -> String {
    let text = raw.split(" at line ").next().unwrap_or(raw);
    let quoted = |t: &str| t.split('`').nth(1).unwrap_or_default().to_owned();
    if text.starts_with("missing field") {
        let part = match quoted(text).as_str() {
            "weekday" => "der Wochentag",
            "opens_at" => "der Beginn",
            "closes_at" => "das Ende",
            "interval" => "alle wie viele Wochen",
            "anchor" => "ein Tag mit einem Treffen",
            "nth" => "welcher im Monat",
            _ => "eine Angabe",
        };
        format!("unvollständig: es fehlt {part}")
    } else if text.starts_with("unknown variant") {
        format!("„{}“ ist keine der angebotenen Möglichkeiten", quoted(text))
    } else {
        text.to_owned()
    }
}

/// The mutation a posted group form makes: `None` when nothing changed.
pub fn mutation(
    id: MutationId,
    record: uuid::Uuid,
    base: Version,
    original: &Value,
    form: &[(String, String)],
) -> Result<Option<Mutation>, Vec<FieldMessage>> {
    mutation_of(RecordKind::Group, id, record, base, original, form)
}

/// The mutation a posted form for a record of `kind` makes.
pub fn mutation_of(
    kind: RecordKind,
    id: MutationId,
    record: uuid::Uuid,
    base: Version,
    original: &Value,
    form: &[(String, String)],
) -> Result<Option<Mutation>, Vec<FieldMessage>> {
    let data = draft_of(kind, original, form)?;
    let changes = fields::diff(original, &data);
    if changes.is_empty() {
        return Ok(None);
    }
    let changes = Changes::new(changes).map_err(|e| {
        vec![FieldMessage {
            field: String::new(),
            message: e.to_string(),
        }]
    })?;
    let resolves = settled_by(form, &changes);
    Ok(Some(Mutation {
        id,
        kind,
        record,
        op: Op::Update { base, changes },
        resolves,
    }))
}

/// The open conflicts a saved form decides: the page names each of the
/// record's open conflicts (`konflikt` = `<id> <field>`); a form that
/// writes a field of one ("a third value") settles it.
fn settled_by(form: &[(String, String)], changes: &Changes) -> Vec<ConflictId> {
    form.iter()
        .filter(|(k, _)| k == "konflikt")
        .filter_map(|(_, v)| {
            let (id, path) = v.split_once(' ')?;
            let written = changes.as_slice().iter().any(|c| c.path.as_str() == path);
            written.then(|| uuid::Uuid::parse_str(id).ok().map(ConflictId))?
        })
        .collect()
}

/// Where a record of `kind` is edited: its staff page is `<this>/<id>`,
/// and the page's edit form posts there.
pub fn record_page(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Group => "/mitarbeit/gruppe",
        RecordKind::Topic => "/mitarbeit/thema",
        RecordKind::Office => "/mitarbeit/kontaktstelle",
    }
}

/// Where the records of `kind` are listed for staff.
pub fn list_page(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Group => "/mitarbeit/gruppen",
        RecordKind::Topic => "/mitarbeit/themen",
        RecordKind::Office => "/mitarbeit/kontaktstellen",
    }
}

/// The record a staff page (`/mitarbeit/gruppe/<id>`) edits.
pub fn record_at(path: &str) -> Option<(RecordKind, uuid::Uuid)> {
    [RecordKind::Group, RecordKind::Topic, RecordKind::Office]
        .into_iter()
        .find_map(|kind| {
            let id = path.strip_prefix(record_page(kind))?.strip_prefix('/')?;
            Some((kind, uuid::Uuid::parse_str(id).ok()?))
        })
}

/// A form's mutation gets its id from the form's own (`form`, chosen when
/// the page was rendered) and from what it changes: the same form sent
/// twice (a double click, a lost answer, the server and the browser's
/// outbox) is one mutation; an old form edited again is a new one.
pub fn identify(form: uuid::Uuid, mut m: Mutation) -> Mutation {
    let content = serde_json::to_vec(&(&m.kind, &m.record, &m.op, &m.resolves))
        .expect("a mutation serialises");
    m.id = MutationId(uuid::Uuid::new_v5(&form, &content));
    m
}

/// The ids a list field holds (a group's `topics`).
pub fn chosen(data: &Value, path: &str) -> Vec<String> {
    FieldPath::parse(path)
        .map(|p| fields::get(data, &p))
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// Where a new record of `kind` is made: `<record page>/neu`.
pub fn new_page(kind: RecordKind) -> String {
    format!("{}/neu", record_page(kind))
}

/// The kind a page for new records (`/mitarbeit/gruppe/neu`) makes.
pub fn new_at(path: &str) -> Option<RecordKind> {
    [RecordKind::Group, RecordKind::Topic, RecordKind::Office]
        .into_iter()
        .find(|kind| path == new_page(*kind))
}

/// The data a new record starts from in its form: what every record of
/// the kind needs and the form does not ask (a group takes new members,
/// is active, speaks German and meets in person until told otherwise).
pub fn blank(kind: RecordKind) -> Value {
    match kind {
        RecordKind::Group => serde_json::json!({
            "accepting_new_members": "yes", "status": "active", "audience": "affected",
            "format": "in_person", "languages": ["de"], "contact": {"publish": false},
        }),
        RecordKind::Office => serde_json::json!({"opening_hours": []}),
        RecordKind::Topic => serde_json::json!({}),
    }
}

/// The mutation a form for a new record makes: the record's id is the
/// form's (`form`), so the same form sent twice makes one record. Its
/// slug (the address in the directory) is the one posted as `slug`, or
/// made from the name.
pub fn creation(
    kind: RecordKind,
    form_id: uuid::Uuid,
    form: &[(String, String)],
) -> Result<Mutation, Vec<FieldMessage>> {
    let mut data = draft_of(kind, &blank(kind), form)?;
    let posted = form
        .iter()
        .find(|(k, _)| k == "slug")
        .map(|(_, v)| v.trim())
        .unwrap_or_default();
    let slug = if posted.is_empty() {
        Ok(Slug::from_name(&shown(&data, "name")))
    } else {
        Slug::parse(posted)
    };
    match slug {
        Ok(slug) => data["slug"] = Value::String(slug.as_str().to_owned()),
        Err(p) => {
            return Err(vec![FieldMessage {
                field: "slug".into(),
                message: p.to_string(),
            }])
        }
    }
    Ok(identify(
        form_id,
        Mutation {
            id: MutationId(uuid::Uuid::nil()),
            kind,
            record: uuid::Uuid::new_v5(&form_id, b"record"),
            op: Op::Create { data },
            resolves: Vec::new(),
        },
    ))
}

/// The parts of a schedule row as the form shows them (empty: unset).
pub const SCHEDULE_PARTS: &[&str] = &[
    "freq",
    "weekday",
    "nth",
    "interval",
    "anchor",
    "opens_at",
    "closes_at",
];

/// The text of one part of a schedule row (`row` a schedule's JSON).
pub fn schedule_part(row: &Value, part: &str) -> String {
    match &row[part] {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Every form field's text for `data`, by field name: the inverse of
/// [`draft_of`] (schedule rows included, without the empty row to add
/// one).
pub fn values(kind: RecordKind, data: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for f in fields_of(kind) {
        match f.input {
            Input::Refs(_) => out.extend(
                chosen(data, f.path)
                    .into_iter()
                    .map(|id| (f.path.to_owned(), id)),
            ),
            _ => out.push((f.path.to_owned(), shown(data, f.path))),
        }
    }
    if kind == RecordKind::Group {
        for (i, row) in data["schedules"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            for part in SCHEDULE_PARTS {
                out.push((format!("schedules.{i}.{part}"), schedule_part(row, part)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn original() -> Value {
        json!({"name": "Trauercafé", "description": "Austausch.", "contact": {"phone": "0221 123456", "publish": true},
               "schedules": [{"freq": "weekly", "weekday": "mo", "opens_at": "18:00", "closes_at": "19:30"}],
               "accepting_new_members": "yes", "status": "active"})
    }

    #[test]
    fn the_values_of_a_record_make_the_same_record_again() {
        let data = original();
        let pairs = values(RecordKind::Group, &data);
        assert!(pairs.contains(&("contact.phone".into(), "0221 123456".into())));
        assert!(pairs.contains(&("schedules.0.opens_at".into(), "18:00".into())));
        assert_eq!(draft_of(RecordKind::Group, &data, &pairs).unwrap(), data);
    }

    #[test]
    fn flags_topics_and_the_office_are_read_from_their_inputs() {
        let t1 = "00000000-0000-4000-8000-000000000001";
        let t2 = "00000000-0000-4000-8000-000000000002";
        let data = draft_of(
            RecordKind::Group,
            &original(),
            &form(&[
                ("topics", ""),
                ("topics", t1),
                ("topics", t2),
                ("topics", t1),
                ("office_id", t2),
                ("accessibility.step_free", "ja"),
                ("accessibility.hearing_loop", "nein"),
                ("contact.publish", ""),
            ]),
        )
        .unwrap();
        assert_eq!(data["topics"], json!([t1, t2]));
        assert_eq!(data["office_id"], json!(t2));
        assert_eq!(
            data["accessibility"],
            json!({"step_free": true, "hearing_loop": false})
        );
        assert_eq!(data["contact"].get("publish"), None);
        // None checked (only the empty marker) removes them; a broken id is named.
        let none = draft_of(RecordKind::Group, &data, &form(&[("topics", "")])).unwrap();
        assert_eq!(none.get("topics"), None);
        let broken = draft_of(
            RecordKind::Group,
            &data,
            &form(&[("topics", "x"), ("accessibility.step_free", "vielleicht")]),
        )
        .unwrap_err();
        let named: Vec<&str> = broken.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(named, vec!["topics", "accessibility.step_free"]);
        // And the form shows them again as they were.
        let again = draft_of(
            RecordKind::Group,
            &original(),
            &values(RecordKind::Group, &data),
        )
        .unwrap();
        assert_eq!(again, data);
    }

    #[test]
    fn a_new_record_gets_its_id_from_the_form_and_its_slug_from_its_name() {
        let form_id = uuid::Uuid::from_u128(9);
        let posted = form(&[
            ("name", "Trauercafé Süd"),
            ("description", "Austausch nach einem Verlust."),
        ]);
        let m = creation(RecordKind::Topic, form_id, &posted).unwrap();
        let again = creation(RecordKind::Topic, form_id, &posted).unwrap();
        assert_eq!(
            (m.id, m.record),
            (again.id, again.record),
            "one form, one record"
        );
        let Op::Create { data } = &m.op else {
            panic!("not a creation")
        };
        assert_eq!(data["slug"], json!("trauercafe-sued"));
        let other = creation(RecordKind::Topic, uuid::Uuid::from_u128(10), &posted).unwrap();
        assert_ne!(other.record, m.record, "another form, another record");
        let mut bad = posted.clone();
        bad.push(("slug".into(), "Mit Leerzeichen".into()));
        assert_eq!(
            creation(RecordKind::Topic, form_id, &bad).unwrap_err()[0].field,
            "slug"
        );
        assert_eq!(
            new_at("/mitarbeit/kontaktstelle/neu"),
            Some(RecordKind::Office)
        );
        assert_eq!(new_at("/mitarbeit/kontaktstelle/x"), None);
    }

    #[test]
    fn an_office_form_checks_its_address_and_phone() {
        let problems = draft_of(
            RecordKind::Office,
            &blank(RecordKind::Office),
            &form(&[
                ("name", "KISS Süd"),
                ("address.postal_code", "5067"),
                ("phone", "bitte anrufen"),
            ]),
        )
        .unwrap_err();
        let named: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(named, vec!["address.postal_code", "phone"]);
    }

    #[test]
    fn a_saved_form_settles_the_conflicts_of_the_fields_it_writes() {
        let on_name = "00000000-0000-4000-8000-0000000000c1";
        let on_phone = "00000000-0000-4000-8000-0000000000c2";
        let m = mutation(
            MutationId(uuid::Uuid::nil()),
            uuid::Uuid::nil(),
            Version(3),
            &original(),
            &form(&[
                ("konflikt", &format!("{on_name} name")),
                ("konflikt", &format!("{on_phone} contact.phone")),
                ("name", "Trauercafé am Dom"),
            ]),
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            m.resolves,
            vec![ConflictId(uuid::Uuid::parse_str(on_name).unwrap())]
        );
    }

    #[test]
    fn a_schedule_row_s_problems_are_told_in_german() {
        let problems = draft_of(
            RecordKind::Group,
            &original(),
            &form(&[
                ("schedules.0.freq", "weekly"),
                ("schedules.0.weekday", "mi"),
                ("schedules.0.opens_at", "18:00"),
                ("schedules.0.closes_at", "19:00"),
                ("schedules.1.freq", "weekly"),
                ("schedules.1.weekday", "mo"),
                ("schedules.1.closes_at", "19:00"),
            ]),
        )
        .unwrap_err();
        let said: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.message.as_str()))
            .collect();
        assert_eq!(
            said,
            vec![
                (
                    "schedules.0",
                    "„mi“ ist keine der angebotenen Möglichkeiten"
                ),
                ("schedules.1", "unvollständig: es fehlt der Beginn"),
            ]
        );
    }

    #[test]
    fn staff_pages_name_their_record() {
        let id = uuid::Uuid::from_u128(7);
        let at = format!("{}/{id}", record_page(RecordKind::Topic));
        assert_eq!(record_at(&at), Some((RecordKind::Topic, id)));
        assert_eq!(record_at(&format!("{at}/archiv")), None);
        assert_eq!(record_at("/mitarbeit/gruppe/kein-uuid"), None);
    }

    #[test]
    fn one_form_sent_twice_is_one_mutation_and_a_changed_one_another() {
        let form_id = uuid::Uuid::from_u128(1);
        let make = |phone: &str| {
            let m = mutation(
                MutationId(uuid::Uuid::nil()),
                uuid::Uuid::nil(),
                Version(3),
                &original(),
                &form(&[("contact.phone", phone)]),
            )
            .unwrap()
            .unwrap();
            identify(form_id, m).id
        };
        assert_eq!(make("0221 654321"), make("0221 654321"));
        assert_ne!(make("0221 654321"), make("0221 111111"));
    }

    #[test]
    fn a_changed_phone_number_is_one_change_of_one_field() {
        let m = mutation(
            MutationId(uuid::Uuid::nil()),
            uuid::Uuid::nil(),
            Version(3),
            &original(),
            &form(&[
                ("name", "Trauercafé"),
                ("contact.phone", "0221 654321"),
                ("contact.email", ""),
            ]),
        )
        .unwrap()
        .unwrap();
        let Op::Update { changes, base } = m.op else {
            panic!()
        };
        assert_eq!(base, Version(3));
        assert_eq!(changes.as_slice().len(), 1);
        assert_eq!(changes.as_slice()[0].path.as_str(), "contact.phone");
        assert_eq!(changes.as_slice()[0].to, json!("0221 654321"));
    }

    #[test]
    fn an_unchanged_form_makes_no_mutation() {
        let f = form(&[
            ("name", "Trauercafé"),
            ("description", "Austausch."),
            ("status", "active"),
        ]);
        assert_eq!(
            mutation(
                MutationId(uuid::Uuid::nil()),
                uuid::Uuid::nil(),
                Version(1),
                &original(),
                &f
            )
            .unwrap(),
            None
        );
    }

    #[test]
    fn every_bad_field_is_named_with_a_german_message() {
        let f = form(&[
            ("name", ""),
            ("contact.phone", "keine Nummer"),
            ("status", "weg"),
            ("schedules.0.freq", "monthly_nth"),
            ("schedules.0.weekday", "tu"),
            ("schedules.0.opens_at", "18:00"),
            ("schedules.0.closes_at", "17:00"),
            ("schedules.0.nth", "2"),
        ]);
        let problems = draft(&original(), &f).unwrap_err();
        let named: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(named, ["name", "contact.phone", "status", "schedules.0"]);
        assert_eq!(problems[0].message, "darf nicht leer sein");
    }

    #[test]
    fn schedule_rows_cover_every_rhythm_and_blank_rows_are_left_out() {
        let f = form(&[
            ("schedules.0.freq", "every_n_weeks"),
            ("schedules.0.weekday", "we"),
            ("schedules.0.interval", "2"),
            ("schedules.0.anchor", "2026-11-18"),
            ("schedules.0.opens_at", "10:00"),
            ("schedules.0.closes_at", "11:30"),
            ("schedules.0.nth", "3"),
            ("schedules.1.freq", "monthly_last"),
            ("schedules.1.weekday", "fr"),
            ("schedules.1.opens_at", "19:00"),
            ("schedules.1.closes_at", "21:00"),
            ("schedules.2.freq", ""),
            ("schedules.2.weekday", "mo"),
        ]);
        let data = draft(&original(), &f).unwrap();
        assert_eq!(
            data["schedules"],
            json!([
                {"freq": "every_n_weeks", "weekday": "we", "interval": 2, "anchor": "2026-11-18", "opens_at": "10:00", "closes_at": "11:30"},
                {"freq": "monthly_last", "weekday": "fr", "opens_at": "19:00", "closes_at": "21:00"},
            ])
        );
        // An anchor that is not the weekday is named.
        let bad = form(&[
            ("schedules.0.freq", "every_n_weeks"),
            ("schedules.0.weekday", "we"),
            ("schedules.0.interval", "2"),
            ("schedules.0.anchor", "2026-11-19"),
            ("schedules.0.opens_at", "10:00"),
            ("schedules.0.closes_at", "11:30"),
        ]);
        assert_eq!(
            draft(&original(), &bad).unwrap_err()[0].field,
            "schedules.0"
        );
    }

    #[test]
    fn a_topics_synonyms_are_one_per_line() {
        let topic = json!({"slug": "sucht", "name": "Sucht", "synonyms": ["Abhängigkeit"]});
        assert_eq!(shown(&topic, "synonyms"), "Abhängigkeit");
        let f = form(&[
            ("name", "Sucht"),
            ("synonyms", "Abhängigkeit\r\n  Drogen \n\n"),
        ]);
        let m = mutation_of(
            RecordKind::Topic,
            MutationId(uuid::Uuid::nil()),
            uuid::Uuid::nil(),
            Version(2),
            &topic,
            &f,
        )
        .unwrap()
        .unwrap();
        let Op::Update { changes, .. } = m.op else {
            panic!()
        };
        assert_eq!(changes.as_slice()[0].to, json!(["Abhängigkeit", "Drogen"]));
        let none = form(&[("synonyms", "")]);
        assert_eq!(
            draft_of(RecordKind::Topic, &topic, &none).unwrap(),
            json!({"slug": "sucht", "name": "Sucht"})
        );
        let long = form(&[("synonyms", &"x".repeat(301))]);
        assert_eq!(
            draft_of(RecordKind::Topic, &topic, &long).unwrap_err()[0].field,
            "synonyms"
        );
    }

    #[test]
    fn the_form_shows_what_the_data_holds() {
        assert_eq!(shown(&original(), "contact.phone"), "0221 123456");
        assert_eq!(shown(&original(), "contact.email"), "");
    }
}
