//! The replica in IndexedDB (`indexed_db_futures`): database `wegweiser`,
//! store `records` (each public record's JSON under `"<kind>/<id>"`),
//! store `meta` (the [`State`]), store `outbox` (contact requests made
//! offline, under their id, until the server has them) and store `staff`
//! (staff edits, under their mutation id, until the server has answered
//! them; `crate::staff`).
//!
//! Schema versions: the database version is [`VERSION`]; the upgrade
//! creates whatever store is missing. Version 1 had `records` and `meta`,
//! version 2 added `outbox`, version 3 `staff`. When the records' format changes, the upgrade
//! drops `records` and `meta` (they are a copy of the server's data and
//! download again); `outbox` and `staff` hold what only this browser has
//! and are never dropped.

use crate::stored::{State, Write, STATE_KEY};
use indexed_db_futures::database::{Database, ObjectStoreName};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};

pub const NAME: &str = "wegweiser";
pub const VERSION: u32 = 3;
const RECORDS: &str = "records";
const META: &str = "meta";
const OUTBOX: &str = "outbox";
const STAFF: &str = "staff";

#[derive(Debug, thiserror::Error)]
pub enum ReplicaError {
    #[error("Der Speicherplatz des Browsers ist voll; das Verzeichnis ist nur online verfügbar.")]
    Quota,
    #[error("Der Browser erlaubt hier keine Offline-Speicherung (privates Fenster?); das Verzeichnis ist nur online verfügbar. ({0})")]
    Unavailable(String),
    #[error("Fehler im Offline-Speicher: {0}")]
    Storage(String),
}

/// `?` for IndexedDB's errors: a full disk is told apart.
trait OrStorage<T> {
    fn or_storage(self) -> Result<T, ReplicaError>;
}

impl<T, E: std::fmt::Display> OrStorage<T> for Result<T, E> {
    fn or_storage(self) -> Result<T, ReplicaError> {
        self.map_err(|e| {
            let text = e.to_string();
            if text.contains("Quota") {
                ReplicaError::Quota
            } else {
                ReplicaError::Storage(text)
            }
        })
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
                for store in [RECORDS, META, OUTBOX, STAFF] {
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

    fn reading<S: ObjectStoreName>(&self, stores: S) -> Result<Transaction<'_>, ReplicaError> {
        self.db.transaction(stores).build().or_storage()
    }

    fn writing<S: ObjectStoreName>(&self, stores: S) -> Result<Transaction<'_>, ReplicaError> {
        self.db
            .transaction(stores)
            .with_mode(TransactionMode::Readwrite)
            .build()
            .or_storage()
    }

    pub async fn state(&self) -> Result<State, ReplicaError> {
        read_state(&self.reading(META)?).await
    }

    /// Write one page's records and the new state in one transaction: an
    /// interrupted download resumes after the last page stored whole.
    pub async fn apply(&self, writes: &[Write], state: &State) -> Result<(), ReplicaError> {
        let tx = self.writing([RECORDS, META])?;
        let records = tx.object_store(RECORDS).or_storage()?;
        for w in writes {
            // The requests go out without being awaited one by one; the
            // commit below waits for all of them.
            match w {
                Write::Put { key, json } => {
                    records
                        .put(json.as_str())
                        .with_key(key.as_str())
                        .primitive()
                        .or_storage()?;
                }
                Write::Delete { key } => {
                    records.delete(key.as_str()).primitive().or_storage()?;
                }
            }
        }
        let state = serde_json::to_string(state).expect("state serialises");
        tx.object_store(META)
            .or_storage()?
            .put(state.as_str())
            .with_key(STATE_KEY)
            .primitive()
            .or_storage()?;
        commit(tx).await
    }

    /// How many records are stored.
    pub async fn count(&self) -> Result<usize, ReplicaError> {
        let tx = self.reading(RECORDS)?;
        let n = tx
            .object_store(RECORDS)
            .or_storage()?
            .count()
            .primitive()
            .or_storage()?
            .await
            .or_storage()?;
        Ok(n as usize)
    }

