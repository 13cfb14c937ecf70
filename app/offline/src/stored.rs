//! How records are kept in the replica: one IndexedDB value per record,
//! the record's JSON, under the key `"<kind>/<id>"`; and how a page of the
//! change feed becomes writes.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use uuid::Uuid;
use wegweiser_core::directory::Directory;
use wegweiser_core::domain::TaxonomyError;
use wegweiser_core::sync::{Cursor, PublicRecord, RecordKind};
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

/// A page of the feed as it came, each change still its JSON text.
#[derive(Deserialize)]
struct RawPage<'a> {
    #[serde(borrow)]
    changes: Vec<&'a RawValue>,
    next: Cursor,
    more: bool,
}

/// What a change needs to be stored: which record, and its JSON.
#[derive(Deserialize)]
struct RawChange<'a> {
    op: &'a str,
    #[serde(borrow)]
    record: Option<&'a RawValue>,
    kind: Option<RecordKind>,
    id: Option<Uuid>,
}

#[derive(Deserialize)]
struct RecordHead {
    kind: RecordKind,
    id: Uuid,
}

/// The writes that apply a page of the feed (`GET /api/v1/changes`, its
/// changes in order, each record at most once), with the page's next
/// cursor and whether more follows. Each record is stored as the server
/// sent it: only its kind and id are read here (the whole record is read
/// when the directory is built), which halves the work of a first sync.
pub fn writes(page_json: &str) -> Result<(Vec<Write>, Cursor, bool), serde_json::Error> {
    let page: RawPage = serde_json::from_str(page_json)?;
    let mut writes = Vec::with_capacity(page.changes.len());
    for change in page.changes {
        let change: RawChange = serde_json::from_str(change.get())?;
        writes.push(match (change.op, change.record, change.kind, change.id) {
            ("put", Some(record), _, _) => {
                let head: RecordHead = serde_json::from_str(record.get())?;
                Write::Put {
                    key: key(head.kind, head.id),
                    json: record.get().to_owned(),
                }
            }
            ("delete", None, Some(kind), Some(id)) => Write::Delete { key: key(kind, id) },
            (op, ..) => {
                return Err(serde::de::Error::custom(format!(
                    "a change the replica does not know: {op}"
                )))
            }
        });
    }
    Ok((writes, page.next, page.more))
}

/// The writes for a first-sync snapshot (`GET /api/v1/snapshot`) and the
/// feed position to continue from.
pub fn snapshot_writes(
    text: &str,
) -> Result<(Vec<Write>, Cursor), wegweiser_core::sync::snapshot::SnapshotError> {
    let (at, records) = wegweiser_core::sync::snapshot::decode(text)?;
    let writes = records
        .into_iter()
        .map(|r| Write::Put {
            key: key(r.kind, &r.id),
            json: r.json,
        })
        .collect();
    Ok((writes, at))
}

#[derive(Debug, thiserror::Error)]
pub enum StoredError {
    #[error("ein gespeicherter Eintrag ist unlesbar: {0}")]
    Unreadable(#[from] serde_json::Error),
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
        sort_into(&mut dir, serde_json::from_str(value)?);
    }
    Ok(dir)
}

/// The replica's records, parsed and kept in memory by the thread that
/// syncs, so that a sync can end with a searchable directory instead of
/// reading every record back from IndexedDB (seconds for 100,000 groups).
/// Ordered by key, as IndexedDB returns them, so both ways build the same
/// directory.
#[derive(Debug, Default)]
pub struct Parsed {
    records: BTreeMap<String, PublicRecord>,
}

impl Parsed {
    /// The records a built directory holds, to apply a delta to.
    pub fn of(dir: &Directory) -> Self {
        let topics = dir
            .taxonomy()
            .all()
            .iter()
            .map(|t| (key(RecordKind::Topic, t.id), PublicRecord::Topic(t.clone())));
        let offices = dir.offices().iter().map(|o| {
            (
                key(RecordKind::Office, o.id),
                PublicRecord::Office(o.clone()),
            )
        });
        let groups = dir.all_groups().iter().map(|g| {
            (
                key(RecordKind::Group, g.id),
                PublicRecord::Group(Box::new(g.clone())),
            )
        });
        Self {
            records: topics.chain(offices).chain(groups).collect(),
        }
    }

