//! Identifiers and record metadata shared by every synced record.

use super::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            pub fn parse(raw: &str) -> Result<Self, Problem> {
                Uuid::parse_str(raw.trim()).map(Self).map_err(|_| Problem::Uuid)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

uuid_id!(
    /// A group (HSDS: service).
    GroupId
);
uuid_id!(
    /// A contact office (HSDS: organization).
    OfficeId
);
uuid_id!(
    /// A term of the topic taxonomy (HSDS: taxonomy_term).
    TopicId
);
uuid_id!(
    /// A contact request, chosen by the visitor's browser: it is also the
    /// idempotency key, so a retried delivery never makes a second request.
    ContactRequestId
);

uuid_id!(
    /// A staff member's account.
    StaffId
);

/// A stable, readable URL part: `lowercase-ascii-digits-and-hyphens`, 2–80
/// characters, no leading, trailing or double hyphen.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let s = raw.trim();
        let ok = (2..=80).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(Problem::Slug)
        }
    }

    /// Derive a slug from a German name: umlauts spelled out, everything else
    /// that is not a letter or digit becomes one hyphen.
    pub fn from_name(name: &str) -> Self {
        let mut out = String::with_capacity(name.len());
        for c in name.chars().flat_map(char::to_lowercase) {
            match c {
                'ä' => out.push_str("ae"),
                'ö' => out.push_str("oe"),
                'ü' => out.push_str("ue"),
                'ß' => out.push_str("ss"),
                'a'..='z' | '0'..='9' => out.push(c),
                _ => {
                    let folded = crate::search::fold_char(c);
                    if folded.is_ascii_alphanumeric() {
                        out.push(folded);
                    } else if !out.ends_with('-') {
                        out.push('-');
                    }
                }
            }
        }
        let mut s: String = out.trim_matches('-').chars().take(72).collect();
        while s.ends_with('-') {
            s.pop();
        }
        if s.len() < 2 {
            s = format!("eintrag-{s}").trim_end_matches('-').to_owned();
        }
        Self(s)
    }

    /// This slug with `-2`, `-3`, … appended, to make it unique.
    pub fn with_suffix(&self, n: u32) -> Self {
        Self(format!("{}-{n}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The version of one record: 1 when created, +1 on every accepted change.
/// Staff edits (a later issue) carry the version they were based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Version(pub u64);

impl Version {
    pub const FIRST: Version = Version(1);
    pub fn next(self) -> Version {
        Version(self.0 + 1)
    }
}

text_value!(Slug);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_from_german_name() {
        assert_eq!(
            Slug::from_name("Angehörige von Menschen mit Demenz").as_str(),
            "angehoerige-von-menschen-mit-demenz"
        );
        assert_eq!(
            Slug::from_name("Typ-1-Diabetes (Eltern)").as_str(),
            "typ-1-diabetes-eltern"
        );
        assert_eq!(
            Slug::from_name("Café Größenwahn").as_str(),
            "cafe-groessenwahn"
        );
    }

    #[test]
    fn slug_parse_rejects_bad_shapes() {
        for bad in ["", "a", "Gross", "a--b", "-ab", "ab-", "ä-b", "a b"] {
            assert_eq!(Slug::parse(bad), Err(Problem::Slug), "{bad:?}");
        }
        assert!(Slug::parse("trauer-cafe-2").is_ok());
    }

    #[test]
    fn uuid_ids_parse() {
        assert!(GroupId::parse("6f1c1f0e-4b7a-4c1e-9d2a-0a1b2c3d4e5f").is_ok());
        assert_eq!(GroupId::parse("123"), Err(Problem::Uuid));
    }
}
