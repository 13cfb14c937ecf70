//! Staff edits and how the server merges them (issue 5; docs/sync.md).
//!
//! - [`fields`]: a record's data as fields with paths, and the diff of two
//!   versions;
//! - [`mutation`]: an edit on the wire, with its id (the idempotency key)
//!   and the version it was based on;
//! - [`merge`]: the per-field merge rule and what a mutation does to a
//!   record;
//! - [`push`]: a push and its answers on the wire, and what staff read
//!   (records, history, conflicts);
//! - [`form`]: a group's edit form, and the mutation a posted form makes.
//!
//! Pure like the rest of the core: the server runs it in its transaction,
//! the browser to show its own edits before the server has them.

pub mod fields;
pub mod form;
pub mod merge;
pub mod mutation;
pub mod push;

pub use fields::{diff, FieldChange, FieldPath};
pub use merge::{decide, merge, Clash, Current, Decision, Merged, Refusal};
pub use mutation::{Changes, ConflictId, Mutation, MutationId, Op};
pub use push::{
    ConflictReport, FieldMessage, HistoryEntry, OpenConflict, Outcome, PushRequest, PushResponse,
    Pushed, StaffPage, StaffRecord,
};
