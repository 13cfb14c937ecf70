//! A record's data seen as fields: every value inside nested objects is
//! one field, named by its path (`name`, `contact.phone`,
//! `location.address.street`). Lists count as one field (`schedules`,
//! `topics`), as do texts, numbers and flags. Two staff members who change
//! different fields of the same record never clash; this is the grain of
//! the merge ([`super::merge`]).
//!
//! The domain types never write an empty object, so a field that is
//! removed takes any object it leaves empty with it.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// Where a field sits in a record's data: object keys joined by dots, the
/// same names [`crate::domain::FieldError`] uses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FieldPath(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("kein gültiger Feldname: „{0}“")]
pub struct BadPath(String);

impl FieldPath {
    /// Keys of lowercase letters, digits and `_`, joined by dots.
    pub fn parse(raw: &str) -> Result<Self, BadPath> {
        let ok = !raw.is_empty()
            && raw.len() <= 200
            && raw.split('.').all(|key| {
                !key.is_empty()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            });
        if ok {
            Ok(Self(raw.to_owned()))
        } else {
            Err(BadPath(raw.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.split('.')
    }

    fn child(&self, key: &str) -> Option<Self> {
        Self::parse(&format!("{}.{key}", self.0)).ok()
    }
}

impl TryFrom<String> for FieldPath {
    type Error = BadPath;
    fn try_from(raw: String) -> Result<Self, BadPath> {
        Self::parse(&raw)
    }
}

impl From<FieldPath> for String {
    fn from(p: FieldPath) -> String {
        p.0
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Every field of `data` (an object) with its value.
pub fn fields(data: &Value) -> BTreeMap<FieldPath, Value> {
    let mut out = BTreeMap::new();
    if let Value::Object(map) = data {
        for (key, value) in map {
            if let Ok(path) = FieldPath::parse(key) {
                collect(path, value, &mut out);
            }
        }
    }
    out
}

fn collect(path: FieldPath, value: &Value, out: &mut BTreeMap<FieldPath, Value>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, inner) in map {
                if let Some(child) = path.child(key) {
                    collect(child, inner, out);
                }
            }
        }
        Value::Null => {}
        other => {
            out.insert(path, other.clone());
        }
    }
}

/// The value of a field; `Null` when it is not there.
pub fn get(data: &Value, path: &FieldPath) -> Value {
    let mut at = data;
    for key in path.keys() {
        match at.get(key) {
            Some(inner) => at = inner,
            None => return Value::Null,
        }
    }
    at.clone()
}

/// Set a field; `Null` removes it, and any object that leaves empty.
/// Objects on the way are made as needed (a value in the way is replaced).
pub fn set(data: &mut Value, path: &FieldPath, value: Value) {
    let keys: Vec<&str> = path.keys().collect();
    if value.is_null() {
        remove(data, &keys);
    } else {
        let mut at = data;
        for key in &keys[..keys.len() - 1] {
            if !at.is_object() {
                *at = Value::Object(Map::new());
            }
            at = at
                .as_object_mut()
                .expect("made an object above")
                .entry(key.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
        }
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        at.as_object_mut()
            .expect("made an object above")
            .insert(keys[keys.len() - 1].to_owned(), value);
    }
}

/// Remove the value at `keys`; true when the object holding it is now empty.
fn remove(at: &mut Value, keys: &[&str]) -> bool {
    let Some(map) = at.as_object_mut() else {
        return false;
    };
    if keys.len() == 1 {
        map.remove(keys[0]);
    } else if let Some(inner) = map.get_mut(keys[0]) {
        if remove(inner, &keys[1..]) {
            map.remove(keys[0]);
        }
    }
    map.is_empty()
}

/// One field's change: what it was when the edit began, and what it
/// became. `Null` stands for a field that is not there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    pub path: FieldPath,
    pub from: Value,
    pub to: Value,
}

/// The fields that differ between two versions of a record's data, in
/// path order.
pub fn diff(old: &Value, new: &Value) -> Vec<FieldChange> {
    let before = fields(old);
    let after = fields(new);
    let mut paths: Vec<&FieldPath> = before.keys().chain(after.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter_map(|path| {
            let from = before.get(path).cloned().unwrap_or(Value::Null);
            let to = after.get(path).cloned().unwrap_or(Value::Null);
            (from != to).then(|| FieldChange {
                path: path.clone(),
                from,
                to,
            })
        })
        .collect()
}

/// Apply changes as they are (no checks): `data` with each `to` set.
pub fn apply(data: &Value, changes: &[FieldChange]) -> Value {
    let mut out = data.clone();
    for c in changes {
        set(&mut out, &c.path, c.to.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(s: &str) -> FieldPath {
        FieldPath::parse(s).unwrap()
    }

    #[test]
    fn nested_objects_are_looked_into_lists_are_one_field() {
        let data =
            json!({"name": "A", "contact": {"phone": "1", "publish": true}, "topics": ["x", "y"]});
        let f = fields(&data);
        assert_eq!(
            f.keys().map(FieldPath::as_str).collect::<Vec<_>>(),
            ["contact.phone", "contact.publish", "name", "topics"]
        );
        assert_eq!(get(&data, &p("contact.phone")), json!("1"));
        assert_eq!(get(&data, &p("contact.email")), Value::Null);
        assert_eq!(get(&data, &p("topics")), json!(["x", "y"]));
    }

    #[test]
    fn a_diff_applied_to_the_old_data_gives_the_new() {
        let old = json!({"name": "A", "location": {"address": {"street": "S 1", "city": "M"}, "room_note": "R"}, "schedules": [1]});
        let new = json!({"name": "B", "contact": {"phone": "0711"}, "schedules": [1, 2]});
        let changes = diff(&old, &new);
        assert_eq!(apply(&old, &changes), new);
        assert_eq!(apply(&new, &diff(&new, &old)), old);
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn removing_the_last_field_of_an_object_removes_the_object() {
        let mut data = json!({"name": "A", "location": {"address": {"street": "S"}}});
        set(&mut data, &p("location.address.street"), Value::Null);
        assert_eq!(data, json!({"name": "A"}));
    }

    #[test]
    fn paths_are_checked() {
        assert!(FieldPath::parse("contact.phone").is_ok());
        for bad in ["", ".", "a..b", "Name", "a/b", "a.b.", "ä"] {
            assert!(FieldPath::parse(bad).is_err(), "{bad}");
        }
        let parsed: Result<FieldChange, _> =
            serde_json::from_value(json!({"path": "a..b", "from": 1, "to": 2}));
        assert!(parsed.is_err());
    }
}
