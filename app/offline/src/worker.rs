//! What the service worker calls (`wasm_bindgen` exports): `sync`,
//! `status` and `answer`. Errors reach JavaScript as German sentences fit
//! to show the visitor.

use crate::pull::{self, PullError};
use crate::replica::{Replica, ReplicaError};
use crate::stored::{self, State};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wegweiser_core::directory::Directory;
use wegweiser_core::sync::Cursor;

#[derive(Debug, thiserror::Error)]
enum SyncError {
    #[error(transparent)]
    Replica(#[from] ReplicaError),
    #[error("Das Verzeichnis konnte nicht aktualisiert werden: {0}.")]
    Pull(#[from] PullError),
    #[error("Das Verzeichnis konnte nicht gespeichert werden: {0}.")]
    Stored(String),
}

impl From<SyncError> for JsValue {
    fn from(e: SyncError) -> Self {
        JsValue::from_str(&e.to_string())
    }
}

/// What `sync` and `status` report, as JSON.
#[derive(Serialize)]
struct Report {
    #[serde(flatten)]
    state: State,
    /// Records stored now.
    records: usize,
    /// Changes received by this call.
    received: usize,
    /// Their JSON's size in bytes, before compression.
    bytes: usize,
    /// Contact requests waiting to be delivered.
    waiting: usize,
}

/// How long the last build of the searchable directory took.
#[derive(Clone, Copy, Default, Serialize)]
struct Build {
    /// Reading the records from IndexedDB and parsing them.
    load_ms: f64,
    /// `Directory::from_public`: the search index and the lookups.
    index_ms: f64,
    groups: usize,
}

thread_local! {
    /// The open database, kept for the worker's life.
    static REPLICA: RefCell<Option<Rc<Replica>>> = const { RefCell::new(None) };
    /// The searchable directory built from the replica; dropped when a
    /// sync changes the replica (only this worker writes it).
    static BUILT: RefCell<Option<Rc<Directory>>> = const { RefCell::new(None) };
    static LAST_BUILD: RefCell<Build> = RefCell::new(Build::default());
}

/// Bring the replica up to date: the first time the whole feed in pages,
/// afterwards only what changed. `progress` is called with the number of
/// changes received so far after each stored page.
#[wasm_bindgen]
pub async fn sync(progress: js_sys::Function) -> Result<String, JsValue> {
    let replica = replica().await?;
    let mut state = replica.state().await.map_err(SyncError::from)?;
    let mut received = Received {
        changes: 0,
        bytes: 0,
        progress: &progress,
    };
    let mut started_over = false;
    // A first download starts with the whole directory in one compact
    // answer, where the server offers one; the feed then brings what
    // changed since.
    if state.cursor == Cursor(0) {
        if let Some(text) = pull::snapshot().await {
            let (writes, at) =
                stored::snapshot_writes(&text).map_err(|e| SyncError::Stored(e.to_string()))?;
            state.cursor = at;
            store(&replica, &writes, &state).await?;
            received.note(writes.len(), text.len());
        }
    }
    loop {
        let text = match pull::page(state.cursor).await {
            Err(PullError::StartOver) if !started_over => {
                started_over = true;
                BUILT.set(None);
                replica.clear().await.map_err(SyncError::from)?;
                state = State::default();
                continue;
            }
            other => other.map_err(SyncError::from)?,
        };
        let (writes, next, more) =
            stored::writes(&text).map_err(|e| SyncError::Stored(e.to_string()))?;
        state = State {
            cursor: next,
            complete: state.complete || !more,
            synced_at: if more {
                state.synced_at
            } else {
                Some(js_sys::Date::now())
            },
        };
        store(&replica, &writes, &state).await?;
        received.note(writes.len(), text.len());
        if !more {
            break;
        }
    }
    report(&replica, state, received.changes, received.bytes).await
}

/// What a sync has received so far (changes, and their JSON's size),
/// told to the page after each stored answer.
struct Received<'a> {
    changes: usize,
    bytes: usize,
    progress: &'a js_sys::Function,
}

impl Received<'_> {
    fn note(&mut self, changes: usize, bytes: usize) {
        self.changes += changes;
        self.bytes += bytes;
        let _ = self
            .progress
            .call1(&JsValue::NULL, &JsValue::from(self.changes as f64));
    }
}

/// Write one answer's records with the new state; a changed replica
/// needs its searchable directory built again.
async fn store(
    replica: &Replica,
    writes: &[stored::Write],
    state: &State,
) -> Result<(), SyncError> {
    replica.apply(writes, state).await?;
    if !writes.is_empty() {
        BUILT.set(None);
    }
    Ok(())
}

