//! The browser's replica of the public directory.
//!
//! This crate is compiled to its own wasm module, run by the service
//! worker (`server/src/offline/sw.js`) and by each page's replica worker
//! (`public/replica-worker.js`), never by the pages themselves, so none
//! of it counts against the pages' bundle. It
//!
//! - keeps every public record in IndexedDB ([`replica`]), filled and kept
//!   current from the server's change feed ([`pull`]);
//! - answers the pages' server functions (`/fn/…`) from that copy with
//!   the same core functions the server uses ([`answer`]), so a page shows
//!   the same whether the server or the replica made its data;
//! - keeps contact requests made offline and delivers them, exactly once,
//!   when the connection returns ([`outbox`]);
//! - keeps the edits staff save on the staff pages, shows them there and
//!   pushes them when it can ([`staff`]).
//!
//! The parts that need no browser ([`answer`], [`stored`], [`outbox`],
//! [`staff`]) are tested natively; the IndexedDB and network parts by Playwright
//! (`end2end/tests/offline.spec.ts`).

pub mod answer;
pub mod outbox;
pub mod staff;
pub mod stored;

#[cfg(target_arch = "wasm32")]
mod pull;
#[cfg(target_arch = "wasm32")]
mod replica;
#[cfg(target_arch = "wasm32")]
mod staff_calls;
#[cfg(target_arch = "wasm32")]
mod worker;
