//! Server functions: each answers with a page's view model, computed by
//! [`wegweiser_core::views`] from the server's [`Directory`]. Offline, the
//! service worker answers the same endpoints from the browser's replica
//! with the same functions (`app/offline`), so the endpoint names and
//! argument names here are part of that contract.

use crate::codec::Json;
use leptos::prelude::*;
use wegweiser_core::directory::Query;
use wegweiser_core::domain::Office;
pub use wegweiser_core::views::{
    AToZ, Facets, Found, GroupData, HomeData, PublicDirectory, ResultsData, TopicBranch, TopicData,
};

#[cfg(feature = "ssr")]
fn directory() -> Result<std::sync::Arc<wegweiser_core::directory::Directory>, ServerFnError> {
    use_context::<crate::state::DirectoryHandle>()
        .map(|h| h.snapshot())
        .ok_or_else(|| ServerFnError::new("Verzeichnis nicht verfügbar"))
}

#[server(prefix = "/fn", endpoint = "home", input = Json, output = Json)]
pub async fn load_home() -> Result<HomeData, ServerFnError> {
    Ok(wegweiser_core::views::home(&*directory()?))
}

#[server(prefix = "/fn", endpoint = "search", input = Json, output = Json)]
pub async fn load_search(query: Query) -> Result<ResultsData, ServerFnError> {
    Ok(wegweiser_core::views::results(
        &*directory()?,
        &query,
        crate::local::now(),
    ))
}

/// While the visitor types: only the matching groups. With the service
/// worker installed the browser's replica answers this, without a round
/// trip to the server.
#[server(prefix = "/fn", endpoint = "find", input = Json, output = Json)]
pub async fn find_groups(query: Query) -> Result<Found, ServerFnError> {
    Ok(wegweiser_core::views::found(
        &*directory()?,
        &query,
        crate::local::now(),
    ))
}

/// Every public record (the search benchmark feeds MiniSearch with it).
#[server(prefix = "/fn", endpoint = "directory", input = Json, output = Json)]
pub async fn load_directory() -> Result<PublicDirectory, ServerFnError> {
    Ok(wegweiser_core::views::public_directory(&*directory()?))
}

#[server(prefix = "/fn", endpoint = "group", input = Json, output = Json)]
pub async fn load_group(slug: String) -> Result<Option<GroupData>, ServerFnError> {
    Ok(wegweiser_core::views::group(
        &*directory()?,
        &slug,
        crate::local::now(),
    ))
}

#[server(prefix = "/fn", endpoint = "a-z", input = Json, output = Json)]
pub async fn load_a_to_z() -> Result<AToZ, ServerFnError> {
    Ok(wegweiser_core::views::a_to_z(&*directory()?))
}

#[server(prefix = "/fn", endpoint = "topics", input = Json, output = Json)]
pub async fn load_topic_tree() -> Result<Vec<TopicBranch>, ServerFnError> {
    Ok(wegweiser_core::views::topic_tree(&*directory()?))
}

#[server(prefix = "/fn", endpoint = "topic", input = Json, output = Json)]
pub async fn load_topic(slug: String) -> Result<Option<TopicData>, ServerFnError> {
    Ok(wegweiser_core::views::topic(
        &*directory()?,
        &slug,
        crate::local::now(),
    ))
}

#[server(prefix = "/fn", endpoint = "offices", input = Json, output = Json)]
pub async fn load_offices() -> Result<Vec<Office>, ServerFnError> {
    Ok(wegweiser_core::views::offices(&*directory()?))
}
