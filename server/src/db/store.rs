//! Reading and writing records. Every write goes through [`Store::upsert`]
//! in a transaction: it bumps the global change sequence, the record's
//! version and `updated_at`, so the change feed, versions and (later)
//! history cannot disagree.

use super::edits::{record_history, Written};
use serde::{de::DeserializeOwned, Serialize};
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, Sqlite, SqlitePool, Transaction};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;
use wegweiser_core::domain::{
    ContactRequest, Group, GroupId, Office, OfficeId, PublicGroup, Topic, TopicId, Version,
};
use wegweiser_core::records::Records;
use wegweiser_core::sync::{
    Change, ChangePage, Cursor, FeedQuery, PublicRecord, RecordKind as Kind,
};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create directory {0}: {1}")]
    Io(String, std::io::Error),
    #[error("stored {kind} {id} is unreadable: {reason}")]
    Corrupt {
        kind: &'static str,
        id: String,
        reason: String,
    },
}

/// What [`Store::add_contact_request`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Stored now.
    Created { received_at: OffsetDateTime },
    /// Stored before, with the same content: a retry.
    Repeated { received_at: OffsetDateTime },
    /// The id is taken by a request with other content.
    Conflict,
}

/// What [`Store::import`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub deleted: usize,
}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    pub fn new(pool: SqlitePool) -> Self {
        Self { pool }
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn is_empty(&self) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM records")
            .fetch_one(&self.pool)
            .await?;
        Ok(n == 0)
    }

    /// The current global change sequence (the newest change's number).
    pub async fn sequence(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT value FROM change_sequence WHERE id = 1")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// All live (not deleted) records.
    pub async fn load(&self) -> Result<Records, StoreError> {
        Ok(Records {
            topics: self
                .load_kind(Kind::Topic, |id, version, updated_at, data| Topic {
                    id: TopicId(id),
                    version,
                    updated_at,
                    data,
                })
                .await?,
            offices: self
                .load_kind(Kind::Office, |id, version, updated_at, data| Office {
                    id: OfficeId(id),
                    version,
                    updated_at,
                    data,
                })
                .await?,
            groups: self
                .load_kind(Kind::Group, |id, version, updated_at, data| Group {
                    id: GroupId(id),
                    version,
                    updated_at,
                    data,
                })
                .await?,
        })
    }

    async fn load_kind<D: DeserializeOwned, T>(
        &self,
        kind: Kind,
        make: impl Fn(Uuid, Version, OffsetDateTime, D) -> T,
    ) -> Result<Vec<T>, StoreError> {
        let rows = sqlx::query("SELECT id, version, updated_at, data FROM records WHERE kind = ? AND deleted_at IS NULL ORDER BY seq")
            .bind(kind.as_str())
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let (id, version, updated_at, data) = decode(kind, row)?;
                Ok(make(id, version, updated_at, data))
            })
            .collect()
    }

    /// One page of the public change feed, and the change sequence it was
    /// read at. Both come from one read transaction, that is one snapshot
    /// of the database: SQLite hands out sequence numbers in commit order,
    /// so a page never holds a later change without the earlier ones, and
    /// a record changed after it was read comes again under its new number.
    pub async fn changes(&self, query: FeedQuery) -> Result<(ChangePage, u64), StoreError> {
        let mut tx = self.pool.begin().await?;
        let sequence: i64 = sqlx::query_scalar("SELECT value FROM change_sequence WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
        let rows = sqlx::query("SELECT kind, id, version, updated_at, seq, deleted_at, data FROM records WHERE seq > ? ORDER BY seq LIMIT ?")
            .bind(query.since.0 as i64)
            .bind(query.limit as i64 + 1)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let more = rows.len() > query.limit;
        let changes = rows
            .iter()
            .take(query.limit)
            .map(change)
            .collect::<Result<Vec<_>, _>>()?;
        let next = changes.last().map_or(query.since, Change::seq);
        Ok((
            ChangePage {
                changes,
                next,
                more,
            },
            sequence as u64,
        ))
    }

    /// Every live public record and the sequence they were read at, in one
    /// read transaction (the first-sync snapshot); `None` when there are
    /// more than `max` (counted before anything is read).
    pub async fn snapshot(
        &self,
        max: usize,
    ) -> Result<Option<(Vec<PublicRecord>, u64)>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let live: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM records WHERE deleted_at IS NULL")
            .fetch_one(&mut *tx)
            .await?;
        if live as usize > max {
            return Ok(None);
        }
        let sequence: i64 = sqlx::query_scalar("SELECT value FROM change_sequence WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
        let rows = sqlx::query("SELECT kind, id, version, updated_at, seq, deleted_at, data FROM records WHERE deleted_at IS NULL ORDER BY seq")
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut records = Vec::with_capacity(rows.len());
        for row in &rows {
            if let Change::Put { record, .. } = change(row)? {
                records.push(*record);
            }
        }
        Ok(Some((records, sequence as u64)))
    }

    /// Store a contact request once: the same id again with the same
    /// content is a retry and changes nothing.
    pub async fn add_contact_request(
        &self,
        request: &ContactRequest,
        office: Option<OfficeId>,
        now: OffsetDateTime,
    ) -> Result<Delivery, StoreError> {
        let id = request.id.to_string();
        let group = request.group_id.to_string();
        let message = request.message.as_ref().map(|m| m.as_str());
        // One statement decides: two deliveries of the same request at the
        // same moment cannot both insert.
        let inserted = sqlx::query("INSERT INTO contact_requests (id, group_id, office_id, name, reach, message, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
            .bind(&id)
            .bind(&group)
            .bind(office.map(|o| o.to_string()))
            .bind(request.name.as_str())
            .bind(request.reach.as_str())
            .bind(message)
            .bind(rfc3339(now))
            .execute(&self.pool)
            .await?
            .rows_affected();
        if inserted == 1 {
            return Ok(Delivery::Created { received_at: now });
        }
        let (g, name, reach, msg, at): (String, String, String, Option<String>, String) =
            sqlx::query_as(
                "SELECT group_id, name, reach, message, received_at FROM contact_requests WHERE id = ?",
            )
            .bind(&id)
            .fetch_one(&self.pool)
            .await?;
        let same = g == group
            && name == request.name.as_str()
            && reach == request.reach.as_str()
            && msg.as_deref() == message;
        if !same {
            return Ok(Delivery::Conflict);
        }
        let received_at =
            OffsetDateTime::parse(&at, &Rfc3339).map_err(|e| StoreError::Corrupt {
                kind: "contact request",
                id: id.clone(),
                reason: e.to_string(),
            })?;
        Ok(Delivery::Repeated { received_at })
    }

    /// How many contact requests are stored (for tests and the office's
    /// inbox count).
    pub async fn contact_request_count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM contact_requests")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Every contact request's id, group and time of arrival, oldest first
    /// (what `server inbox` lists; never the content).
    pub async fn contact_request_ids(&self) -> Result<Vec<(String, String, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, group_id, received_at FROM contact_requests ORDER BY received_at, id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// Write a whole directory in one transaction: new records are created,
    /// changed ones get a new version, identical ones are left alone. With
    /// `replace`, live records missing from `records` become tombstones.
    /// The caller has validated `records` (references, taxonomy).
    pub async fn import(
        &self,
        records: &Records,
        replace: bool,
        now: OffsetDateTime,
    ) -> Result<ImportSummary, StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let mut summary = ImportSummary::default();
        for t in &records.topics {
            upsert(
                &mut tx,
                Kind::Topic,
                t.id.0,
                t.data.slug.as_str(),
                &t.data,
                now,
                &mut summary,
            )
            .await?;
        }
        for o in &records.offices {
            upsert(
                &mut tx,
                Kind::Office,
                o.id.0,
                o.data.slug.as_str(),
                &o.data,
                now,
                &mut summary,
            )
            .await?;
        }
        for g in &records.groups {
            upsert(
                &mut tx,
                Kind::Group,
                g.id.0,
                g.data.slug.as_str(),
                &g.data,
                now,
                &mut summary,
            )
            .await?;
        }
        if replace {
            let keep: Vec<(Kind, String)> = records
                .topics
                .iter()
                .map(|t| (Kind::Topic, t.id.to_string()))
                .chain(
                    records
                        .offices
                        .iter()
                        .map(|o| (Kind::Office, o.id.to_string())),
                )
                .chain(
                    records
                        .groups
                        .iter()
                        .map(|g| (Kind::Group, g.id.to_string())),
                )
                .collect();
            let live = sqlx::query("SELECT kind, id FROM records WHERE deleted_at IS NULL")
                .fetch_all(&mut *tx)
                .await?;
            for row in live {
                let kind: String = row.get("kind");
                let id: String = row.get("id");
                if !keep.iter().any(|(k, i)| k.as_str() == kind && *i == id) {
                    let seq = next_seq(&mut tx).await?;
                    let (version, data): (i64, String) = sqlx::query_as("UPDATE records SET deleted_at = ?, updated_at = ?, version = version + 1, seq = ? WHERE kind = ? AND id = ? RETURNING version, data")
                        .bind(rfc3339(now))
                        .bind(rfc3339(now))
                        .bind(seq)
                        .bind(&kind)
                        .bind(&id)
                        .fetch_one(&mut *tx)
                        .await?;
                    let corrupt = |reason: String| StoreError::Corrupt {
                        kind: "record",
                        id: id.clone(),
                        reason,
                    };
                    let entry = Written {
                        kind: Kind::parse(&kind)
                            .ok_or_else(|| corrupt(format!("unknown kind {kind}")))?,
                        id: Uuid::parse_str(&id).map_err(|e| corrupt(e.to_string()))?,
                        version: Version(version as u64),
                        archived: true,
                        changes: &[],
                        data: &data,
                    };
                    record_history(&mut tx, &entry, None, "import", None, now).await?;
                    summary.deleted += 1;
                }
            }
        }
        tx.commit().await?;
        Ok(summary)
    }
}

/// A stored record's id, version, time and data.
fn decode<D: DeserializeOwned>(
    kind: Kind,
    row: &SqliteRow,
) -> Result<(Uuid, Version, OffsetDateTime, D), StoreError> {
    let uuid = row_id(kind, row)?;
    let corrupt = |reason: String| StoreError::Corrupt {
        kind: kind.as_str(),
        id: uuid.to_string(),
        reason,
    };
    let version = Version(row.get::<i64, _>("version") as u64);
    let updated_at = OffsetDateTime::parse(row.get::<&str, _>("updated_at"), &Rfc3339)
        .map_err(|e| corrupt(e.to_string()))?;
    let data =
        serde_json::from_str(row.get::<&str, _>("data")).map_err(|e| corrupt(e.to_string()))?;
    Ok((uuid, version, updated_at, data))
}

/// A stored record's id.
fn row_id(kind: Kind, row: &SqliteRow) -> Result<Uuid, StoreError> {
    let id: &str = row.get("id");
    Uuid::parse_str(id).map_err(|e| StoreError::Corrupt {
        kind: kind.as_str(),
        id: id.to_owned(),
        reason: e.to_string(),
    })
}

/// A row of the records table as a change of the public feed: groups in
/// their public projection, deleted records as tombstones.
fn change(row: &SqliteRow) -> Result<Change, StoreError> {
    let raw_kind: &str = row.get("kind");
    let kind = Kind::parse(raw_kind).ok_or_else(|| StoreError::Corrupt {
        kind: "record",
        id: row.get("id"),
        reason: format!("unknown kind {raw_kind}"),
    })?;
    let seq = Cursor(row.get::<i64, _>("seq") as u64);
    if row.get::<Option<&str>, _>("deleted_at").is_some() {
        let id = row_id(kind, row)?;
        return Ok(Change::Delete { seq, kind, id });
    }
    let record = match kind {
        Kind::Topic => {
            let (id, version, updated_at, data) = decode(kind, row)?;
            PublicRecord::Topic(Topic {
                id: TopicId(id),
                version,
                updated_at,
                data,
            })
        }
        Kind::Office => {
            let (id, version, updated_at, data) = decode(kind, row)?;
            PublicRecord::Office(Office {
                id: OfficeId(id),
                version,
                updated_at,
                data,
            })
        }
        Kind::Group => {
            let (id, version, updated_at, data) = decode(kind, row)?;
            PublicRecord::Group(Box::new(PublicGroup::from(&Group {
                id: GroupId(id),
                version,
                updated_at,
                data,
            })))
        }
    };
    Ok(Change::Put {
        seq,
        record: Box::new(record),
    })
}

pub(super) fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).expect("a UTC time formats as RFC 3339")
}