/// Keep a contact request posted without a connection (the form's fields
/// as JSON, with its id). Answers `{"verdict":"kept","waiting":n}` or
/// `{"verdict":"refused","fields":[…]}`.
#[wasm_bindgen]
pub async fn queue_contact(form: String) -> Result<String, JsValue> {
    let verdict = crate::outbox::queue(&form).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let replica = replica().await?;
    Ok(match verdict {
        crate::outbox::Queued::Kept { id, json } => {
            replica.keep(&id, &json).await.map_err(SyncError::from)?;
            let waiting = replica.waiting().await.map_err(SyncError::from)?.len();
            format!(r#"{{"verdict":"kept","waiting":{waiting}}}"#)
        }
        refused => serde_json::to_string(&refused).expect("verdict serialises"),
    })
}

/// Deliver the contact requests waiting, oldest first; stops at the first
/// that gets no answer. Answers `{"delivered":n,"refused":n,"waiting":n}`.
#[wasm_bindgen]
pub async fn deliver() -> Result<String, JsValue> {
    use crate::outbox::{delivery, id_of, Delivery};
    let replica = replica().await?;
    let (mut delivered, mut refused) = (0, 0);
    for json in replica.waiting().await.map_err(SyncError::from)? {
        let Some(id) = id_of(&json) else { continue };
        match delivery(pull::post_contact(&json).await) {
            Delivery::Delivered => delivered += 1,
            Delivery::Refused => refused += 1,
            Delivery::Retry => break,
        }
        replica.forget(&id).await.map_err(SyncError::from)?;
    }
    let waiting = replica.waiting().await.map_err(SyncError::from)?.len();
    Ok(format!(
        r#"{{"delivered":{delivered},"refused":{refused},"waiting":{waiting}}}"#
    ))
}

/// Where the replica stands, without asking the server.
#[wasm_bindgen]
pub async fn status() -> Result<String, JsValue> {
    let replica = replica().await?;
    let state = replica.state().await.map_err(SyncError::from)?;
    report(&replica, state, 0, 0).await
}

async fn report(
    replica: &Replica,
    state: State,
    received: usize,
    bytes: usize,
) -> Result<String, JsValue> {
    let records = replica.count().await.map_err(SyncError::from)?;
    let waiting = replica.waiting().await.map_err(SyncError::from)?.len();
    Ok(serde_json::to_string(&Report {
        state,
        records,
        received,
        bytes,
        waiting,
    })
    .expect("report serialises"))
}

/// The body the server would send for `POST /fn/<endpoint>`, computed
/// from the replica; `None` while the replica is incomplete or for an
/// endpoint it does not answer (the request then goes to the network).
#[wasm_bindgen]
pub async fn answer(endpoint: String, body: String) -> Result<Option<String>, JsValue> {
    if !crate::answer::knows(&endpoint) {
        return Ok(None);
    }
    let Some(dir) = directory().await? else {
        return Ok(None);
    };
    crate::answer::answer(&dir, &endpoint, &body, now())
        .map(Some)
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Forget the built directory: another thread (the service worker) has
/// changed the replica; the next answer builds it again.
#[wasm_bindgen]
pub fn forget() {
    BUILT.set(None);
}

/// Build the searchable directory now (after a sync), so the first
/// keystroke does not wait for it; reports how long the last build took.
#[wasm_bindgen]
pub async fn warm() -> Result<String, JsValue> {
    if directory().await?.is_none() {
        return Err(JsValue::from_str(
            "Das Verzeichnis ist auf diesem Gerät noch nicht vollständig.",
        ));
    }
    Ok(serde_json::to_string(&LAST_BUILD.with_borrow(|b| *b)).expect("build serialises"))
}

async fn replica() -> Result<Rc<Replica>, SyncError> {
    if let Some(r) = REPLICA.with_borrow(|r| r.clone()) {
        return Ok(r);
    }
    let r = Rc::new(Replica::open().await?);
    REPLICA.set(Some(r.clone()));
    Ok(r)
}

async fn directory() -> Result<Option<Rc<Directory>>, JsValue> {
    if let Some(dir) = BUILT.with_borrow(|b| b.clone()) {
        return Ok(Some(dir));
    }
    let replica = replica().await?;
    let state = replica.state().await.map_err(SyncError::from)?;
    if !state.complete {
        return Ok(None);
    }
    let t0 = js_sys::Date::now();
    let values = replica.values().await.map_err(SyncError::from)?;
    let d = stored::public_directory(values.iter().map(String::as_str))
        .map_err(|e| SyncError::Stored(e.to_string()))?;
    drop(values);
    let groups = d.groups.len();
    let t1 = js_sys::Date::now();
    let dir = Directory::from_public(d.topics, d.offices, d.groups)
        .map_err(|e| SyncError::Stored(e.to_string()))?;
    LAST_BUILD.set(Build {
        load_ms: t1 - t0,
        index_ms: js_sys::Date::now() - t1,
        groups,
    });
    let dir = Rc::new(dir);
    BUILT.set(Some(dir.clone()));
    Ok(Some(dir))
}

/// Berlin wall-clock time by the browser's clock, to the minute.
fn now() -> time::PrimitiveDateTime {
    let utc =
        time::OffsetDateTime::from_unix_timestamp_nanos(js_sys::Date::now() as i128 * 1_000_000)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    wegweiser_core::berlin::minute(utc)
}
