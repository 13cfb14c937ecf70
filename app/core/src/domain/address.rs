//! Postal addresses and meeting places (HSDS: location, address).

use super::{Name, Problem, ShortText};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A German postal code: exactly five digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let s = raw.trim();
        if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(s.to_owned()))
        } else {
            Err(Problem::PostalCode)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A district (Stadtteil / Stadtbezirk) of the served area.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct District(pub Name);

impl District {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        Name::parse(raw).map(Self)
    }
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}
impl fmt::Display for District {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub street: Name,
    pub postal_code: PostalCode,
    pub city: Name,
    pub district: District,
}

impl Address {
    /// One line, e.g. for an OpenStreetMap search link.
    pub fn one_line(&self) -> String {
        format!(
            "{}, {} {}",
            self.street,
            self.postal_code.as_str(),
            self.city
        )
    }

    /// A plain link to OpenStreetMap's search. Nothing is loaded from there
    /// unless the visitor follows it.
    pub fn osm_link(&self) -> String {
        let mut q = String::new();
        for b in self.one_line().bytes() {
            match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    q.push(b as char)
                }
                b' ' => q.push('+'),
                _ => q.push_str(&format!("%{b:02X}")),
            }
        }
        format!("https://www.openstreetmap.org/search?query={q}")
    }
}

/// Where a group meets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// The building, e.g. "Selbsthilfezentrum Mitte".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    pub address: Address,
    /// When false, the public sees only the district; the address goes out
    /// through the office (e.g. for addiction or violence groups).
    pub publish_address: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_note: Option<ShortText>,
}

text_value!(PostalCode);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes() {
        assert!(PostalCode::parse("04109").is_ok());
        for bad in ["4109", "041090", "O4109", ""] {
            assert_eq!(PostalCode::parse(bad), Err(Problem::PostalCode));
        }
    }

    #[test]
    fn osm_link_is_escaped() {
        let a = Address {
            street: Name::parse("Lindenstraße 12").unwrap(),
            postal_code: PostalCode::parse("12345").unwrap(),
            city: Name::parse("Musterstadt").unwrap(),
            district: District::parse("Altstadt").unwrap(),
        };
        assert_eq!(
            a.osm_link(),
            "https://www.openstreetmap.org/search?query=Lindenstra%C3%9Fe+12%2C+12345+Musterstadt"
        );
    }
}
