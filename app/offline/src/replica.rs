//! The replica in IndexedDB (`indexed_db_futures`): database `wegweiser`,
//! store `records` (each public record's JSON under `"<kind>/<id>"`),
//! store `meta` (the [`State`]) and store `outbox` (contact requests made
//! offline, under their id, until the server has them).
//!
//! Schema versions: the database version is [`VERSION`]; the upgrade
//! creates whatever store is missing. Version 1 had `records` and `meta`,
//! version 2 added `outbox`. When the records' format changes, the upgrade
//! drops `records` and `meta` (they are a copy of the server's data and
//! download again); `outbox` holds what only this browser has and is
//! never dropped.

use crate::stored::{State, Write, STATE_KEY};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

pub const NAME: &str = "wegweiser";
pub const VERSION: u32 = 2;
const RECORDS: &str = "records";
const META: &str = "meta";
const OUTBOX: &str = "outbox";

#[derive(Debug, thiserror::Error)]
pub enum ReplicaError {
    #[error("Der Speicherplatz des Browsers ist voll; das Verzeichnis ist nur online verfügbar.")]
    Quota,
    #[error("Der Browser erlaubt hier keine Offline-Speicherung (privates Fenster?); das Verzeichnis ist nur online verfügbar. ({0})")]
    Unavailable(String),
    #[error("Fehler im Offline-Speicher: {0}")]
    Storage(String),
}

impl ReplicaError {
    fn from_idb(e: impl std::fmt::Display) -> Self {
        let text = e.to_string();
        if text.contains("Quota") {
            ReplicaError::Quota
        } else {
            ReplicaError::Storage(text)
        }
    }
}

pub struct Replica {
    db: Database,
}

impl Replica {
    pub async fn open() -> Result<Self, ReplicaError> {
        let db = Database::open(NAME)
            .with_version(VERSION)
            .with_on_upgrade_needed(|_event, db| {
                for store in [RECORDS, META, OUTBOX] {
                    if !db.object_store_names().any(|n| n == store) {
                        db.create_object_store(store).build()?;
                    }
                }
                Ok(())
            })
            .await
            .map_err(|e| ReplicaError::Unavailable(e.to_string()))?;
        Ok(Self { db })
    }

    pub async fn state(&self) -> Result<State, ReplicaError> {
        let tx = self
            .db
            .transaction(META)
            .build()
            .map_err(ReplicaError::from_idb)?;
        let meta = tx.object_store(META).map_err(ReplicaError::from_idb)?;
        let raw: Option<String> = meta
            .get(STATE_KEY)
            .primitive()
            .map_err(ReplicaError::from_idb)?
            .await
            .map_err(ReplicaError::from_idb)?;
        Ok(raw
            .and_then(|r| serde_json::from_str(&r).ok())
            .unwrap_or_default())
    }

    /// Write one page's records and the new state in one transaction: an
    /// interrupted download resumes after the last page stored whole.
    pub async fn apply(&self, writes: &[Write], state: &State) -> Result<(), ReplicaError> {
        let tx = self
            .db
            .transaction([RECORDS, META])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(ReplicaError::from_idb)?;
        let records = tx.object_store(RECORDS).map_err(ReplicaError::from_idb)?;
        for w in writes {
            // The requests go out without being awaited one by one; the
            // commit below waits for all of them.
            match w {
                Write::Put { key, json } => {
                    records
                        .put(json.as_str())
                        .with_key(key.as_str())
                        .primitive()
                        .map_err(ReplicaError::from_idb)?;
                }
                Write::Delete { key } => {
                    records
                        .delete(key.as_str())
                        .primitive()
                        .map_err(ReplicaError::from_idb)?;
                }
            }
        }
        let state = serde_json::to_string(state).expect("state serialises");
        tx.object_store(META)
            .map_err(ReplicaError::from_idb)?
            .put(state.as_str())
            .with_key(STATE_KEY)
            .primitive()
            .map_err(ReplicaError::from_idb)?;
        tx.commit().await.map_err(ReplicaError::from_idb)
    }

    /// Every stored record's JSON.
    pub async fn values(&self) -> Result<Vec<String>, ReplicaError> {
        let tx = self
            .db
            .transaction(RECORDS)
            .build()
            .map_err(ReplicaError::from_idb)?;
        let records = tx.object_store(RECORDS).map_err(ReplicaError::from_idb)?;
        let all = records
            .get_all::<String>()
            .primitive()
            .map_err(ReplicaError::from_idb)?
            .await
            .map_err(ReplicaError::from_idb)?;
        all.collect::<Result<Vec<_>, _>>()
            .map_err(ReplicaError::from_idb)
    }

    /// How many records are stored.
    pub async fn count(&self) -> Result<usize, ReplicaError> {
        let tx = self
            .db
            .transaction(RECORDS)
            .build()
            .map_err(ReplicaError::from_idb)?;
        let records = tx.object_store(RECORDS).map_err(ReplicaError::from_idb)?;
        let n = records
            .count()
            .primitive()
            .map_err(ReplicaError::from_idb)?
            .await
            .map_err(ReplicaError::from_idb)?;
        Ok(n as usize)
    }

    /// Keep a contact request (its JSON) until it is delivered.
    pub async fn keep(&self, id: &str, json: &str) -> Result<(), ReplicaError> {
        let tx = self
            .db
            .transaction(OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(ReplicaError::from_idb)?;
        tx.object_store(OUTBOX)
            .map_err(ReplicaError::from_idb)?
            .put(json)
            .with_key(id)
            .primitive()
            .map_err(ReplicaError::from_idb)?;
        tx.commit().await.map_err(ReplicaError::from_idb)
    }

    /// The contact requests waiting, as JSON.
    pub async fn waiting(&self) -> Result<Vec<String>, ReplicaError> {
        let tx = self
            .db
            .transaction(OUTBOX)
            .build()
            .map_err(ReplicaError::from_idb)?;
        let all = tx
            .object_store(OUTBOX)
            .map_err(ReplicaError::from_idb)?
            .get_all::<String>()
            .primitive()
            .map_err(ReplicaError::from_idb)?
            .await
            .map_err(ReplicaError::from_idb)?;
        all.collect::<Result<Vec<_>, _>>()
            .map_err(ReplicaError::from_idb)
    }

    /// Drop a delivered (or refused) contact request: nothing personal
    /// stays in the browser.
    pub async fn forget(&self, id: &str) -> Result<(), ReplicaError> {
        let tx = self
            .db
            .transaction(OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(ReplicaError::from_idb)?;
        tx.object_store(OUTBOX)
            .map_err(ReplicaError::from_idb)?
            .delete(id)
            .primitive()
            .map_err(ReplicaError::from_idb)?;
        tx.commit().await.map_err(ReplicaError::from_idb)
    }

    /// Forget everything (the server said start over).
    pub async fn clear(&self) -> Result<(), ReplicaError> {
        let tx = self
            .db
            .transaction([RECORDS, META])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(ReplicaError::from_idb)?;
        for store in [RECORDS, META] {
            tx.object_store(store)
                .map_err(ReplicaError::from_idb)?
                .clear()
                .map_err(ReplicaError::from_idb)?;
        }
        tx.commit().await.map_err(ReplicaError::from_idb)
    }
}
