//! Staff edits in the store (docs/sync.md): a push is applied in one
//! transaction, mutation by mutation, in the order sent. Each mutation's
//! answer is stored with it in that transaction, so a push repeated after
//! a lost answer (or a crash between commit and answer) gets the same
//! answers and changes nothing twice.

use super::store::{next_seq, rfc3339, Store, StoreError};
use serde_json::Value;
use sqlx::{Row, Sqlite, Transaction};
use time::OffsetDateTime;
use uuid::Uuid;
use wegweiser_core::domain::{GroupInput, OfficeInput, StaffId, TopicInput, Version};
use wegweiser_core::edit::{
    decide, Clash, ConflictId, ConflictReport, Current, Decision, FieldChange, FieldMessage,
    HistoryEntry, Merged, Mutation, MutationId, OpenConflict, Outcome, Pushed, StaffPage,
    StaffRecord,
};
use wegweiser_core::sync::{Cursor, RecordKind as Kind};

type Tx<'a> = Transaction<'a, Sqlite>;

impl Store {
    /// Apply a push by `staff`, in one transaction.
    pub async fn push(
        &self,
        staff: StaffId,
        mutations: &[Mutation],
        now: OffsetDateTime,
    ) -> Result<Vec<Pushed>, StoreError> {
        // IMMEDIATE: take the write lock first, so that two pushes at the
        // same moment wait for each other instead of one failing when its
        // read turns into a write.
        let mut tx = self.pool().begin_with("BEGIN IMMEDIATE").await?;
        let mut results = Vec::with_capacity(mutations.len());
        for m in mutations {
            let outcome = apply_once(&mut tx, staff, m, now).await?;
            results.push(Pushed {
                mutation: m.id,
                outcome,
            });
        }
        tx.commit().await?;
        Ok(results)
    }

    /// Records changed after `since`, as staff see them.
    pub async fn staff_changes(
        &self,
        since: Cursor,
        limit: usize,
    ) -> Result<StaffPage, StoreError> {
        let rows = sqlx::query(
            "SELECT kind, id, version, seq, deleted_at, data FROM records WHERE seq > ? ORDER BY seq LIMIT ?",
        )
        .bind(since.0 as i64)
        .bind(limit as i64 + 1)
        .fetch_all(self.pool())
        .await?;
        let more = rows.len() > limit;
        let mut records = Vec::with_capacity(rows.len().min(limit));
        for row in rows.iter().take(limit) {
            records.push(staff_record(row)?);
        }
        let next = records.last().map(|r| r.seq).unwrap_or(since);
        Ok(StaffPage {
            records,
            next,
            more,
        })
    }

    /// One record as staff see it.
    pub async fn staff_record(
        &self,
        kind: Kind,
        id: Uuid,
    ) -> Result<Option<StaffRecord>, StoreError> {
        sqlx::query("SELECT kind, id, version, seq, deleted_at, data FROM records WHERE kind = ? AND id = ?")
            .bind(kind.as_str())
            .bind(id.to_string())
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(staff_record)
            .transpose()
    }

    /// Every version of a record, newest first.
    pub async fn history(&self, kind: Kind, id: Uuid) -> Result<Vec<HistoryEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT h.version, h.at, s.name, h.source, h.archived, h.changes, h.data, h.mutation_id FROM history h LEFT JOIN staff s ON s.id = h.staff_id WHERE h.kind = ? AND h.id = ? ORDER BY h.version DESC",
        )
        .bind(kind.as_str())
        .bind(id.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let unreadable = |e: serde_json::Error| corrupt(kind, id, e);
                Ok(HistoryEntry {
                    version: Version(row.get::<i64, _>(0) as u64),
                    at: row.get(1),
                    by: row.get(2),
                    source: row.get(3),
                    mutation: row
                        .get::<Option<String>, _>(7)
                        .map(|m| Uuid::parse_str(&m).map(MutationId))
                        .transpose()
                        .map_err(|e| corrupt(kind, id, e))?,
                    archived: row.get::<i64, _>(4) == 1,
                    changes: serde_json::from_str(row.get(5)).map_err(unreadable)?,
                    data: serde_json::from_str(row.get(6)).map_err(unreadable)?,
                })
            })
            .collect()
    }

    /// Conflicts no one has decided yet, oldest first.
    pub async fn open_conflicts(&self) -> Result<Vec<OpenConflict>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.kind, c.record_id, c.path, c.base, c.mine, c.theirs, m.name AS mine_name, c.mine_at, t.name AS theirs_name, c.theirs_at
             FROM conflicts c JOIN staff m ON m.id = c.mine_by LEFT JOIN staff t ON t.id = c.theirs_by
             WHERE c.resolved_at IS NULL ORDER BY c.mine_at, c.id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(open_conflict).collect()
    }
}