    /// Keep a contact request (its JSON) until it is delivered.
    pub async fn keep(&self, id: &str, json: &str) -> Result<(), ReplicaError> {
        let tx = self.writing(OUTBOX)?;
        tx.object_store(OUTBOX)
            .or_storage()?
            .put(json)
            .with_key(id)
            .primitive()
            .or_storage()?;
        commit(tx).await
    }

    /// The contact requests waiting, as JSON.
    pub async fn waiting(&self) -> Result<Vec<String>, ReplicaError> {
        self.all(OUTBOX).await
    }

    /// Drop a delivered (or refused) contact request: nothing personal
    /// stays in the browser.
    pub async fn forget(&self, id: &str) -> Result<(), ReplicaError> {
        let tx = self.writing(OUTBOX)?;
        tx.object_store(OUTBOX)
            .or_storage()?
            .delete(id)
            .primitive()
            .or_storage()?;
        commit(tx).await
    }

    /// The staff edits kept, as JSON.
    pub async fn edits(&self) -> Result<Vec<String>, ReplicaError> {
        self.all(STAFF).await
    }

    /// Write staff edits (`(id, JSON)`) and delete others, in one
    /// transaction.
    pub async fn change_edits(
        &self,
        put: &[(String, String)],
        delete: &[String],
    ) -> Result<(), ReplicaError> {
        let tx = self.writing(STAFF)?;
        let store = tx.object_store(STAFF).or_storage()?;
        for (id, json) in put {
            store
                .put(json.as_str())
                .with_key(id.as_str())
                .primitive()
                .or_storage()?;
        }
        for id in delete {
            store.delete(id.as_str()).primitive().or_storage()?;
        }
        commit(tx).await
    }

    /// Forget the server's data (it said start over); the outbox stays.
    pub async fn clear(&self) -> Result<(), ReplicaError> {
        let tx = self.writing([RECORDS, META])?;
        for store in [RECORDS, META] {
            tx.object_store(store).or_storage()?.clear().or_storage()?;
        }
        commit(tx).await
    }

    /// Every record's JSON and the state they are at, read in one
    /// transaction (another thread may be syncing).
    pub async fn contents(&self) -> Result<(State, Vec<String>), ReplicaError> {
        let tx = self.reading([RECORDS, META])?;
        let state = read_state(&tx).await?;
        Ok((state, read_all(&tx, RECORDS).await?))
    }

    async fn all(&self, store: &str) -> Result<Vec<String>, ReplicaError> {
        read_all(&self.reading(store)?, store).await
    }
}

/// Every value of a store, in key order.
async fn read_all(tx: &Transaction<'_>, store: &str) -> Result<Vec<String>, ReplicaError> {
    tx.object_store(store)
        .or_storage()?
        .get_all::<String>()
        .primitive()
        .or_storage()?
        .await
        .or_storage()?
        .collect::<Result<Vec<_>, _>>()
        .or_storage()
}

/// The state in `meta`; a replica never written is at the start.
async fn read_state(tx: &Transaction<'_>) -> Result<State, ReplicaError> {
    let raw: Option<String> = tx
        .object_store(META)
        .or_storage()?
        .get(STATE_KEY)
        .primitive()
        .or_storage()?
        .await
        .or_storage()?;
    Ok(raw
        .and_then(|r| serde_json::from_str(&r).ok())
        .unwrap_or_default())
}

/// Commit a transaction. One the browser aborted for lack of room is a
/// [`ReplicaError::Quota`]: the library reports only that it was aborted,
/// the reason is the transaction's `error` (a `QuotaExceededError`).
async fn commit(tx: Transaction<'_>) -> Result<(), ReplicaError> {
    let sys: JsValue = tx.as_sys().clone().unchecked_into();
    let committed = tx.commit().await;
    if committed.is_err() && aborted_for(&sys).as_deref() == Some("QuotaExceededError") {
        return Err(ReplicaError::Quota);
    }
    committed.or_storage()
}

/// The name of the DOMException a transaction ended with.
fn aborted_for(tx: &JsValue) -> Option<String> {
    let error = js_sys::Reflect::get(tx, &"error".into()).ok()?;
    if error.is_null() || error.is_undefined() {
        return None;
    }
    js_sys::Reflect::get(&error, &"name".into())
        .ok()?
        .as_string()
}
