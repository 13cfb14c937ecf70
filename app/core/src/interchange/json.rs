//! The JSON file of a whole directory:
//! `{"format": "wegweiser-directory", "format_version": 1, "topics": […], "offices": […], "groups": […]}`
//! with the records exactly as the domain types serialise.

use super::{check_size, json_fields, strip_bom, ImportError, RecordError, RecordKind};
use crate::domain::{Group, Office, Problem, Slug, TaxonomyError, Topic};
use crate::records::Records;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// The value of the envelope's `format` key.
pub const FORMAT: &str = "wegweiser-directory";
/// The only `format_version` this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

const KEYS: [&str; 5] = ["format", "format_version", "topics", "offices", "groups"];

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    format_version: u64,
    topics: &'a [Topic],
    offices: &'a [Office],
    groups: &'a [Group],
}

/// The whole directory as pretty-printed JSON; [`from_json`] reads it back.
///
/// # Panics
/// Only if a timestamp cannot be written as RFC 3339 (a year beyond 9999),
/// which the domain never produces.
pub fn to_json(records: &Records) -> String {
    let envelope = Envelope {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        topics: &records.topics,
        offices: &records.offices,
        groups: &records.groups,
    };
    serde_json::to_string_pretty(&envelope).expect("records serialise to JSON")
}

/// Read a directory file. All or nothing: any broken record, any dangling
/// reference rejects the file, with every problem listed.
pub fn from_json(input: &str) -> Result<Records, ImportError> {
    check_size(input)?;
    let value: Value = serde_json::from_str(strip_bom(input)).map_err(|e| {
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = e.to_string();
        ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            message: message.strip_suffix(&suffix).unwrap_or(&message).to_owned(),
        }
    })?;
    let [topics, offices, groups] = envelope(&value)?;

    let mut errs = Vec::new();
    let records = Records {
        topics: parse_list(topics, RecordKind::Topic, json_fields::topic, &mut errs),
        offices: parse_list(offices, RecordKind::Office, json_fields::office, &mut errs),
        groups: parse_list(groups, RecordKind::Group, json_fields::group, &mut errs),
    };
    if !errs.is_empty() {
        return Err(ImportError::Records(errs));
    }
    let errs = check_references(&records);
    if errs.is_empty() {
        Ok(records)
    } else {
        Err(ImportError::References(errs))
    }
}

/// Check the envelope and hand out its three lists.
fn envelope(value: &Value) -> Result<[&[Value]; 3], ImportError> {
    let Some(map) = value.as_object() else {
        return Err(ImportError::Envelope(vec![format!(
            "Die Datei muss ein JSON-Objekt mit den Feldern {} sein",
            KEYS.join(", ")
        )]));
    };
    match map.get("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(other) => {
            return Err(ImportError::WrongFormat {
                found: other.to_string(),
            })
        }
        None => {
            return Err(ImportError::WrongFormat {
                found: "nichts (Feld fehlt)".to_owned(),
            })
        }
    }
    let mut problems = Vec::new();
    match map.get("format_version") {
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        Some(other) => {
            return Err(ImportError::UnsupportedVersion {
                found: other.to_string(),
            })
        }
        None => problems.push("Feld „format_version“ fehlt".to_owned()),
    }
    for key in map.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        problems.push(format!(
            "Unbekanntes Feld „{key}“ auf oberster Ebene (erlaubt: {})",
            KEYS.join(", ")
        ));
    }
    let mut lists: [&[Value]; 3] = [&[], &[], &[]];
    for (slot, kind) in
        lists
            .iter_mut()
            .zip([RecordKind::Topic, RecordKind::Office, RecordKind::Group])
    {
        match map.get(kind.key()) {
            Some(Value::Array(items)) => *slot = items,
            Some(_) => problems.push(format!("„{}“ muss eine Liste sein", kind.key())),
            None => problems.push(format!(
                "Feld „{}“ fehlt (eine Liste, gegebenenfalls leer: [])",
                kind.key()
            )),
        }
    }
    if problems.is_empty() {
        Ok(lists)
    } else {
        Err(ImportError::Envelope(problems))
    }
}

/// Deserialise each element on its own; for a broken one, find every broken
/// field.
fn parse_list<T: DeserializeOwned>(
    items: &[Value],
    kind: RecordKind,
    shape: fn() -> json_fields::Shape,
    errs: &mut Vec<RecordError>,
) -> Vec<T> {
    let mut shape_cache = None;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match T::deserialize(item) {
            Ok(t) => out.push(t),
            Err(e) => {
                let found = json_fields::diagnose(item, shape_cache.get_or_insert_with(shape));
                let index = i + 1;
                if found.is_empty() {
                    errs.push(RecordError {
                        kind,
                        index,
                        field: None,
                        message: e.to_string(),
                    });
                }
                for (path, message) in found {
                    let field = (!path.is_empty()).then_some(path);
                    errs.push(RecordError {
                        kind,
                        index,
                        field,
                        message,
                    });
                }
            }
        }
    }
    out
}