fn corrupt(kind: Kind, id: Uuid, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        kind: kind.as_str(),
        id: id.to_string(),
        reason: e.to_string(),
    }
}

fn kind_of(raw: &str) -> Result<Kind, StoreError> {
    Kind::parse(raw).ok_or_else(|| StoreError::Corrupt {
        kind: "record",
        id: String::new(),
        reason: format!("unknown kind {raw}"),
    })
}

fn staff_record(row: &sqlx::sqlite::SqliteRow) -> Result<StaffRecord, StoreError> {
    let kind = kind_of(row.get("kind"))?;
    let raw_id: &str = row.get("id");
    let id = Uuid::parse_str(raw_id).map_err(|e| corrupt(kind, Uuid::nil(), e))?;
    Ok(StaffRecord {
        kind,
        id,
        version: Version(row.get::<i64, _>("version") as u64),
        seq: Cursor(row.get::<i64, _>("seq") as u64),
        archived: row.get::<Option<String>, _>("deleted_at").is_some(),
        data: serde_json::from_str(row.get("data")).map_err(|e| corrupt(kind, id, e))?,
    })
}

fn open_conflict(row: &sqlx::sqlite::SqliteRow) -> Result<OpenConflict, StoreError> {
    let kind = kind_of(row.get("kind"))?;
    let record =
        Uuid::parse_str(row.get("record_id")).map_err(|e| corrupt(kind, Uuid::nil(), e))?;
    let bad = |e: String| corrupt(kind, record, e);
    let json =
        |col: &str| serde_json::from_str::<Value>(row.get(col)).map_err(|e| bad(e.to_string()));
    Ok(OpenConflict {
        kind,
        record,
        mine_by: row.get("mine_name"),
        mine_at: row.get("mine_at"),
        report: ConflictReport {
            id: ConflictId(Uuid::parse_str(row.get("id")).map_err(|e| bad(e.to_string()))?),
            path: wegweiser_core::edit::FieldPath::parse(row.get("path"))
                .map_err(|e| bad(e.to_string()))?,
            base: json("base")?,
            mine: json("mine")?,
            theirs: json("theirs")?,
            theirs_by: row.get("theirs_name"),
            theirs_at: row.get("theirs_at"),
        },
    })
}

