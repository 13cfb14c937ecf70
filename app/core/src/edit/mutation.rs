//! What a staff member's edit is on the wire (docs/sync.md): a mutation
//! with an id chosen by the browser, the record it is about, and the
//! operation with the version it was based on.

use super::fields::{FieldChange, FieldPath};
use crate::domain::Version;
use crate::sync::RecordKind;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A mutation's id, made by the browser when the edit is saved: the
/// idempotency key of a push. A mutation pushed twice is applied once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MutationId(pub Uuid);

/// A conflict kept on the server until a person resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConflictId(pub Uuid);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mutation {
    pub id: MutationId,
    pub kind: RecordKind,
    /// The record's id; for a new record chosen by the browser.
    pub record: Uuid,
    pub op: Op,
    /// Conflicts this edit settles (keep mine / keep theirs / edit).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolves: Vec<ConflictId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Op {
    /// A new record with all its data.
    Create { data: serde_json::Value },
    /// Fields changed from the version `base` the editor saw.
    Update { base: Version, changes: Changes },
    /// Take the record out of the public directory (it stays for staff).
    Archive { base: Version },
    /// Bring an archived record back.
    Restore { base: Version },
    /// Change nothing: settle the conflicts in `resolves` by keeping the
    /// values the record has ("keep theirs").
    Settle { base: Version },
}

/// The changed fields of an update: at least one, each path once, each a
/// real change. Parsed so, a merge never has to wonder which of two
/// changes to one field counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<FieldChange>", into = "Vec<FieldChange>")]
pub struct Changes(Vec<FieldChange>);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangesError {
    #[error("eine Änderung ohne geänderte Felder")]
    Empty,
    #[error("das Feld {0} kommt zweimal vor")]
    Twice(FieldPath),
    #[error("das Feld {0} ändert sich nicht")]
    Unchanged(FieldPath),
    #[error("zu viele Felder in einer Änderung (höchstens {MAX_CHANGES})")]
    TooMany,
}

/// More fields than any record has.
pub const MAX_CHANGES: usize = 200;

impl Changes {
    pub fn new(changes: Vec<FieldChange>) -> Result<Self, ChangesError> {
        if changes.is_empty() {
            return Err(ChangesError::Empty);
        }
        if changes.len() > MAX_CHANGES {
            return Err(ChangesError::TooMany);
        }
        let mut seen = std::collections::BTreeSet::new();
        for c in &changes {
            if !seen.insert(&c.path) {
                return Err(ChangesError::Twice(c.path.clone()));
            }
            if c.from == c.to {
                return Err(ChangesError::Unchanged(c.path.clone()));
            }
        }
        Ok(Self(changes))
    }

    pub fn as_slice(&self) -> &[FieldChange] {
        &self.0
    }
}

impl TryFrom<Vec<FieldChange>> for Changes {
    type Error = ChangesError;
    fn try_from(v: Vec<FieldChange>) -> Result<Self, ChangesError> {
        Self::new(v)
    }
}

impl From<Changes> for Vec<FieldChange> {
    fn from(c: Changes) -> Self {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_mutation_reads_as_documented() {
        let m: Mutation = serde_json::from_value(json!({
            "id": "0b7f7c5e-51a4-4d0e-9d3c-7a3b2f4e6a10",
            "kind": "group",
            "record": "6c1f2e0a-7f7e-4a57-9a57-5a0c8f0a4b21",
            "op": {"type": "update", "base": 3, "changes": [
                {"path": "contact.phone", "from": "0711 1", "to": "0711 2"}
            ]}
        }))
        .unwrap();
        let Op::Update { base, changes } = &m.op else {
            panic!("an update")
        };
        assert_eq!(base.0, 3);
        assert_eq!(changes.as_slice()[0].path.as_str(), "contact.phone");
        let back: Mutation = serde_json::from_value(serde_json::to_value(&m).unwrap()).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn unknown_fields_repeated_and_empty_changes_are_refused() {
        let base = json!({"id": "0b7f7c5e-51a4-4d0e-9d3c-7a3b2f4e6a10", "kind": "group",
            "record": "6c1f2e0a-7f7e-4a57-9a57-5a0c8f0a4b21"});
        let with_op = |op: serde_json::Value| {
            let mut m = base.clone();
            m["op"] = op;
            serde_json::from_value::<Mutation>(m)
        };
        assert!(with_op(json!({"type": "update", "base": 1, "changes": []})).is_err());
        assert!(with_op(json!({"type": "update", "base": 1, "changes": [
            {"path": "name", "from": "A", "to": "B"}, {"path": "name", "from": "A", "to": "C"}]}))
        .is_err());
        assert!(with_op(json!({"type": "update", "base": 1, "changes": [
            {"path": "name", "from": "A", "to": "A"}]}))
        .is_err());
        assert!(with_op(json!({"type": "archive", "base": 1, "extra": true})).is_err());
        assert!(with_op(json!({"type": "delete", "base": 1})).is_err());
        let mut extra = base.clone();
        extra["op"] = json!({"type": "archive", "base": 1});
        extra["who"] = json!("someone");
        assert!(serde_json::from_value::<Mutation>(extra).is_err());
    }
}
