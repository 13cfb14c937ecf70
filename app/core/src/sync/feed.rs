//! The change feed: every public record in the order of the server's one
//! global change sequence, new and changed records as they are now, deleted
//! ones as tombstones. A replica that applies the pages in order and keeps
//! the last cursor holds exactly the public directory.

use crate::domain::{Office, PublicGroup, Topic};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A position in the feed: the sequence number of the last change read.
/// `Cursor(0)` is the beginning.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cursor(pub u64);

/// What kind of record a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    Topic,
    Office,
    Group,
}

impl RecordKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Topic => "topic",
            RecordKind::Office => "office",
            RecordKind::Group => "group",
        }
    }

    /// The kind named by [`as_str`](Self::as_str).
    pub fn parse(name: &str) -> Option<Self> {
        [RecordKind::Topic, RecordKind::Office, RecordKind::Group]
            .into_iter()
            .find(|k| k.as_str() == name)
    }
}

/// A record as the public sees it: groups only in their public projection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum PublicRecord {
    Topic(Topic),
    Office(Office),
    Group(Box<PublicGroup>),
}

impl PublicRecord {
    pub fn kind(&self) -> RecordKind {
        match self {
            PublicRecord::Topic(_) => RecordKind::Topic,
            PublicRecord::Office(_) => RecordKind::Office,
            PublicRecord::Group(_) => RecordKind::Group,
        }
    }

    pub fn id(&self) -> Uuid {
        match self {
            PublicRecord::Topic(t) => t.id.0,
            PublicRecord::Office(o) => o.id.0,
            PublicRecord::Group(g) => g.id.0,
        }
    }
}

/// One entry of the feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Change {
    /// Created or changed: the whole record, as it is now.
    Put {
        seq: Cursor,
        record: Box<PublicRecord>,
    },
    /// Deleted: the replica drops the record.
    Delete {
        seq: Cursor,
        kind: RecordKind,
        id: Uuid,
    },
}

impl Change {
    pub fn seq(&self) -> Cursor {
        match self {
            Change::Put { seq, .. } | Change::Delete { seq, .. } => *seq,
        }
    }
}

/// One page of the feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangePage {
    /// In sequence order, each record at most once.
    pub changes: Vec<Change>,
    /// Where the next page starts (the last change's number, or the
    /// requested cursor when nothing changed).
    pub next: Cursor,
    /// Whether more changes follow right now.
    pub more: bool,
}

/// A request for a page: `since` and `limit`, nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedQuery {
    pub since: Cursor,
    pub limit: usize,
}

impl FeedQuery {
    pub const DEFAULT_LIMIT: usize = 500;
    pub const MAX_LIMIT: usize = 5000;

    /// Parse query-string pairs; unknown or repeated keys and bad numbers
    /// are errors, so a client's mistake never silently reads from the start.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, FeedQueryError> {
        let mut since = None;
        let mut limit = None;
        for (key, value) in pairs {
            let slot = match key {
                "since" => &mut since,
                "limit" => &mut limit,
                other => return Err(FeedQueryError::Unknown(other.to_owned())),
            };
            if slot.is_some() {
                return Err(FeedQueryError::Repeated(key.to_owned()));
            }
            *slot = Some(value);
        }
        let since = match since {
            None => Cursor(0),
            Some(v) => Cursor(v.parse().map_err(|_| FeedQueryError::Since(v.to_owned()))?),
        };
        let limit = match limit {
            None => Self::DEFAULT_LIMIT,
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=Self::MAX_LIMIT).contains(&n) => n,
                _ => return Err(FeedQueryError::Limit(v.to_owned())),
            },
        };
        Ok(Self { since, limit })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedQueryError {
    #[error("Unbekannter Parameter „{0}“; erlaubt sind since und limit.")]
    Unknown(String),
    #[error("Der Parameter „{0}“ ist mehrfach angegeben.")]
    Repeated(String),
    #[error("since „{0}“ ist keine gültige Position (eine ganze Zahl ab 0, aus „next“ der vorigen Antwort).")]
    Since(String),
    #[error("limit „{0}“ ist ungültig; erlaubt ist eine ganze Zahl von 1 bis {max}.", max = FeedQuery::MAX_LIMIT)]
    Limit(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_records;

    fn parse(q: &[(&str, &str)]) -> Result<FeedQuery, FeedQueryError> {
        FeedQuery::parse(q.iter().copied())
    }

    #[test]
    fn query_defaults_and_bounds() {
        assert_eq!(
            parse(&[]),
            Ok(FeedQuery {
                since: Cursor(0),
                limit: FeedQuery::DEFAULT_LIMIT
            })
        );
        assert_eq!(
            parse(&[("since", "42"), ("limit", "5000")]),
            Ok(FeedQuery {
                since: Cursor(42),
                limit: 5000
            })
        );
        for bad in ["0", "5001", "-1", "zehn", ""] {
            assert_eq!(
                parse(&[("limit", bad)]),
                Err(FeedQueryError::Limit(bad.into()))
            );
        }
        for bad in ["-1", "1.5", "x", ""] {
            assert_eq!(
                parse(&[("since", bad)]),
                Err(FeedQueryError::Since(bad.into()))
            );
        }
        assert!(matches!(
            parse(&[("cursor", "1")]),
            Err(FeedQueryError::Unknown(_))
        ));
        assert!(matches!(
            parse(&[("since", "1"), ("since", "2")]),
            Err(FeedQueryError::Repeated(_))
        ));
    }

    #[test]
    fn kinds_read_back_by_name() {
        for k in [RecordKind::Topic, RecordKind::Office, RecordKind::Group] {
            assert_eq!(RecordKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(RecordKind::parse("person"), None);
    }

    #[test]
    fn changes_read_back_as_written() {
        let r = demo_records();
        let group = PublicGroup::from(&r.groups[0]);
        let page = ChangePage {
            changes: vec![
                Change::Put {
                    seq: Cursor(7),
                    record: Box::new(PublicRecord::Group(Box::new(group.clone()))),
                },
                Change::Put {
                    seq: Cursor(8),
                    record: Box::new(PublicRecord::Topic(r.topics[0].clone())),
                },
                Change::Delete {
                    seq: Cursor(9),
                    kind: RecordKind::Office,
                    id: r.offices[0].id.0,
                },
            ],
            next: Cursor(9),
            more: false,
        };
        let json = serde_json::to_value(&page).unwrap();
        assert_eq!(json["changes"][0]["op"], "put");
        assert_eq!(json["changes"][0]["record"]["kind"], "group");
        assert_eq!(json["changes"][2]["op"], "delete");
        assert_eq!(json["changes"][2]["kind"], "office");
        assert_eq!(json["next"], 9);
        let back: ChangePage = serde_json::from_value(json).unwrap();
        assert_eq!(back, page);
        assert_eq!(back.changes[0].seq(), Cursor(7));
    }
}
