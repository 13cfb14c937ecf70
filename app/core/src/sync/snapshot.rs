//! The first sync in one response: every public record at one position of
//! the change feed, in a compact form. Topics and offices go as they are;
//! the groups go as columns (one array per field, so field names are
//! written once), their ids in base64, their topics and office as
//! positions in the snapshot's lists. Compressed once per data version
//! (brotli, quality 11), the 250-group demo takes 24 KB instead of the
//! feed's 36 KB. A replica stores what [`decode`] gives and continues with
//! the feed from [`Snapshot::sequence`].

use super::{Cursor, PublicRecord, RecordKind};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;
use serde_json::{Map, Value};
use uuid::Uuid;

/// Snapshots are for directories up to this many records; bigger ones
/// download in pages of the feed (and would take long to compress).
pub const MAX_RECORDS: usize = 2000;

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("Schnappschuss unlesbar: {0}")]
    Unreadable(#[from] serde_json::Error),
    #[error("Schnappschuss unstimmig: {0}")]
    Inconsistent(String),
}

/// The snapshot of `records`, all live, read at `sequence`, as JSON.
pub fn encode(sequence: Cursor, records: &[PublicRecord]) -> String {
    let (mut topics, mut offices, mut groups) = (Vec::new(), Vec::new(), Vec::new());
    for r in records {
        match r {
            PublicRecord::Topic(t) => topics.push(t),
            PublicRecord::Office(o) => offices.push(o),
            PublicRecord::Group(g) => groups.push(g),
        }
    }
    let topic_at = |id: &str| topics.iter().position(|t| t.id.0.to_string() == id);
    let office_at = |id: &str| offices.iter().position(|o| o.id.0.to_string() == id);
    let mut columns: Vec<(String, Vec<Value>)> = Vec::new();
    for (row, g) in groups.iter().enumerate() {
        let Ok(Value::Object(fields)) = serde_json::to_value(g) else {
            continue;
        };
        for (name, value) in fields {
            let value = match (name.as_str(), value) {
                ("id", Value::String(id)) => Value::String(short_id(&id)),
                ("topics", Value::Array(ids)) => Value::Array(
                    ids.iter()
                        .map(|t| {
                            t.as_str()
                                .and_then(topic_at)
                                .map_or(Value::Null, Value::from)
                        })
                        .collect(),
                ),
                ("office_id", Value::String(id)) => office_at(&id).map_or(Value::Null, Value::from),
                (_, value) => value,
            };
            let column = match columns.iter().position(|(n, _)| *n == name) {
                Some(i) => &mut columns[i].1,
                None => {
                    columns.push((name, Vec::new()));
                    &mut columns.last_mut().expect("just pushed").1
                }
            };
            // Fields a group leaves out are null in its row.
            column.resize(row, Value::Null);
            column.push(value);
        }
    }
    let rows = groups.len();
    let groups: Map<String, Value> = columns
        .into_iter()
        .map(|(name, mut column)| {
            column.resize(rows, Value::Null);
            (name, Value::Array(column))
        })
        .collect();
    serde_json::json!({
        "format": "wegweiser-snapshot",
        "sequence": sequence,
        "topics": topics,
        "offices": offices,
        "rows": rows,
        "groups": groups,
    })
    .to_string()
}

#[derive(Deserialize)]
struct Wire {
    sequence: Cursor,
    topics: Vec<Map<String, Value>>,
    offices: Vec<Map<String, Value>>,
    rows: usize,
    groups: Map<String, Value>,
}

/// One record of a snapshot, as the change feed would carry it.
pub struct Stored {
    pub kind: RecordKind,
    pub id: String,
    /// The record's JSON, tagged with its kind (a `PublicRecord`).
    pub json: String,
}