/// A mutation seen before gets the answer it got then.
async fn apply_once(
    tx: &mut Tx<'_>,
    staff: StaffId,
    m: &Mutation,
    now: OffsetDateTime,
) -> Result<Outcome, StoreError> {
    let body = serde_json::to_string(m).expect("a mutation serialises");
    let seen: Option<(String, String)> =
        sqlx::query_as("SELECT body, outcome FROM mutations WHERE id = ?")
            .bind(m.id.0.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    if let Some((seen_body, outcome)) = seen {
        if seen_body != body {
            return Ok(Outcome::rejected(
                "Diese Änderungskennung gehört schon zu einer anderen Änderung.",
            ));
        }
        return serde_json::from_str(&outcome).map_err(|e| StoreError::Corrupt {
            kind: "mutation",
            id: m.id.0.to_string(),
            reason: e.to_string(),
        });
    }
    let outcome = apply(tx, staff, m, now).await?;
    if outcome.is_final() && !m.resolves.is_empty() {
        for c in &m.resolves {
            sqlx::query("UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolved_with = ? WHERE id = ? AND kind = ? AND record_id = ? AND resolved_at IS NULL")
                .bind(rfc3339(now))
                .bind(staff.to_string())
                .bind(m.id.0.to_string())
                .bind(c.0.to_string())
                .bind(m.kind.as_str())
                .bind(m.record.to_string())
                .execute(&mut **tx)
                .await?;
        }
    }
    sqlx::query(
        "INSERT INTO mutations (id, staff_id, received_at, body, outcome) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(m.id.0.to_string())
    .bind(staff.to_string())
    .bind(rfc3339(now))
    .bind(&body)
    .bind(serde_json::to_string(&outcome).expect("an outcome serialises"))
    .execute(&mut **tx)
    .await?;
    Ok(outcome)
}

async fn apply(
    tx: &mut Tx<'_>,
    staff: StaffId,
    m: &Mutation,
    now: OffsetDateTime,
) -> Result<Outcome, StoreError> {
    let row: Option<(String, i64, Option<String>)> =
        sqlx::query_as("SELECT data, version, deleted_at FROM records WHERE kind = ? AND id = ?")
            .bind(m.kind.as_str())
            .bind(m.record.to_string())
            .fetch_optional(&mut **tx)
            .await?;
    let current = match &row {
        Some((data, version, deleted)) => Some((
            serde_json::from_str::<Value>(data).map_err(|e| corrupt(m.kind, m.record, e))?,
            Version(*version as u64),
            deleted.is_some(),
        )),
        None => None,
    };
    let decision = decide(
        current.as_ref().map(|(data, version, archived)| Current {
            data,
            version: *version,
            archived: *archived,
        }),
        &m.op,
    );
    let current_version = current.as_ref().map(|c| c.1);
    match decision {
        Decision::Refused(r) => Ok(Outcome::rejected(r.to_string())),
        Decision::Unchanged => Ok(Outcome::Applied {
            version: current_version.unwrap_or(Version::FIRST),
        }),
        Decision::Archive(archived) => {
            let (data, version, _) = current.expect("archive decided on a record");
            let version = version.next();
            let seq = next_seq(tx).await?;
            sqlx::query("UPDATE records SET deleted_at = ?, version = ?, updated_at = ?, seq = ? WHERE kind = ? AND id = ?")
                .bind(archived.then(|| rfc3339(now)))
                .bind(version.0 as i64)
                .bind(rfc3339(now))
                .bind(seq)
                .bind(m.kind.as_str())
                .bind(m.record.to_string())
                .execute(&mut **tx)
                .await?;
            let entry = Written {
                kind: m.kind,
                id: m.record,
                version,
                archived,
                changes: &[],
                data: &serde_json::to_string(&data).expect("json"),
            };
            record_history(tx, &entry, Some(staff), "edit", Some(m), now).await?;
            Ok(Outcome::Applied { version })
        }
        Decision::Write(merged) => write(tx, staff, m, current, merged, now).await,
    }
}

/// The record's data after an edit, checked and in its canonical form,
/// with its slug; or what is wrong with it.
fn checked(kind: Kind, data: &Value) -> Result<(String, String), Vec<FieldMessage>> {
    let problems = wegweiser_core::interchange::data_problems(kind, data);
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|(field, message)| FieldMessage { field, message })
            .collect());
    }
    let typed = |e: serde_json::Error| {
        vec![FieldMessage {
            field: String::new(),
            message: e.to_string(),
        }]
    };
    Ok(match kind {
        Kind::Topic => {
            let t: TopicInput = serde_json::from_value(data.clone()).map_err(typed)?;
            (
                serde_json::to_string(&t).expect("json"),
                t.slug.as_str().to_owned(),
            )
        }
        Kind::Office => {
            let o: OfficeInput = serde_json::from_value(data.clone()).map_err(typed)?;
            (
                serde_json::to_string(&o).expect("json"),
                o.slug.as_str().to_owned(),
            )
        }
        Kind::Group => {
            let g: GroupInput = serde_json::from_value(data.clone()).map_err(typed)?;
            (
                serde_json::to_string(&g).expect("json"),
                g.slug.as_str().to_owned(),
            )
        }
    })
}

