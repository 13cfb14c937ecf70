//! A push on the wire (`POST /api/v1/staff/push`, docs/sync.md): the
//! mutations of an outbox in order, and what became of each.

use super::fields::FieldChange;
use super::fields::FieldPath;
use super::mutation::{ConflictId, Mutation, MutationId};
use crate::domain::Version;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Mutations per push; an outbox with more sends them in several.
pub const MAX_MUTATIONS: usize = 500;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PushRequest {
    pub mutations: Vec<Mutation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushResponse {
    /// One per mutation, in the order sent.
    pub results: Vec<Pushed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pushed {
    pub mutation: MutationId,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// What became of a mutation. `Applied` and `Conflict` are final: the
/// browser drops the mutation from its outbox. `Rejected` stays there
/// with its message until the staff member changes or discards it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// Every changed field was written (or already so); the record is now
    /// at `version`.
    Applied { version: Version },
    /// The fields without a clash were written; each clash is kept as a
    /// conflict for a person to decide.
    Conflict {
        version: Version,
        conflicts: Vec<ConflictReport>,
    },
    Rejected {
        message: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        fields: Vec<FieldMessage>,
    },
}

impl Outcome {
    pub fn rejected(message: impl Into<String>) -> Self {
        Outcome::Rejected {
            message: message.into(),
            fields: Vec::new(),
        }
    }

    /// Whether the browser may forget the mutation.
    pub fn is_final(&self) -> bool {
        !matches!(self, Outcome::Rejected { .. })
    }
}

/// A field two edits changed to different values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictReport {
    pub id: ConflictId,
    pub path: FieldPath,
    pub base: Value,
    pub mine: Value,
    pub theirs: Value,
    /// Who made the value the record keeps, and when (RFC 3339); unknown
    /// for values from an import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs_at: Option<String>,
}

/// A problem with one field of an edit's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

/// One version of a record, as the history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub version: Version,
    pub at: String,
    /// The staff member's name; none for the command line.
    pub by: Option<String>,
    pub source: String,
    /// The staff edit that made this version.
    pub mutation: Option<MutationId>,
    pub archived: bool,
    pub changes: Vec<FieldChange>,
    pub data: Value,
}

/// An open conflict, for the staff's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenConflict {
    pub kind: crate::sync::RecordKind,
    pub record: uuid::Uuid,
    pub mine_by: String,
    pub mine_at: String,
    #[serde(flatten)]
    pub report: ConflictReport,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn outcomes_read_as_documented() {
        let pushed: Pushed = serde_json::from_value(json!({
            "mutation": "0b7f7c5e-51a4-4d0e-9d3c-7a3b2f4e6a10",
            "status": "applied", "version": 4
        }))
        .unwrap();
        assert_eq!(
            pushed.outcome,
            Outcome::Applied {
                version: Version(4)
            }
        );
        let rejected = Outcome::rejected("nein");
        assert!(!rejected.is_final());
        assert_eq!(
            serde_json::to_value(&rejected).unwrap(),
            json!({"status": "rejected", "message": "nein"})
        );
    }
}

/// A record as staff see it (`GET /api/v1/staff/changes`): all its data,
/// archived ones too, with the version an edit is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRecord {
    pub kind: crate::sync::RecordKind,
    pub id: uuid::Uuid,
    pub version: Version,
    pub seq: crate::sync::Cursor,
    pub archived: bool,
    pub data: Value,
}

/// A page of the staff feed: records changed after the cursor, in the
/// order of the change sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffPage {
    pub records: Vec<StaffRecord>,
    pub next: crate::sync::Cursor,
    pub more: bool,
}
