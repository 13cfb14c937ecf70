//! A search request: free text plus filters. The same keys are used in page
//! URLs (`/suche?q=…&day=tu`) and in the JSON API (`/api/v1/groups?…`).

use crate::domain::{Audience, Format, Language, Weekday};
use serde::{Deserialize, Serialize};

pub const PER_PAGE: usize = 10;
const MAX_QUERY_CHARS: usize = 200;

/// Which kind of meeting a visitor wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormatFilter {
    /// Meets in a room (in person or hybrid).
    InPerson,
    /// Can be joined online (online or hybrid).
    Online,
}

impl FormatFilter {
    pub fn key(self) -> &'static str {
        match self {
            Self::InPerson => "in_person",
            Self::Online => "online",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::InPerson => "vor Ort",
            Self::Online => "online",
        }
    }
    pub fn admits(self, f: Format) -> bool {
        match self {
            Self::InPerson => f.meets_in_person(),
            Self::Online => matches!(f, Format::Online | Format::Hybrid),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    pub q: String,
    /// Topic slug; the topic's subtopics are included.
    pub topic: Option<String>,
    pub district: Option<String>,
    pub day: Option<Weekday>,
    pub step_free: bool,
    pub language: Option<Language>,
    pub audience: Option<Audience>,
    pub format: Option<FormatFilter>,
    /// Only groups that take new members (yes or on request).
    pub new_members: bool,
    /// Only groups in founding.
    pub founding: bool,
    /// 1-based.
    pub page: usize,
}

/// A query parameter that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Parameter {key}: {message}")]
pub struct QueryError {
    pub key: String,
    pub message: String,
}

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "on" | "ja" => Some(true),
        "0" | "false" | "off" | "nein" | "" => Some(false),
        _ => None,
    }
}