pub(super) async fn next_seq(tx: &mut Transaction<'_, Sqlite>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "UPDATE change_sequence SET value = value + 1 WHERE id = 1 RETURNING value",
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// The one write path: insert or change a record, bumping the sequence.
async fn upsert<D: Serialize>(
    tx: &mut Transaction<'_, Sqlite>,
    kind: Kind,
    id: Uuid,
    slug: &str,
    data: &D,
    now: OffsetDateTime,
    summary: &mut ImportSummary,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(data).map_err(|e| StoreError::Corrupt {
        kind: kind.as_str(),
        id: id.to_string(),
        reason: e.to_string(),
    })?;
    let existing: Option<(String, Option<String>, i64)> =
        sqlx::query_as("SELECT data, deleted_at, version FROM records WHERE kind = ? AND id = ?")
            .bind(kind.as_str())
            .bind(id.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    let (old, version) = match existing {
        Some((old, None, _)) if old == json => {
            summary.unchanged += 1;
            return Ok(());
        }
        Some((old, _, version)) => {
            let version = Version(version as u64).next();
            let seq = next_seq(tx).await?;
            sqlx::query("UPDATE records SET slug = ?, data = ?, version = ?, updated_at = ?, seq = ?, deleted_at = NULL WHERE kind = ? AND id = ?")
                .bind(slug)
                .bind(&json)
                .bind(version.0 as i64)
                .bind(rfc3339(now))
                .bind(seq)
                .bind(kind.as_str())
                .bind(id.to_string())
                .execute(&mut **tx)
                .await?;
            summary.updated += 1;
            (
                serde_json::from_str(&old).unwrap_or(serde_json::Value::Null),
                version,
            )
        }
        None => {
            let seq = next_seq(tx).await?;
            sqlx::query("INSERT INTO records (kind, id, slug, version, updated_at, seq, data) VALUES (?, ?, ?, 1, ?, ?, ?)")
                .bind(kind.as_str())
                .bind(id.to_string())
                .bind(slug)
                .bind(rfc3339(now))
                .bind(seq)
                .bind(&json)
                .execute(&mut **tx)
                .await?;
            summary.created += 1;
            (serde_json::Value::Null, Version::FIRST)
        }
    };
    let new: serde_json::Value = serde_json::from_str(&json).expect("just serialised");
    let changes = wegweiser_core::edit::diff(&old, &new);
    let entry = Written {
        kind,
        id,
        version,
        archived: false,
        changes: &changes,
        data: &json,
    };
    record_history(tx, &entry, None, "import", None, now).await?;
    Ok(())
}
