//! Keeping replicas in step with the server. The change feed
//! ([`feed`]) carries the public records to browsers; staff edits
//! (mutations, the field merge) come with the next step.

pub mod feed;
pub mod snapshot;

pub use feed::{Change, ChangePage, Cursor, FeedQuery, FeedQueryError, PublicRecord, RecordKind};
