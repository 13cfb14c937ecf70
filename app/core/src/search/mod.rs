//! The search engine, shared by the server (pages without JavaScript, the
//! JSON API) and the browser (offline, as you type).
//!
//! Pipeline: [`normalize`] text → tokens → an inverted index over weighted
//! fields → candidate groups → ranking. This first version folds case,
//! umlauts and accents, matches whole words and prefixes, and expands query
//! words through the taxonomy's synonyms.

mod engine;
mod normalize;

pub use engine::{highlight, Hit, Index, MatchKind};
pub use normalize::{fold_char, normalize, tokens};