/// Rules between records: ids and slugs unique per kind, every referenced
/// topic and office present, the topic tree sound.
fn check_references(r: &Records) -> Vec<RecordError> {
    let mut errs = Vec::new();
    unique(&r.topics, RecordKind::Topic, "id", |t| t.id, &mut errs);
    unique(
        &r.topics,
        RecordKind::Topic,
        "data.slug",
        |t| t.data.slug.clone(),
        &mut errs,
    );
    unique(&r.offices, RecordKind::Office, "id", |o| o.id, &mut errs);
    unique(
        &r.offices,
        RecordKind::Office,
        "data.slug",
        |o| o.data.slug.clone(),
        &mut errs,
    );
    unique(&r.groups, RecordKind::Group, "id", |g| g.id, &mut errs);
    unique(
        &r.groups,
        RecordKind::Group,
        "data.slug",
        |g| g.data.slug.clone(),
        &mut errs,
    );

    if errs.is_empty() {
        if let Err(e) = r.taxonomy() {
            errs.push(taxonomy_error(&r.topics, e));
        }
    }
    let topics: HashSet<_> = r.topics.iter().map(|t| t.id).collect();
    let offices: HashSet<_> = r.offices.iter().map(|o| o.id).collect();
    for (i, g) in r.groups.iter().enumerate() {
        let at = |field: &str, message: String| RecordError {
            kind: RecordKind::Group,
            index: i + 1,
            field: Some(field.to_owned()),
            message,
        };
        for t in g.data.topics.iter().filter(|t| !topics.contains(t)) {
            errs.push(at(
                "data.topics",
                format!(
                    "„{t}“ {} (nicht unter „topics“ der Datei)",
                    Problem::UnknownTopic
                ),
            ));
        }
        if !offices.contains(&g.data.office_id) {
            let id = g.data.office_id;
            errs.push(at(
                "data.office_id",
                format!(
                    "„{id}“ {} (nicht unter „offices“ der Datei)",
                    Problem::UnknownOffice
                ),
            ));
        }
    }
    errs
}

fn unique<T, K: Eq + Hash + std::fmt::Display>(
    items: &[T],
    kind: RecordKind,
    field: &str,
    key: impl Fn(&T) -> K,
    errs: &mut Vec<RecordError>,
) {
    let mut seen = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let k = key(item);
        if let Some(first) = seen.get(&k) {
            errs.push(RecordError {
                kind,
                index: i + 1,
                field: Some(field.to_owned()),
                message: format!("„{k}“ kommt doppelt vor (wie bei {} {first})", kind.label()),
            });
        } else {
            seen.insert(k, i + 1);
        }
    }
}

fn taxonomy_error(topics: &[Topic], e: TaxonomyError) -> RecordError {
    let index_of = |slug: &Slug| {
        topics
            .iter()
            .position(|t| &t.data.slug == slug)
            .map_or(0, |i| i + 1)
    };
    let (index, field, message) = match &e {
        TaxonomyError::MissingParent { slug, parent } => (
            index_of(slug),
            Some("data.parent".to_owned()),
            format!("übergeordnetes Thema „{parent}“ fehlt in der Datei"),
        ),
        TaxonomyError::Cycle(slug) => (
            index_of(slug),
            Some("data.parent".to_owned()),
            "bildet einen Kreis in der Themenhierarchie".to_owned(),
        ),
        TaxonomyError::DuplicateId(_) | TaxonomyError::DuplicateSlug(_) => (0, None, e.to_string()),
    };
    RecordError {
        kind: RecordKind::Topic,
        index,
        field,
        message,
    }
}

/// Every problem of one record's data (a staff edit's result), with the
/// field's path (`contact.phone`) and a German message; empty when the
/// data is valid for its kind.
pub fn data_problems(kind: crate::sync::RecordKind, data: &Value) -> Vec<(String, String)> {
    let ok = match kind {
        crate::sync::RecordKind::Topic => {
            <crate::domain::TopicInput as serde::Deserialize>::deserialize(data).is_ok()
        }
        crate::sync::RecordKind::Office => {
            <crate::domain::OfficeInput as serde::Deserialize>::deserialize(data).is_ok()
        }
        crate::sync::RecordKind::Group => {
            <crate::domain::GroupInput as serde::Deserialize>::deserialize(data).is_ok()
        }
    };
    if ok {
        return Vec::new();
    }
    // The shapes describe whole records: wrap the data in one.
    let record = serde_json::json!({
        "id": uuid::Uuid::nil(),
        "version": 1,
        "updated_at": "2026-01-01T00:00:00Z",
        "data": data,
    });
    let shape = match kind {
        crate::sync::RecordKind::Topic => json_fields::topic(),
        crate::sync::RecordKind::Office => json_fields::office(),
        crate::sync::RecordKind::Group => json_fields::group(),
    };
    let found: Vec<(String, String)> = json_fields::diagnose(&record, &shape)
        .into_iter()
        .map(|(path, m)| {
            let path = path.strip_prefix("data.").unwrap_or(&path).to_owned();
            (if path == "data" { String::new() } else { path }, m)
        })
        .collect();
    if found.is_empty() {
        vec![(String::new(), "ungültige Angaben".to_owned())]
    } else {
        found
    }
}