/// Records the data names that are not live records: a group's topics
/// and office, a topic's parent.
async fn missing_references(
    tx: &mut Tx<'_>,
    kind: Kind,
    data: &Value,
) -> Result<Vec<FieldMessage>, StoreError> {
    let mut refs: Vec<(&str, Kind, &str)> = Vec::new();
    match kind {
        Kind::Group => {
            for t in data["topics"].as_array().into_iter().flatten() {
                if let Some(id) = t.as_str() {
                    refs.push(("topics", Kind::Topic, id));
                }
            }
            if let Some(id) = data["office_id"].as_str() {
                refs.push(("office_id", Kind::Office, id));
            }
        }
        Kind::Topic => {
            if let Some(id) = data["parent"].as_str() {
                refs.push(("parent", Kind::Topic, id));
            }
        }
        Kind::Office => {}
    }
    let mut missing = Vec::new();
    for (field, kind, id) in refs {
        let live: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM records WHERE kind = ? AND id = ? AND deleted_at IS NULL",
        )
        .bind(kind.as_str())
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
        if live.is_none() {
            missing.push(FieldMessage {
                field: field.to_owned(),
                message: match kind {
                    Kind::Office => "ist keine bekannte Kontaktstelle".to_owned(),
                    _ => "ist kein bekanntes Thema".to_owned(),
                },
            });
        }
    }
    Ok(missing)
}

async fn write(
    tx: &mut Tx<'_>,
    staff: StaffId,
    m: &Mutation,
    current: Option<(Value, Version, bool)>,
    merged: Merged,
    now: OffsetDateTime,
) -> Result<Outcome, StoreError> {
    let (json, slug) = match checked(m.kind, &merged.data) {
        Ok(ok) => ok,
        Err(fields) => {
            return Ok(Outcome::Rejected {
                message: "Die Änderung ergibt keinen gültigen Eintrag.".into(),
                fields,
            })
        }
    };
    let mut fields = missing_references(tx, m.kind, &merged.data).await?;
    let taken: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM records WHERE kind = ? AND slug = ? AND id != ? AND deleted_at IS NULL",
    )
    .bind(m.kind.as_str())
    .bind(&slug)
    .bind(m.record.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    if taken.is_some() {
        fields.push(FieldMessage {
            field: "slug".into(),
            message: "ist schon an einen anderen Eintrag vergeben".into(),
        });
    }
    if !fields.is_empty() {
        return Ok(Outcome::Rejected {
            message: "Die Änderung ergibt keinen gültigen Eintrag.".into(),
            fields,
        });
    }
    let mut version = current.as_ref().map(|c| c.1).unwrap_or(Version::FIRST);
    if current.is_none() || !merged.applied.is_empty() {
        let archived = current.as_ref().is_some_and(|c| c.2);
        let seq = next_seq(tx).await?;
        if current.is_some() {
            version = version.next();
            sqlx::query("UPDATE records SET slug = ?, data = ?, version = ?, updated_at = ?, seq = ? WHERE kind = ? AND id = ?")
                .bind(&slug)
                .bind(&json)
                .bind(version.0 as i64)
                .bind(rfc3339(now))
                .bind(seq)
                .bind(m.kind.as_str())
                .bind(m.record.to_string())
                .execute(&mut **tx)
                .await?;
        } else {
            sqlx::query("INSERT INTO records (kind, id, slug, version, updated_at, seq, data) VALUES (?, ?, ?, 1, ?, ?, ?)")
                .bind(m.kind.as_str())
                .bind(m.record.to_string())
                .bind(&slug)
                .bind(rfc3339(now))
                .bind(seq)
                .bind(&json)
                .execute(&mut **tx)
                .await?;
        }
        let entry = Written {
            kind: m.kind,
            id: m.record,
            version,
            archived,
            changes: &merged.applied,
            data: &json,
        };
        record_history(tx, &entry, Some(staff), "edit", Some(m), now).await?;
    }
    if merged.clashes.is_empty() {
        return Ok(Outcome::Applied { version });
    }
    let mut conflicts = Vec::with_capacity(merged.clashes.len());
    for clash in &merged.clashes {
        conflicts.push(keep_conflict(tx, staff, m, clash, now).await?);
    }
    Ok(Outcome::Conflict { version, conflicts })
}