    /// Apply the writes just stored.
    pub fn apply(&mut self, writes: &[Write]) -> Result<(), StoredError> {
        for w in writes {
            match w {
                Write::Put { key, json } => {
                    self.records
                        .insert(key.clone(), serde_json::from_str(json)?);
                }
                Write::Delete { key } => {
                    self.records.remove(key);
                }
            }
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The searchable directory of these records.
    pub fn build(self) -> Result<Directory, TaxonomyError> {
        let mut dir = PublicDirectory {
            topics: Vec::new(),
            offices: Vec::new(),
            groups: Vec::new(),
        };
        for record in self.records.into_values() {
            sort_into(&mut dir, record);
        }
        Directory::from_public(dir.topics, dir.offices, dir.groups)
    }
}

fn sort_into(dir: &mut PublicDirectory, record: PublicRecord) {
    match record {
        PublicRecord::Topic(t) => dir.topics.push(t),
        PublicRecord::Office(o) => dir.offices.push(o),
        PublicRecord::Group(g) => dir.groups.push(*g),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegweiser_core::demo::demo_records;
    use wegweiser_core::domain::PublicGroup;
    use wegweiser_core::sync::{Change, ChangePage};

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

    /// Apply a page as the replica does: from the JSON the server sends.
    fn apply(store: &mut BTreeMap<String, String>, page: &ChangePage) {
        let (writes, next, more) = writes(&serde_json::to_string(page).unwrap()).unwrap();
        assert_eq!((next, more), (page.next, page.more));
        for w in writes {
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
        let d = public_directory(store.values().map(String::as_str)).unwrap();
        let replica = Directory::from_public(d.topics, d.offices, d.groups).unwrap();

        assert_eq!(replica.all_groups().len(), records.groups.len());
        for q in ["trauer", "alkohol", "angehörige demenz", "depresion"] {
            let query = wegweiser_core::directory::Query {
                q: q.into(),
                ..Default::default()
            };
            assert_eq!(replica.search(&query), server.search(&query), "{q}");
        }
    }

    /// The demo's public records as one feed page, and the store it makes.
    fn demo_feed() -> (ChangePage, BTreeMap<String, String>) {
        let records = demo_records();
        let mut all: Vec<PublicRecord> = Vec::new();
        all.extend(records.topics.iter().cloned().map(PublicRecord::Topic));
        all.extend(records.offices.iter().cloned().map(PublicRecord::Office));
        all.extend(
            records
                .groups
                .iter()
                .map(|g| PublicRecord::Group(Box::new(PublicGroup::from(g)))),
        );
        let page = feed_of(all);
        let mut store = BTreeMap::new();
        apply(&mut store, &page);
        (page, store)
    }

    fn from_store(store: &BTreeMap<String, String>) -> Directory {
        let d = public_directory(store.values().map(String::as_str)).unwrap();
        Directory::from_public(d.topics, d.offices, d.groups).unwrap()
    }

    fn same(a: &Directory, b: &Directory) {
        assert_eq!(a.all_groups(), b.all_groups());
        assert_eq!(a.offices(), b.offices());
        assert_eq!(a.taxonomy().all(), b.taxonomy().all());
        for q in ["trauer", "alkohol", "angehörige demenz", "depresion", "e"] {
            let query = wegweiser_core::directory::Query {
                q: q.into(),
                ..Default::default()
            };
            assert_eq!(a.search(&query), b.search(&query), "{q}");
        }
    }

    #[test]
    fn records_kept_in_memory_while_syncing_build_the_directory_the_store_would() {
        let (page, store) = demo_feed();
        let (writes, _, _) = writes(&serde_json::to_string(&page).unwrap()).unwrap();
        let mut parsed = Parsed::default();
        parsed.apply(&writes).unwrap();
        assert_eq!(parsed.len(), store.len());
        same(&parsed.build().unwrap(), &from_store(&store));
    }

    #[test]
    fn a_delta_applied_in_memory_to_a_built_directory_equals_the_store_after_it() {
        let (page, mut store) = demo_feed();
        let before = from_store(&store);
        // One group renamed, one deleted.
        let mut renamed = before.all_groups()[3].clone();
        let renamed_id = renamed.id;
        renamed.name = wegweiser_core::domain::Name::parse("Zuletzt umbenannt").unwrap();
        let gone = before.all_groups()[7].id;
        let delta = ChangePage {
            changes: vec![
                Change::Put {
                    seq: Cursor(page.changes.len() as u64 + 1),
                    record: Box::new(PublicRecord::Group(Box::new(renamed))),
                },
                Change::Delete {
                    seq: Cursor(page.changes.len() as u64 + 2),
                    kind: RecordKind::Group,
                    id: gone.0,
                },
            ],
            next: Cursor(0),
            more: false,
        };
        apply(&mut store, &delta);
        let (writes, _, _) = writes(&serde_json::to_string(&delta).unwrap()).unwrap();
        let mut parsed = Parsed::of(&before);
        parsed.apply(&writes).unwrap();
        let after = parsed.build().unwrap();
        let group = after.all_groups().iter().find(|g| g.id == renamed_id);
        assert_eq!(group.unwrap().name.as_str(), "Zuletzt umbenannt");
        assert!(after.all_groups().iter().all(|g| g.id != gone));
        assert_eq!(after.all_groups().len(), before.all_groups().len() - 1);
        same(&after, &from_store(&store));
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
    fn a_change_of_an_unknown_kind_is_refused() {
        let page = r#"{"changes":[{"op":"move","seq":1}],"next":1,"more":false}"#;
        assert!(writes(page).is_err());
        let page = r#"{"changes":[{"op":"put","seq":1,"record":{"kind":"person","id":"2d66f6d2-8727-4ee7-bd07-ec67a2779814"}}],"next":1,"more":false}"#;
        assert!(writes(page).is_err());
    }

    #[test]
    fn an_unreadable_value_is_an_error_not_a_panic() {
        assert!(matches!(
            public_directory(["{\"kind\":\"group\"}"]),
            Err(StoredError::Unreadable(_))
        ));
    }
}
