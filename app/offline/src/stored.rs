//! How records are kept in the replica: one IndexedDB value per record,
//! the record's JSON, under the key `"<kind>/<id>"`; and how a page of the
//! change feed becomes writes.

use serde::{Deserialize, Serialize};
use wegweiser_core::directory::Directory;
use wegweiser_core::domain::TaxonomyError;
use wegweiser_core::sync::{Change, ChangePage, Cursor, PublicRecord, RecordKind};
use wegweiser_core::views::PublicDirectory;

/// Where the replica stands, kept in the `meta` store under
/// [`STATE_KEY`] as JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// The last feed position written (with its page, in one transaction).
    pub cursor: Cursor,
    /// The first download has reached the end of the feed once; until then
    /// the replica answers nothing, it would show half a directory.
    pub complete: bool,
    /// When the server last confirmed the replica current (ms since the
    /// epoch, browser clock): the "Stand" shown with the data.
    pub synced_at: Option<f64>,
}

pub const STATE_KEY: &str = "state";

/// One write to the `records` store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    Put { key: String, json: String },
    Delete { key: String },
}

pub fn key(kind: RecordKind, id: impl std::fmt::Display) -> String {
    format!("{}/{id}", kind.as_str())
}

/// The writes that apply `page` (the page's changes are already in order,
/// each record at most once).
pub fn writes(page: &ChangePage) -> Result<Vec<Write>, serde_json::Error> {
    page.changes
        .iter()
        .map(|change| {
            Ok(match change {
                Change::Put { record, .. } => Write::Put {
                    key: key(record.kind(), record.id()),
                    json: serde_json::to_string(record)?,
                },
                Change::Delete { kind, id, .. } => Write::Delete {
                    key: key(*kind, id),
                },
            })
        })
        .collect()
}

#[derive(Debug, thiserror::Error)]
pub enum StoredError {
    #[error("ein gespeicherter Eintrag ist unlesbar: {0}")]
    Unreadable(#[from] serde_json::Error),
    #[error("die gespeicherten Themen passen nicht zusammen: {0}")]
    Taxonomy(#[from] TaxonomyError),
}

/// The stored values (record JSON) sorted into topics, offices and groups.
pub fn public_directory<'a>(
    values: impl IntoIterator<Item = &'a str>,
) -> Result<PublicDirectory, StoredError> {
    let mut dir = PublicDirectory {
        topics: Vec::new(),
        offices: Vec::new(),
        groups: Vec::new(),
    };
    for value in values {
        match serde_json::from_str::<PublicRecord>(value)? {
            PublicRecord::Topic(t) => dir.topics.push(t),
            PublicRecord::Office(o) => dir.offices.push(o),
            PublicRecord::Group(g) => dir.groups.push(*g),
        }
    }
    Ok(dir)
}

/// The searchable directory made from the stored values.
pub fn directory<'a>(values: impl IntoIterator<Item = &'a str>) -> Result<Directory, StoredError> {
    let d = public_directory(values)?;
    Ok(Directory::from_public(d.topics, d.offices, d.groups)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use wegweiser_core::demo::demo_records;
    use wegweiser_core::domain::PublicGroup;

    fn feed_of(records: Vec<PublicRecord>) -> ChangePage {
        ChangePage {
            changes: records
                .into_iter()
                .enumerate()
                .map(|(i, r)| Change::Put {
                    seq: Cursor(i as u64 + 1),
                    record: Box::new(r),
                })
                .collect(),
            next: Cursor(0),
            more: false,
        }
    }

    fn apply(store: &mut BTreeMap<String, String>, page: &ChangePage) {
        for w in writes(page).unwrap() {
            match w {
                Write::Put { key, json } => store.insert(key, json),
                Write::Delete { key } => store.remove(&key),
            };
        }
    }

    #[test]
    fn a_replica_fed_the_whole_feed_searches_like_the_server() {
        let records = demo_records();
        let server = Directory::build(&records).unwrap();
        let mut all: Vec<PublicRecord> = Vec::new();
        all.extend(records.topics.iter().cloned().map(PublicRecord::Topic));
        all.extend(records.offices.iter().cloned().map(PublicRecord::Office));
        all.extend(
            records
                .groups
                .iter()
                .map(|g| PublicRecord::Group(Box::new(PublicGroup::from(g)))),
        );
        let mut store = BTreeMap::new();
        apply(&mut store, &feed_of(all));
        let replica = directory(store.values().map(String::as_str)).unwrap();

        assert_eq!(replica.all_groups().len(), records.groups.len());
        for q in ["trauer", "alkohol", "angehörige demenz", "depresion"] {
            let query = wegweiser_core::directory::Query {
                q: q.into(),
                ..Default::default()
            };
            assert_eq!(replica.search(&query), server.search(&query), "{q}");
        }
    }

    #[test]
    fn a_tombstone_removes_the_record() {
        let records = demo_records();
        let group = PublicGroup::from(&records.groups[0]);
        let id = group.id.0;
        let mut store = BTreeMap::new();
        apply(
            &mut store,
            &feed_of(vec![PublicRecord::Group(Box::new(group))]),
        );
        assert_eq!(store.len(), 1);
        let delete = ChangePage {
            changes: vec![Change::Delete {
                seq: Cursor(2),
                kind: RecordKind::Group,
                id,
            }],
            next: Cursor(2),
            more: false,
        };
        apply(&mut store, &delete);
        assert!(store.is_empty());
    }

    #[test]
    fn an_unreadable_value_is_an_error_not_a_panic() {
        assert!(matches!(
            public_directory(["{\"kind\":\"group\"}"]),
            Err(StoredError::Unreadable(_))
        ));
    }
}
