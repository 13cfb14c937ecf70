//! Bounded, trimmed text. Empty strings and control characters never get in.

use super::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

fn clean(raw: &str, min: usize, max: usize, multiline: bool) -> Result<String, Problem> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(Problem::Empty);
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t' || c == '\r')))
    {
        return Err(Problem::ControlCharacters);
    }
    let len = trimmed.chars().count();
    if len < min {
        return Err(Problem::TooShort { min });
    }
    if len > max {
        return Err(Problem::TooLong { max });
    }
    Ok(trimmed.replace("\r\n", "\n"))
}

macro_rules! bounded_text {
    ($(#[$doc:meta])* $name:ident, $min:expr, $max:expr, $multiline:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const MAX: usize = $max;

            pub fn parse(raw: &str) -> Result<Self, Problem> {
                clean(raw, $min, $max, $multiline).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Problem;
            fn try_from(raw: String) -> Result<Self, Problem> {
                Self::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

bounded_text!(
    /// A name of a group, office, topic or place: one line, 2 to 120 characters.
    Name, 2, 120, false
);
bounded_text!(
    /// One line of text up to 300 characters (a short description, a note).
    ShortText, 1, 300, false
);
bounded_text!(
    /// Longer text with line breaks, up to 5,000 characters.
    LongText, 1, 5000, true
);
bounded_text!(
    /// A short message with line breaks, up to 1,000 characters.
    Message, 1, 1000, true
);

/// Parse an optional text field: blank means absent.
pub(crate) fn optional<T>(
    raw: Option<&str>,
    parse: impl Fn(&str) -> Result<T, Problem>,
) -> Result<Option<T>, Problem> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => parse(s).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_rejects_blank() {
        assert_eq!(Name::parse("  Trauercafé ").unwrap().as_str(), "Trauercafé");
        assert_eq!(Name::parse("   "), Err(Problem::Empty));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let umlauts = "ä".repeat(120);
        assert!(Name::parse(&umlauts).is_ok());
        assert_eq!(
            Name::parse(&"ä".repeat(121)),
            Err(Problem::TooLong { max: 120 })
        );
        assert_eq!(Name::parse("A"), Err(Problem::TooShort { min: 2 }));
    }

    #[test]
    fn control_characters_only_where_lines_are_allowed() {
        assert_eq!(Name::parse("a\u{7}b"), Err(Problem::ControlCharacters));
        assert_eq!(ShortText::parse("a\nb"), Err(Problem::ControlCharacters));
        assert_eq!(LongText::parse("a\r\nb").unwrap().as_str(), "a\nb");
    }

    #[test]
    fn deserialising_validates() {
        let err = serde_json::from_str::<Name>("\"\"").unwrap_err();
        assert!(err.to_string().contains("darf nicht leer sein"));
    }
}
