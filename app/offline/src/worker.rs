//! What `/replica-worker.js` (each page's own worker: `sync`, `warm`,
//! `answer`) and the service worker (`answer`, `queue_contact`, `deliver`,
//! `status`; the staff outbox's calls are in `staff_calls`) call. Errors reach JavaScript as German sentences fit to show
//! the visitor.

use crate::pull::{self, PullError};
use crate::replica::{Replica, ReplicaError};
use crate::stored::{self, Parsed, State};
use futures_util::future::join;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wegweiser_core::directory::Directory;
use wegweiser_core::sync::Cursor;

#[derive(Debug, thiserror::Error)]
pub(crate) enum SyncError {
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
    /// Reading the records from IndexedDB and parsing them; 0 when a sync
    /// had them in memory.
    load_ms: f64,
    /// `Directory::from_public`: the search index and the lookups.
    index_ms: f64,
    groups: usize,
}

/// The searchable directory and the feed position it shows.
struct Built {
    dir: Rc<Directory>,
    at: Cursor,
}

thread_local! {
    /// The open database, kept for the worker's life.
    static REPLICA: RefCell<Option<Rc<Replica>>> = const { RefCell::new(None) };
    /// The searchable directory; replaced when this thread syncs, dropped
    /// when another one has changed the replica ([`forget`]).
    static BUILT: RefCell<Option<Built>> = const { RefCell::new(None) };
    /// The records of a first download that stopped half-way, parsed, at
    /// the cursor stored with them: the next sync goes on from there.
    static PARTIAL: RefCell<Option<(Cursor, Parsed)>> = const { RefCell::new(None) };
    static LAST_BUILD: RefCell<Build> = RefCell::new(Build::default());
}

/// What the syncing thread knows of the replica's records, so that the
/// directory is searchable the moment a sync ends: reading 100,000
/// records back from IndexedDB would take seconds more.
enum Memory {
    /// Nothing: the directory is built from IndexedDB when next asked.
    Unknown,
    /// The directory built at the sync's starting position, unchanged.
    Built(Rc<Directory>),
    /// Every record, parsed.
    Parsed(Parsed),
}

impl Memory {
    /// What this thread holds of the replica at `cursor`.
    fn at(cursor: Cursor) -> Self {
        if cursor == Cursor(0) {
            return Memory::Parsed(Parsed::default());
        }
        if let Some(dir) =
            BUILT.with_borrow(|b| b.as_ref().filter(|b| b.at == cursor).map(|b| b.dir.clone()))
        {
            return Memory::Built(dir);
        }
        match PARTIAL.take() {
            Some((at, parsed)) if at == cursor => Memory::Parsed(parsed),
            _ => Memory::Unknown,
        }
    }

    fn apply(&mut self, writes: &[stored::Write]) -> Result<(), SyncError> {
        if writes.is_empty() {
            return Ok(());
        }
        if let Memory::Built(dir) = self {
            *self = Memory::Parsed(Parsed::of(dir));
        }
        if let Memory::Parsed(parsed) = self {
            parsed
                .apply(writes)
                .map_err(|e| SyncError::Stored(e.to_string()))?;
        }
        Ok(())
    }

    /// The sync has stored everything up to `state`: the directory to
    /// answer from now, built from memory where it can be.
    fn settle(self, state: &State) -> Result<(), SyncError> {
        match self {
            Memory::Built(dir) => BUILT.set(Some(Built {
                dir,
                at: state.cursor,
            })),
            Memory::Parsed(parsed) if state.complete => {
                let t0 = js_sys::Date::now();
                let groups = parsed.len();
                let dir = parsed
                    .build()
                    .map_err(|e| SyncError::Stored(e.to_string()))?;
                LAST_BUILD.set(Build {
                    load_ms: 0.0,
                    index_ms: js_sys::Date::now() - t0,
                    groups,
                });
                BUILT.set(Some(Built {
                    dir: Rc::new(dir),
                    at: state.cursor,
                }));
            }
            Memory::Parsed(parsed) => {
                BUILT.set(None);
                PARTIAL.set(Some((state.cursor, parsed)));
            }
            // A directory built meanwhile from IndexedDB (see `directory`)
            // at this very position stays.
            Memory::Unknown => {
                if BUILT.with_borrow(|b| b.as_ref().map(|b| b.at)) != Some(state.cursor) {
                    BUILT.set(None);
                }
            }
        }
        Ok(())
    }
}

