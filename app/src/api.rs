//! Server functions: thin calls into the core [`Directory`]. Each returns a
//! plain, serialisable view model so the same components render it on the
//! server and in the browser.

use crate::codec::Json;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use time::PrimitiveDateTime;
use wegweiser_core::directory::{Directory, Query, SearchResult, TopicRef};
use wegweiser_core::domain::{Office, PublicGroup, Topic};

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
    #[serde(with = "wegweiser_core::domain::iso::local")]
    pub as_of: PrimitiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupData {
    pub group: PublicGroup,
    /// Each topic with its path from the root.
    pub topic_paths: Vec<Vec<TopicRef>>,
    pub office: Option<Office>,
    #[serde(with = "wegweiser_core::domain::iso::local")]
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
    #[serde(with = "wegweiser_core::domain::iso::local")]
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

/// Every public record: what the browser needs to search by itself (and,
/// later, to work offline).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicDirectory {
    pub topics: Vec<Topic>,
    pub offices: Vec<Office>,
    pub groups: Vec<PublicGroup>,
}

/// The results page's data for a query (the page and its server
/// function). While the visitor types, the browser runs the same search,
/// `Directory::search`, over its own copy and keeps these facets.
pub fn results_data(dir: &Directory, query: &Query, as_of: PrimitiveDateTime) -> ResultsData {
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

#[cfg(feature = "ssr")]
mod server {
    use crate::state::DirectoryHandle;
    use leptos::prelude::*;
    use std::sync::Arc;
    use wegweiser_core::directory::TopicCounts;
    use wegweiser_core::directory::{Directory, TopicRef};
    use wegweiser_core::domain::Topic;

    pub fn directory() -> Result<Arc<Directory>, ServerFnError> {
        use_context::<DirectoryHandle>()
            .map(|h| h.snapshot())
            .ok_or_else(|| ServerFnError::new("Verzeichnis nicht verfügbar"))
    }

    pub fn counted(t: &Topic, counts: &TopicCounts) -> super::TopicCount {
        super::TopicCount {
            topic: TopicRef::from(t),
            groups: counts.get(&t.id).copied().unwrap_or(0),
        }
    }
}

#[server(prefix = "/fn", endpoint = "home", input = Json, output = Json)]
pub async fn load_home() -> Result<HomeData, ServerFnError> {
    let dir = server::directory()?;
    let counts = dir.topic_counts();
    let topics = dir
        .taxonomy()
        .roots()
        .map(|t| server::counted(t, counts))
        .filter(|t| t.groups > 0)
        .collect();
    Ok(HomeData {
        total: dir.listed().count(),
        topics,
        founding: dir.founding().into_iter().take(6).cloned().collect(),
        offices: dir.offices().to_vec(),
    })
}

#[server(prefix = "/fn", endpoint = "search", input = Json, output = Json)]
pub async fn load_search(query: Query) -> Result<ResultsData, ServerFnError> {
    Ok(results_data(
        &*server::directory()?,
        &query,
        crate::local::now(),
    ))
}

#[server(prefix = "/fn", endpoint = "directory", input = Json, output = Json)]
pub async fn load_directory() -> Result<PublicDirectory, ServerFnError> {
    let dir = server::directory()?;
    Ok(PublicDirectory {
        topics: dir.taxonomy().all().to_vec(),
        offices: dir.offices().to_vec(),
        groups: dir.all_groups().to_vec(),
    })
}

#[server(prefix = "/fn", endpoint = "group", input = Json, output = Json)]
pub async fn load_group(slug: String) -> Result<Option<GroupData>, ServerFnError> {
    let dir = server::directory()?;
    Ok(dir.group_by_slug(&slug).map(|g| GroupData {
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
        as_of: crate::local::now(),
    }))
}

#[server(prefix = "/fn", endpoint = "a-z", input = Json, output = Json)]
pub async fn load_a_to_z() -> Result<Vec<(char, Vec<PublicGroup>)>, ServerFnError> {
    let dir = server::directory()?;
    Ok(dir
        .a_to_z()
        .into_iter()
        .map(|(c, gs)| (c, gs.into_iter().cloned().collect()))
        .collect())
}

#[server(prefix = "/fn", endpoint = "topics", input = Json, output = Json)]
pub async fn load_topic_tree() -> Result<Vec<TopicBranch>, ServerFnError> {
    let dir = server::directory()?;
    let tax = dir.taxonomy();
    let counts = dir.topic_counts();
    Ok(tax
        .roots()
        .map(|t| TopicBranch {
            topic: server::counted(t, counts),
            children: tax
                .children(t.id)
                .map(|c| server::counted(c, counts))
                .collect(),
        })
        .collect())
}

#[server(prefix = "/fn", endpoint = "topic", input = Json, output = Json)]
pub async fn load_topic(slug: String) -> Result<Option<TopicData>, ServerFnError> {
    let dir = server::directory()?;
    let tax = dir.taxonomy();
    let Some(t) = tax.by_slug(&slug) else {
        return Ok(None);
    };
    let counts = dir.topic_counts();
    let groups = dir.in_topic(&slug).into_iter().cloned().collect();
    Ok(Some(TopicData {
        topic: TopicRef::from(t),
        description: t.data.description.as_ref().map(|d| d.to_string()),
        synonyms: t.data.synonyms.iter().map(|s| s.to_string()).collect(),
        path: tax.path(t.id).into_iter().map(TopicRef::from).collect(),
        children: tax
            .children(t.id)
            .map(|c| server::counted(c, counts))
            .collect(),
        groups,
        as_of: crate::local::now(),
    }))
}

#[server(prefix = "/fn", endpoint = "offices", input = Json, output = Json)]
pub async fn load_offices() -> Result<Vec<Office>, ServerFnError> {
    Ok(server::directory()?.offices().to_vec())
}
