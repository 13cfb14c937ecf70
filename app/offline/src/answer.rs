//! Offline answers to the pages' server functions.
//!
//! A page asks for its data with `POST /fn/<endpoint>` and a JSON body of
//! named arguments (`app/src/api.rs`). Without a connection the service
//! worker hands the endpoint and body to [`answer`], which computes the
//! same view model from the replica with the same core function the server
//! uses, serialised the same way.

use serde::Deserialize;
use time::PrimitiveDateTime;
use wegweiser_core::directory::{Directory, Query};
use wegweiser_core::views;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AnswerError {
    /// Not one of the server functions this replica can answer; the
    /// request goes to the network (or fails as it would without us).
    #[error("unbekannte Abfrage: {0}")]
    UnknownEndpoint(String),
    #[error("ungültige Abfrage: {0}")]
    BadArguments(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoArgs {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Slug {
    slug: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Search {
    query: Query,
}

fn args<'a, T: Deserialize<'a>>(body: &'a str) -> Result<T, AnswerError> {
    // An argument-less server function may be called with an empty body.
    let body = if body.trim().is_empty() { "{}" } else { body };
    serde_json::from_str(body).map_err(|e| AnswerError::BadArguments(e.to_string()))
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("view models serialise")
}

/// Whether `endpoint` (the part of the path after `/fn/`) is one this
/// module answers.
pub fn knows(endpoint: &str) -> bool {
    ENDPOINTS.contains(&endpoint)
}

pub const ENDPOINTS: &[&str] = &[
    "home",
    "search",
    "find",
    "directory",
    "group",
    "a-z",
    "topics",
    "topic",
    "offices",
];

/// The JSON body the server would send for `POST /fn/<endpoint>` with
/// `body`. `now` is the Berlin wall-clock time ("next meeting").
pub fn answer(
    dir: &Directory,
    endpoint: &str,
    body: &str,
    now: PrimitiveDateTime,
) -> Result<String, AnswerError> {
    Ok(match endpoint {
        "home" => args::<NoArgs>(body).map(|_| json(&views::home(dir)))?,
        "search" => args::<Search>(body).map(|a| json(&views::results(dir, &a.query, now)))?,
        "find" => args::<Search>(body).map(|a| json(&views::found(dir, &a.query, now)))?,
        "directory" => args::<NoArgs>(body).map(|_| json(&views::public_directory(dir)))?,
        "group" => args::<Slug>(body).map(|a| json(&views::group(dir, &a.slug, now)))?,
        "a-z" => args::<NoArgs>(body).map(|_| json(&views::a_to_z(dir)))?,
        "topics" => args::<NoArgs>(body).map(|_| json(&views::topic_tree(dir)))?,
        "topic" => args::<Slug>(body).map(|a| json(&views::topic(dir, &a.slug, now)))?,
        "offices" => args::<NoArgs>(body).map(|_| json(&views::offices(dir)))?,
        other => return Err(AnswerError::UnknownEndpoint(other.to_owned())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn demo() -> Directory {
        Directory::build(&wegweiser_core::demo::demo_records()).unwrap()
    }

    const NOW: PrimitiveDateTime = datetime!(2026-11-21 12:00);

    #[test]
    fn a_group_page_is_answered_with_the_servers_view_model() {
        let dir = demo();
        let g = &dir.all_groups()[3];
        let body = format!(r#"{{"slug":"{}"}}"#, g.slug);
        let got: Option<views::GroupData> =
            serde_json::from_str(&answer(&dir, "group", &body, NOW).unwrap()).unwrap();
        assert_eq!(got, views::group(&dir, g.slug.as_str(), NOW));
        assert_eq!(got.unwrap().group.id, g.id);
    }

    #[test]
    fn an_unknown_slug_is_none_as_on_the_server() {
        let dir = demo();
        let got = answer(&dir, "group", r#"{"slug":"gibt-es-nicht"}"#, NOW).unwrap();
        assert_eq!(got, "null");
    }

    #[test]
    fn a_search_runs_the_same_engine() {
        let dir = demo();
        let query = Query {
            q: "trauer".into(),
            ..Default::default()
        };
        // What the page sends: the server function's arguments by name.
        let body = serde_json::json!({ "query": query }).to_string();
        let got: views::ResultsData =
            serde_json::from_str(&answer(&dir, "search", &body, NOW).unwrap()).unwrap();
        assert_eq!(got, views::results(&dir, &query, NOW));
        assert!(got.result.total > 0);
    }

    #[test]
    fn every_endpoint_without_arguments_answers() {
        let dir = demo();
        for e in ["home", "directory", "a-z", "topics", "offices"] {
            for body in ["", "{}"] {
                assert!(answer(&dir, e, body, NOW).is_ok(), "{e} with {body:?}");
            }
        }
    }

    #[test]
    fn bad_arguments_and_unknown_endpoints_are_errors() {
        let dir = demo();
        assert!(matches!(
            answer(&dir, "group", r#"{"slug":1}"#, NOW),
            Err(AnswerError::BadArguments(_))
        ));
        assert!(matches!(
            answer(&dir, "group", r#"{"slug":"a","x":1}"#, NOW),
            Err(AnswerError::BadArguments(_))
        ));
        assert_eq!(
            answer(&dir, "login", "{}", NOW),
            Err(AnswerError::UnknownEndpoint("login".into()))
        );
        assert!(knows("a-z") && !knows("login"));
    }
}