/// The records of a snapshot and the feed position to continue from.
pub fn decode(text: &str) -> Result<(Cursor, Vec<Stored>), SnapshotError> {
    let wire: Wire = serde_json::from_str(text)?;
    let id_of = |m: &Map<String, Value>| {
        m.get("id")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| SnapshotError::Inconsistent("ein Eintrag ohne id".into()))
    };
    let topic_ids = wire
        .topics
        .iter()
        .map(id_of)
        .collect::<Result<Vec<_>, _>>()?;
    let office_ids = wire
        .offices
        .iter()
        .map(id_of)
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::with_capacity(wire.topics.len() + wire.offices.len() + wire.rows);
    for (kind, list) in [
        (RecordKind::Topic, wire.topics),
        (RecordKind::Office, wire.offices),
    ] {
        for fields in list {
            out.push(tagged(kind, fields)?);
        }
    }
    let position = |v: &Value, ids: &[String]| {
        v.as_u64()
            .and_then(|i| ids.get(i as usize))
            .map(|id| Value::String(id.clone()))
            .ok_or_else(|| SnapshotError::Inconsistent(format!("keine Position: {v}")))
    };
    for row in 0..wire.rows {
        let mut fields = Map::new();
        for (name, column) in &wire.groups {
            let value = column.get(row).unwrap_or(&Value::Null);
            if value.is_null() {
                continue;
            }
            let value = match name.as_str() {
                "id" => Value::String(long_id(value.as_str().unwrap_or_default())?),
                "topics" => Value::Array(
                    value
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|t| position(t, &topic_ids))
                        .collect::<Result<_, _>>()?,
                ),
                "office_id" => position(value, &office_ids)?,
                _ => value.clone(),
            };
            fields.insert(name.clone(), value);
        }
        out.push(tagged(RecordKind::Group, fields)?);
    }
    Ok((wire.sequence, out))
}

fn tagged(kind: RecordKind, fields: Map<String, Value>) -> Result<Stored, SnapshotError> {
    let id = fields
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| SnapshotError::Inconsistent("ein Eintrag ohne id".into()))?;
    let mut record = Map::with_capacity(fields.len() + 1);
    record.insert("kind".into(), Value::String(kind.as_str().into()));
    record.extend(fields);
    Ok(Stored {
        kind,
        id,
        json: Value::Object(record).to_string(),
    })
}

fn short_id(id: &str) -> String {
    Uuid::parse_str(id).map_or_else(|_| id.to_owned(), |u| URL_SAFE_NO_PAD.encode(u.as_bytes()))
}

fn long_id(short: &str) -> Result<String, SnapshotError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(short)
        .map_err(|e| SnapshotError::Inconsistent(format!("id {short}: {e}")))?;
    Uuid::from_slice(&bytes)
        .map(|u| u.to_string())
        .map_err(|e| SnapshotError::Inconsistent(format!("id {short}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_records;
    use crate::domain::PublicGroup;

    fn demo() -> Vec<PublicRecord> {
        let r = demo_records();
        let mut all: Vec<PublicRecord> = Vec::new();
        all.extend(r.topics.iter().cloned().map(PublicRecord::Topic));
        all.extend(r.offices.iter().cloned().map(PublicRecord::Office));
        all.extend(
            r.groups
                .iter()
                .map(|g| PublicRecord::Group(Box::new(PublicGroup::from(g)))),
        );
        all
    }

    #[test]
    fn a_snapshot_gives_back_every_record_as_it_was() {
        let records = demo();
        let (at, stored) = decode(&encode(Cursor(42), &records)).unwrap();
        assert_eq!(at, Cursor(42));
        assert_eq!(stored.len(), records.len());
        for (s, r) in stored.iter().zip(&records) {
            let back: PublicRecord = serde_json::from_str(&s.json).unwrap();
            assert_eq!(&back, r);
            assert_eq!(
                (s.kind, s.id.as_str()),
                (r.kind(), r.id().to_string().as_str())
            );
        }
    }

    #[test]
    fn it_is_smaller_than_the_records_one_by_one() {
        let records = demo();
        let one_by_one: usize = records
            .iter()
            .map(|r| serde_json::to_string(r).unwrap().len())
            .sum();
        assert!(encode(Cursor(1), &records).len() < one_by_one * 85 / 100);
    }

    #[test]
    fn a_broken_snapshot_is_an_error() {
        assert!(decode("{}").is_err());
        let bad = r#"{"format":"wegweiser-snapshot","sequence":1,"topics":[],"offices":[],"rows":1,"groups":{"id":["AAAA"],"topics":[[7]]}}"#;
        assert!(matches!(decode(bad), Err(SnapshotError::Inconsistent(_))));
    }
}
