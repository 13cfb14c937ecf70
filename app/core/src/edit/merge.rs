//! The server's merge rule (docs/sync.md), per field: a field the edit
//! changed and nobody else did takes the edit's value; a field someone
//! changed meanwhile to the same value stays; a field someone changed
//! meanwhile to another value is a clash, kept for a person to decide,
//! and keeps the value it has. Fields the edit did not touch are never
//! written, so two edits of different fields of one record both count.

use super::fields::{get, set, FieldChange, FieldPath};
use super::mutation::Op;
use crate::domain::Version;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A field that two edits changed to different values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clash {
    pub path: FieldPath,
    /// What both edits started from (the edit's `from`).
    pub base: Value,
    /// The edit's value.
    pub mine: Value,
    /// The value the server holds, from the other edit.
    pub theirs: Value,
}

/// An update's effect on a record's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub data: Value,
    /// The changes written (the edit's value differed from the current one).
    pub applied: Vec<FieldChange>,
    pub clashes: Vec<Clash>,
}

/// Merge an edit's changes into the current data.
pub fn merge(current: &Value, changes: &[FieldChange]) -> Merged {
    let mut data = current.clone();
    let mut applied = Vec::new();
    let mut clashes = Vec::new();
    for change in changes {
        let now = get(&data, &change.path);
        if now == change.to {
            // Someone made the same change: nothing to do, nothing lost.
            continue;
        }
        if now == change.from {
            set(&mut data, &change.path, change.to.clone());
            applied.push(FieldChange {
                path: change.path.clone(),
                from: now,
                to: change.to.clone(),
            });
        } else {
            clashes.push(Clash {
                path: change.path.clone(),
                base: change.from.clone(),
                mine: change.to.clone(),
                theirs: now,
            });
        }
    }
    Merged {
        data,
        applied,
        clashes,
    }
}

/// A record as the server holds it, for [`decide`].
#[derive(Debug, Clone, PartialEq)]
pub struct Current<'a> {
    pub data: &'a Value,
    pub version: Version,
    pub archived: bool,
}

/// What a mutation does to a record, before the new data is checked by
/// the record's domain type.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Write this data (a new record, or an update's merge; `applied` may
    /// be empty when the edit was made by someone else already).
    Write(Merged),
    /// Set the record's archived flag.
    Archive(bool),
    /// Nothing changes: the record is already so.
    Unchanged,
    Refused(Refusal),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("Diesen Eintrag gibt es nicht (mehr).")]
    Unknown,
    #[error("Einen Eintrag mit dieser Kennung gibt es schon.")]
    Exists,
}

pub fn decide(current: Option<Current<'_>>, op: &Op) -> Decision {
    match (op, current) {
        (Op::Create { data }, None) => Decision::Write(Merged {
            data: data.clone(),
            applied: super::fields::diff(&Value::Null, data),
            clashes: Vec::new(),
        }),
        // The same record created twice with the same data (a retry under
        // another mutation id): nothing to do.
        (Op::Create { data }, Some(c)) if c.data == data => Decision::Unchanged,
        (Op::Create { .. }, Some(_)) => Decision::Refused(Refusal::Exists),
        (_, None) => Decision::Refused(Refusal::Unknown),
        (Op::Update { changes, .. }, Some(c)) => Decision::Write(merge(c.data, changes.as_slice())),
        (Op::Archive { .. }, Some(c)) if c.archived => Decision::Unchanged,
        (Op::Archive { .. }, Some(_)) => Decision::Archive(true),
        (Op::Restore { .. }, Some(c)) if !c.archived => Decision::Unchanged,
        (Op::Restore { .. }, Some(_)) => Decision::Archive(false),
        (Op::Settle { .. }, Some(_)) => Decision::Unchanged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::fields::diff;
    use crate::edit::mutation::Changes;
    use serde_json::json;

    fn change(path: &str, from: Value, to: Value) -> FieldChange {
        FieldChange {
            path: FieldPath::parse(path).unwrap(),
            from,
            to,
        }
    }

    #[test]
    fn different_fields_of_one_record_both_count() {
        let base = json!({"name": "Trauer", "contact": {"phone": "0711 1"}, "schedules": ["mo"]});
        // Anna changed the phone number, and the server has it.
        let anna = change("contact.phone", json!("0711 1"), json!("0711 2"));
        let server = merge(&base, &[anna]).data;
        // Ben, offline since `base`, changed the meeting time.
        let ben = change("schedules", json!(["mo"]), json!(["di"]));
        let merged = merge(&server, std::slice::from_ref(&ben));
        assert!(merged.clashes.is_empty());
        assert_eq!(merged.applied, vec![ben]);
        assert_eq!(
            merged.data,
            json!({"name": "Trauer", "contact": {"phone": "0711 2"}, "schedules": ["di"]})
        );
    }

    #[test]
    fn the_same_field_changed_to_different_values_is_a_clash_and_keeps_the_value() {
        let base = json!({"name": "Trauer"});
        let server = merge(
            &base,
            &[change("name", json!("Trauer"), json!("Trauercafé"))],
        )
        .data;
        let merged = merge(
            &server,
            &[change("name", json!("Trauer"), json!("Trauergruppe"))],
        );
        assert_eq!(merged.data, server);
        assert!(merged.applied.is_empty());
        assert_eq!(
            merged.clashes,
            vec![Clash {
                path: FieldPath::parse("name").unwrap(),
                base: json!("Trauer"),
                mine: json!("Trauergruppe"),
                theirs: json!("Trauercafé"),
            }]
        );
    }

    #[test]
    fn the_same_change_made_twice_is_neither_applied_again_nor_a_clash() {
        let base = json!({"name": "A"});
        let c = change("name", json!("A"), json!("B"));
        let once = merge(&base, std::slice::from_ref(&c));
        let twice = merge(&once.data, &[c]);
        assert_eq!(twice.data, once.data);
        assert!(twice.applied.is_empty() && twice.clashes.is_empty());
    }

    #[test]
    fn an_edit_based_on_the_current_data_applies_whole() {
        let old = json!({"name": "A", "location": {"room_note": "R1"}, "languages": ["de"]});
        let new = json!({"name": "B", "languages": ["de", "tr"]});
        let merged = merge(&old, &diff(&old, &new));
        assert_eq!(merged.data, new);
        assert!(merged.clashes.is_empty());
    }

    #[test]
    fn decisions() {
        let data = json!({"name": "A"});
        let current = || {
            Some(Current {
                data: &data,
                version: Version(2),
                archived: false,
            })
        };
        let create = Op::Create { data: data.clone() };
        assert!(matches!(decide(None, &create), Decision::Write(_)));
        assert_eq!(decide(current(), &create), Decision::Unchanged);
        let other = Op::Create {
            data: json!({"name": "B"}),
        };
        assert_eq!(
            decide(current(), &other),
            Decision::Refused(Refusal::Exists)
        );
        let update = Op::Update {
            base: Version(2),
            changes: Changes::new(vec![change("name", json!("A"), json!("B"))]).unwrap(),
        };
        assert_eq!(decide(None, &update), Decision::Refused(Refusal::Unknown));
        let archive = Op::Archive { base: Version(2) };
        assert_eq!(decide(current(), &archive), Decision::Archive(true));
        let archived = Current {
            data: &data,
            version: Version(3),
            archived: true,
        };
        assert_eq!(
            decide(Some(archived.clone()), &archive),
            Decision::Unchanged
        );
        assert_eq!(
            decide(Some(archived), &Op::Restore { base: Version(3) }),
            Decision::Archive(false)
        );
    }
}
