//! What each page shows, computed from a [`Directory`]: one plain,
//! serialisable view model per page.
//!
//! The server's functions (`app/src/api.rs`) answer with these, and so does
//! the browser's offline replica (`app/offline`) when there is no
//! connection, so a page looks the same whichever side made its data.

pub mod cards;

use crate::directory::{Directory, Query, SearchResult, TopicCounts, TopicRef};
use crate::domain::{Office, PublicGroup, Topic};
use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;

/// Everything the home page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub total: usize,
    /// Top-level topics with the number of groups under them.
    pub topics: Vec<TopicCount>,
    pub founding: Vec<PublicGroup>,
    pub offices: Vec<Office>,
}

/// Filter choices for the search form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    pub topics: Vec<TopicRef>,
    pub districts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsData {
    pub result: SearchResult,
    pub facets: Facets,
    pub offices: Vec<Office>,
    /// Berlin wall-clock time the page was made, for "next meeting".
    #[serde(with = "crate::domain::iso::local")]
    pub as_of: PrimitiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupData {
    pub group: PublicGroup,
    /// Each topic with its path from the root.
    pub topic_paths: Vec<Vec<TopicRef>>,
    pub office: Option<Office>,
    #[serde(with = "crate::domain::iso::local")]
    pub as_of: PrimitiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicData {
    pub topic: TopicRef,
    pub description: Option<String>,
    pub synonyms: Vec<String>,
    pub path: Vec<TopicRef>,
    pub children: Vec<TopicCount>,
    pub groups: Vec<PublicGroup>,
    #[serde(with = "crate::domain::iso::local")]
    pub as_of: PrimitiveDateTime,
}

/// A topic with the number of listed groups under it (subtopics included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicCount {
    pub topic: TopicRef,
    pub groups: usize,
}

/// A top-level topic with its subtopics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicBranch {
    pub topic: TopicCount,
    pub children: Vec<TopicCount>,
}

/// Every public record: what the browser needs to search by itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicDirectory {
    pub topics: Vec<Topic>,
    pub offices: Vec<Office>,
    pub groups: Vec<PublicGroup>,
}

/// Groups under each letter, for the A–Z page.
pub type AToZ = Vec<(char, Vec<PublicGroup>)>;

fn counted(t: &Topic, counts: &TopicCounts) -> TopicCount {
    TopicCount {
        topic: TopicRef::from(t),
        groups: counts.get(&t.id).copied().unwrap_or(0),
    }
}

pub fn home(dir: &Directory) -> HomeData {
    let counts = dir.topic_counts();
    HomeData {
        total: dir.listed().count(),
        topics: dir
            .taxonomy()
            .roots()
            .map(|t| counted(t, counts))
            .filter(|t| t.groups > 0)
            .collect(),
        founding: dir.founding().into_iter().take(6).cloned().collect(),
        offices: dir.offices().to_vec(),
    }
}

/// The results page's data for a query. While the visitor types, the
/// browser runs the same search, `Directory::search`, over its own copy and
/// keeps these facets.
pub fn results(dir: &Directory, query: &Query, as_of: PrimitiveDateTime) -> ResultsData {
    ResultsData {
        result: dir.search(query),
        facets: Facets {
            topics: dir.taxonomy().all().iter().map(TopicRef::from).collect(),
            districts: dir.districts().iter().map(|d| d.to_string()).collect(),
        },
        offices: dir.offices().to_vec(),
        as_of,
    }
}

/// One page of matches with their cards already written: what the results
/// list shows while the visitor types (the page keeps its form and
/// facets). The cards come finished so the page has only to show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Found {
    pub query: Query,
    pub total: usize,
    /// How many of `total` match every word of the query.
    pub complete: usize,
    pub page: usize,
    pub pages: usize,
    /// The page's cards ([`cards::cards_html`]).
    pub cards: String,
    /// With few or no results: topics close to what was typed.
    pub suggestions: Vec<TopicRef>,
}

impl Found {
    pub fn new(result: SearchResult, style: &cards::CardStyle) -> Self {
        Found {
            cards: cards::cards_html(&result.items, style),
            query: result.query,
            total: result.total,
            complete: result.complete,
            page: result.page,
            pages: result.pages,
            suggestions: result.suggestions,
        }
    }
}

/// The matches for the list while the visitor types, as on the results
/// page (topics named, words marked, next meeting from `as_of`).
pub fn found(dir: &Directory, query: &Query, as_of: PrimitiveDateTime) -> Found {
    let result = dir.search(query);
    let style = cards::CardStyle {
        query: &query.q,
        topics: Some(dir.taxonomy()),
        as_of: Some(as_of),
        heading: 2,
    };
    Found::new(result, &style)
}

pub fn public_directory(dir: &Directory) -> PublicDirectory {
    PublicDirectory {
        topics: dir.taxonomy().all().to_vec(),
        offices: dir.offices().to_vec(),
        groups: dir.all_groups().to_vec(),
    }
}

/// `None` when no group has this slug.
pub fn group(dir: &Directory, slug: &str, as_of: PrimitiveDateTime) -> Option<GroupData> {
    let g = dir.group_by_slug(slug)?;
    Some(GroupData {
        topic_paths: g
            .topics
            .iter()
            .map(|t| {
                dir.taxonomy()
                    .path(*t)
                    .into_iter()
                    .map(TopicRef::from)
                    .collect()
            })
            .collect(),
        office: dir.office(g.office_id).cloned(),
        group: g.clone(),
        as_of,
    })
}

pub fn a_to_z(dir: &Directory) -> AToZ {
    dir.a_to_z()
        .into_iter()
        .map(|(c, gs)| (c, gs.into_iter().cloned().collect()))
        .collect()
}

pub fn topic_tree(dir: &Directory) -> Vec<TopicBranch> {
    let tax = dir.taxonomy();
    let counts = dir.topic_counts();
    tax.roots()
        .map(|t| TopicBranch {
            topic: counted(t, counts),
            children: tax.children(t.id).map(|c| counted(c, counts)).collect(),
        })
        .collect()
}

/// `None` when no topic has this slug.
pub fn topic(dir: &Directory, slug: &str, as_of: PrimitiveDateTime) -> Option<TopicData> {
    let tax = dir.taxonomy();
    let t = tax.by_slug(slug)?;
    let counts = dir.topic_counts();
    Some(TopicData {
        topic: TopicRef::from(t),
        description: t.data.description.as_ref().map(|d| d.to_string()),
        synonyms: t.data.synonyms.iter().map(|s| s.to_string()).collect(),
        path: tax.path(t.id).into_iter().map(TopicRef::from).collect(),
        children: tax.children(t.id).map(|c| counted(c, counts)).collect(),
        groups: dir.in_topic(slug).into_iter().cloned().collect(),
        as_of,
    })
}

pub fn offices(dir: &Directory) -> Vec<Office> {
    dir.offices().to_vec()
}
