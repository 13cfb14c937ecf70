//! The search engine, shared by the server (pages without JavaScript, the
//! JSON API) and the browser (offline, as you type): the same code gives the
//! same results on both sides. See docs/search.md.
//!
//! Pipeline: [`normalize`] (case, umlauts, accents) → words → stop words
//! out, German Snowball stems, compound parts → an inverted index over
//! weighted fields → matches by exact word, stem, compound part, prefix and
//! typo (one edit from 5 letters, two from 9) → ranking.
//!
//! A crate of its own so that the browser's release build can optimise it
//! for speed while the rest of the bundle is optimised for size (see
//! `[profile.wasm-release.package.wegweiser-search]` in the workspace's
//! Cargo.toml and docs/performance.md). `wegweiser-core` re-exports it as
//! `wegweiser_core::search`.

mod analyze;
mod engine;
mod fuzzy;
mod highlight;
mod normalize;
pub mod order;

pub use analyze::{is_stop_word, stem};
pub use engine::{Hit, Index, MatchKind};
pub use fuzzy::{allowed_edits, within};
pub use highlight::Highlighter;
pub use normalize::{fold_char, normalize, tokens};