/// Store a clash as an open conflict, naming who made the value the
/// record keeps (the newest version that changed that field).
async fn keep_conflict(
    tx: &mut Tx<'_>,
    staff: StaffId,
    m: &Mutation,
    clash: &Clash,
    now: OffsetDateTime,
) -> Result<ConflictReport, StoreError> {
    let rows = sqlx::query("SELECT h.staff_id, s.name, h.at, h.changes FROM history h LEFT JOIN staff s ON s.id = h.staff_id WHERE h.kind = ? AND h.id = ? ORDER BY h.version DESC")
        .bind(m.kind.as_str())
        .bind(m.record.to_string())
        .fetch_all(&mut **tx)
        .await?;
    let mut theirs = (None, None, None);
    for row in &rows {
        let changes: Vec<FieldChange> =
            serde_json::from_str(row.get("changes")).unwrap_or_default();
        if changes.iter().any(|c| c.path == clash.path) {
            theirs = (
                row.get::<Option<String>, _>("staff_id"),
                row.get::<Option<String>, _>("name"),
                Some(row.get::<String, _>("at")),
            );
            break;
        }
    }
    let id = ConflictId(Uuid::new_v4());
    let text = |v: &Value| serde_json::to_string(v).expect("json");
    sqlx::query("INSERT INTO conflicts (id, kind, record_id, path, base, mine, theirs, mine_by, mine_at, mutation_id, theirs_by, theirs_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(id.0.to_string())
        .bind(m.kind.as_str())
        .bind(m.record.to_string())
        .bind(clash.path.as_str())
        .bind(text(&clash.base))
        .bind(text(&clash.mine))
        .bind(text(&clash.theirs))
        .bind(staff.to_string())
        .bind(rfc3339(now))
        .bind(m.id.0.to_string())
        .bind(&theirs.0)
        .bind(&theirs.2)
        .execute(&mut **tx)
        .await?;
    Ok(ConflictReport {
        id,
        path: clash.path.clone(),
        base: clash.base.clone(),
        mine: clash.mine.clone(),
        theirs: clash.theirs.clone(),
        theirs_by: theirs.1,
        theirs_at: theirs.2,
    })
}

/// A version just written, for the history.
pub(super) struct Written<'a> {
    pub kind: Kind,
    pub id: Uuid,
    pub version: Version,
    pub archived: bool,
    pub changes: &'a [FieldChange],
    /// The record's data after it, as stored.
    pub data: &'a str,
}

pub(super) async fn record_history(
    tx: &mut Tx<'_>,
    w: &Written<'_>,
    staff: Option<StaffId>,
    source: &str,
    mutation: Option<&Mutation>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO history (kind, id, version, at, staff_id, source, mutation_id, archived, changes, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(w.kind.as_str())
        .bind(w.id.to_string())
        .bind(w.version.0 as i64)
        .bind(rfc3339(now))
        .bind(staff.map(|s| s.to_string()))
        .bind(source)
        .bind(mutation.map(|m| m.id.0.to_string()))
        .bind(w.archived)
        .bind(serde_json::to_string(w.changes).expect("json"))
        .bind(w.data)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