/// Bring the replica up to date: the first time the whole directory,
/// afterwards only what changed. `progress` is called with the number of
/// changes received so far after each stored answer. Run by one thread
/// at a time (the page's worker takes a Web Lock around it); ends with
/// the directory searchable in this thread.
#[wasm_bindgen]
pub async fn sync(progress: js_sys::Function) -> Result<String, JsValue> {
    let replica = replica().await?;
    let mut state = replica.state().await.map_err(SyncError::from)?;
    let mut memory = Memory::at(state.cursor);
    let mut received = Received {
        changes: 0,
        bytes: 0,
        progress: &progress,
    };
    let pulled = pull_all(&replica, &mut state, &mut memory, &mut received).await;
    if let Err(e) = pulled {
        // What was stored before the failure counts; memory holds it too.
        memory.settle(&state)?;
        return Err(e.into());
    }
    memory.settle(&state)?;
    report(&replica, state, received.changes, received.bytes).await
}

/// The snapshot (on a first download, where the server offers one), then
/// the feed's pages until no more follow; each answer is stored while the
/// next one is on its way. `state` is what has been stored.
async fn pull_all(
    replica: &Replica,
    state: &mut State,
    memory: &mut Memory,
    received: &mut Received<'_>,
) -> Result<(), SyncError> {
    if state.cursor == Cursor(0) {
        if let Some(text) = pull::snapshot().await {
            let (writes, at) =
                stored::snapshot_writes(&text).map_err(|e| SyncError::Stored(e.to_string()))?;
            let next = State {
                cursor: at,
                ..*state
            };
            store(replica, memory, &writes, &next).await?;
            *state = next;
            received.note(writes.len(), text.len());
        }
    }
    let mut started_over = false;
    let mut answer = pull::page(state.cursor).await;
    loop {
        let text = match answer {
            Err(PullError::StartOver) if !started_over => {
                // The cursor is from another database: start again.
                started_over = true;
                replica.clear().await?;
                *state = State::default();
                *memory = Memory::Parsed(Parsed::default());
                answer = pull::page(state.cursor).await;
                continue;
            }
            other => other?,
        };
        let (writes, next, more) =
            stored::writes(&text).map_err(|e| SyncError::Stored(e.to_string()))?;
        let next = State {
            cursor: next,
            complete: state.complete || !more,
            synced_at: if more {
                state.synced_at
            } else {
                Some(js_sys::Date::now())
            },
        };
        let fetch = async {
            if more {
                Some(pull::page(next.cursor).await)
            } else {
                None
            }
        };
        let (fetched, stored) = join(fetch, store(replica, memory, &writes, &next)).await;
        stored?;
        *state = next;
        received.note(writes.len(), text.len());
        match fetched {
            Some(a) => answer = a,
            None => return Ok(()),
        }
    }
}

/// Write one answer's records with the new state, and apply them to what
/// is in memory while IndexedDB commits.
async fn store(
    replica: &Replica,
    memory: &mut Memory,
    writes: &[stored::Write],
    state: &State,
) -> Result<(), SyncError> {
    let (stored, applied) =
        join(replica.apply(writes, state), async { memory.apply(writes) }).await;
    if stored.is_err() {
        *memory = Memory::Unknown;
    }
    stored?;
    applied
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

/// Forget the built directory: another thread (another tab's worker) has
/// changed the replica; the next answer builds it again.
#[wasm_bindgen]
pub fn forget() {
    BUILT.set(None);
    PARTIAL.set(None);
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

pub(crate) async fn replica() -> Result<Rc<Replica>, SyncError> {
    if let Some(r) = REPLICA.with_borrow(|r| r.clone()) {
        return Ok(r);
    }
    let r = Rc::new(Replica::open().await?);
    REPLICA.set(Some(r.clone()));
    Ok(r)
}

async fn directory() -> Result<Option<Rc<Directory>>, JsValue> {
    if let Some(dir) = BUILT.with_borrow(|b| b.as_ref().map(|b| b.dir.clone())) {
        return Ok(Some(dir));
    }
    let replica = replica().await?;
    if !replica.state().await.map_err(SyncError::from)?.complete {
        return Ok(None);
    }
    let t0 = js_sys::Date::now();
    let (state, values) = replica.contents().await.map_err(SyncError::from)?;
    if !state.complete {
        return Ok(None);
    }
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
    BUILT.set(Some(Built {
        dir: dir.clone(),
        at: state.cursor,
    }));
    Ok(Some(dir))
}

/// Berlin wall-clock time by the browser's clock, to the minute.
fn now() -> time::PrimitiveDateTime {
    let utc =
        time::OffsetDateTime::from_unix_timestamp_nanos(js_sys::Date::now() as i128 * 1_000_000)
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    wegweiser_core::berlin::minute(utc)
}
