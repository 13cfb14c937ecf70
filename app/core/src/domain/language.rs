//! Languages a group meets in, as ISO 639 codes with German names.

use super::Problem;
use serde::{Deserialize, Serialize};

/// Known languages: ISO 639-1 where one exists, ISO 639-3 otherwise
/// (`gsg`: Deutsche Gebärdensprache).
const LANGUAGES: &[(&str, &str)] = &[
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("tr", "Türkisch"),
    ("ar", "Arabisch"),
    ("ru", "Russisch"),
    ("uk", "Ukrainisch"),
    ("pl", "Polnisch"),
    ("fa", "Persisch"),
    ("ku", "Kurdisch"),
    ("fr", "Französisch"),
    ("es", "Spanisch"),
    ("it", "Italienisch"),
    ("pt", "Portugiesisch"),
    ("ro", "Rumänisch"),
    ("bg", "Bulgarisch"),
    ("el", "Griechisch"),
    ("hr", "Kroatisch"),
    ("sr", "Serbisch"),
    ("bs", "Bosnisch"),
    ("sq", "Albanisch"),
    ("vi", "Vietnamesisch"),
    ("zh", "Chinesisch"),
    ("ti", "Tigrinya"),
    ("so", "Somali"),
    ("ps", "Paschtu"),
    ("nl", "Niederländisch"),
    ("hu", "Ungarisch"),
    ("cs", "Tschechisch"),
    ("gsg", "Deutsche Gebärdensprache"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Language(u8);

impl Language {
    pub const GERMAN: Language = Language(0);

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let raw = raw.trim().to_ascii_lowercase();
        LANGUAGES
            .iter()
            .position(|(code, _)| *code == raw)
            .map(|i| Language(i as u8))
            .ok_or(Problem::Language)
    }

    pub fn code(self) -> &'static str {
        LANGUAGES[usize::from(self.0)].0
    }

    pub fn name(self) -> &'static str {
        LANGUAGES[usize::from(self.0)].1
    }

    pub fn all() -> impl Iterator<Item = Language> {
        (0..LANGUAGES.len()).map(|i| Language(i as u8))
    }
}

impl TryFrom<String> for Language {
    type Error = Problem;
    fn try_from(raw: String) -> Result<Self, Problem> {
        Self::parse(&raw)
    }
}
impl From<Language> for String {
    fn from(l: Language) -> String {
        l.code().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names() {
        assert_eq!(Language::parse("TR").unwrap().name(), "Türkisch");
        assert_eq!(
            Language::parse("gsg").unwrap().name(),
            "Deutsche Gebärdensprache"
        );
        assert_eq!(Language::parse("xx"), Err(Problem::Language));
        assert_eq!(Language::parse("deutsch"), Err(Problem::Language));
    }
}