impl Query {
    pub const KEYS: &'static [&'static str] = &[
        "q",
        "topic",
        "district",
        "day",
        "step_free",
        "language",
        "audience",
        "format",
        "new_members",
        "founding",
        "page",
    ];

    /// Parse strictly (the JSON API): unknown keys and bad values are errors.
    pub fn parse_strict<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Query, QueryError> {
        let mut q = Query::default();
        for (k, v) in pairs {
            q.set(k, v)?;
        }
        Ok(q)
    }

    /// Parse leniently (page URLs people edit or share): bad values are
    /// dropped, so a link never turns into an error page.
    pub fn parse_lenient<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Query {
        let mut q = Query::default();
        for (k, v) in pairs {
            let _ = q.set(k, v);
        }
        q
    }

    fn set(&mut self, key: &str, raw: &str) -> Result<(), QueryError> {
        let err = |message: &str| QueryError {
            key: key.to_owned(),
            message: message.to_owned(),
        };
        let v = raw.trim();
        match key {
            "q" => {
                if v.chars().count() > MAX_QUERY_CHARS {
                    return Err(err("höchstens 200 Zeichen"));
                }
                self.q = v.to_owned();
            }
            "topic" => self.topic = (!v.is_empty()).then(|| v.to_owned()),
            "district" => self.district = (!v.is_empty()).then(|| v.to_owned()),
            "day" => {
                self.day = if v.is_empty() {
                    None
                } else {
                    Some(Weekday::parse(v).map_err(|p| err(&p.to_string()))?)
                }
            }
            "language" => {
                self.language = if v.is_empty() {
                    None
                } else {
                    Some(Language::parse(v).map_err(|p| err(&p.to_string()))?)
                }
            }
            "audience" => {
                self.audience = if v.is_empty() {
                    None
                } else {
                    Some(Audience::parse(v).map_err(|p| err(&p.to_string()))?)
                }
            }
            "format" => {
                self.format = match v {
                    "" => None,
                    "in_person" => Some(FormatFilter::InPerson),
                    "online" => Some(FormatFilter::Online),
                    _ => return Err(err("erlaubt: in_person, online")),
                }
            }
            "step_free" => self.step_free = flag(v).ok_or_else(|| err("erlaubt: 1 oder 0"))?,
            "new_members" => self.new_members = flag(v).ok_or_else(|| err("erlaubt: 1 oder 0"))?,
            "founding" => self.founding = flag(v).ok_or_else(|| err("erlaubt: 1 oder 0"))?,
            "page" => {
                self.page = if v.is_empty() {
                    1
                } else {
                    v.parse()
                        .ok()
                        .filter(|p| *p >= 1 && *p <= 100_000)
                        .ok_or_else(|| err("eine Seitenzahl ab 1"))?
                }
            }
            _ => return Err(err("unbekannter Parameter")),
        }
        Ok(())
    }

    /// The query as URL pairs, leaving out defaults.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.q.is_empty() {
            out.push(("q", self.q.clone()));
        }
        if let Some(t) = &self.topic {
            out.push(("topic", t.clone()));
        }
        if let Some(d) = &self.district {
            out.push(("district", d.clone()));
        }
        if let Some(d) = self.day {
            out.push(("day", d.key().to_owned()));
        }
        if self.step_free {
            out.push(("step_free", "1".into()));
        }
        if let Some(l) = self.language {
            out.push(("language", l.code().to_owned()));
        }
        if let Some(a) = self.audience {
            out.push(("audience", a.key().to_owned()));
        }
        if let Some(f) = self.format {
            out.push(("format", f.key().to_owned()));
        }
        if self.new_members {
            out.push(("new_members", "1".into()));
        }
        if self.founding {
            out.push(("founding", "1".into()));
        }
        if self.page > 1 {
            out.push(("page", self.page.to_string()));
        }
        out
    }

    /// `?q=…&…` (empty string for the default query).
    pub fn to_query_string(&self) -> String {
        let pairs = self.to_pairs();
        if pairs.is_empty() {
            return String::new();
        }
        let mut s = String::from("?");
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                s.push('&');
            }
            s.push_str(k);
            s.push('=');
            s.push_str(&encode(v));
        }
        s
    }

    pub fn with_page(&self, page: usize) -> Query {
        Query {
            page,
            ..self.clone()
        }
    }

    /// Has the visitor asked for anything, or is this the whole directory?
    pub fn is_empty(&self) -> bool {
        Query {
            page: 0,
            ..self.clone()
        } == Query::default()
    }

    pub fn page(&self) -> usize {
        self.page.max(1)
    }
}

/// Percent-encoding for a query value (`application/x-www-form-urlencoded`).
pub fn encode(v: &str) -> String {
    let mut s = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                s.push(b as char)
            }
            b' ' => s.push('+'),
            _ => s.push_str(&format!("%{b:02X}")),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_rejects_unknown_keys_and_bad_values() {
        assert_eq!(
            Query::parse_strict([("colour", "x")]).unwrap_err().key,
            "colour"
        );
        assert!(Query::parse_strict([("day", "funday")]).is_err());
        assert!(Query::parse_strict([("page", "0")]).is_err());
        let long = "x".repeat(201);
        assert!(Query::parse_strict([("q", long.as_str())]).is_err());
    }

    #[test]
    fn lenient_drops_bad_values() {
        let q = Query::parse_lenient([("q", "trauer"), ("day", "funday"), ("x", "y")]);
        assert_eq!(
            q,
            Query {
                q: "trauer".into(),
                ..Query::default()
            }
        );
    }

    #[test]
    fn url_round_trip() {
        let q = Query::parse_strict([
            ("q", "angehörige demenz"),
            ("day", "tu"),
            ("step_free", "1"),
            ("page", "2"),
        ])
        .unwrap();
        assert_eq!(
            q.to_query_string(),
            "?q=angeh%C3%B6rige+demenz&day=tu&step_free=1&page=2"
        );
        let pairs = q.to_pairs();
        let back = Query::parse_strict(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
        assert_eq!(back, q);
    }
}
