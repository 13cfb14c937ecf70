//! The JSON read API, `/api/v1/…`: thin handlers over the public
//! [`Directory`](wegweiser_core::directory::Directory). Only public types
//! (`PublicGroup`, offices, topics) are serialised here.

mod changes;
pub mod contact;
mod error;
mod snapshot;

pub use error::ApiError;
pub use snapshot::SnapshotCache;

use crate::AppState;
use axum::extract::{Path, Query as RawPairs, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use wegweiser_core::directory::{Query, TopicRef, PER_PAGE};
use wegweiser_core::domain::{GroupId, Office, PublicGroup, Topic};

/// Mounted under `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/groups", get(groups))
        .route("/groups/{id}", get(group))
        .route("/topics", get(topics))
        .route("/offices", get(offices))
        .route("/changes", get(changes::changes))
        .route("/snapshot", get(snapshot::snapshot))
        .route("/contact-requests", post(contact::create))
        .nest("/staff", crate::staff::api())
        .fallback(|| async { ApiError::NotFound("Diese API-Adresse gibt es nicht.".into()) })
}

#[derive(Serialize)]
pub struct GroupList {
    pub total: usize,
    /// How many of `total` match every word of `q` (ranked first).
    pub complete: usize,
    pub page: usize,
    pub pages: usize,
    pub per_page: usize,
    pub items: Vec<PublicGroup>,
    /// With few results: topics close to the query.
    pub suggestions: Vec<TopicRef>,
}

async fn groups(
    State(state): State<AppState>,
    RawPairs(pairs): RawPairs<Vec<(String, String)>>,
) -> Result<Json<GroupList>, ApiError> {
    let query = Query::parse_strict(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
    let result = state.directory.snapshot().search(&query);
    Ok(Json(GroupList {
        total: result.total,
        complete: result.complete,
        page: result.page,
        pages: result.pages,
        per_page: PER_PAGE,
        items: result.items,
        suggestions: result.suggestions,
    }))
}

async fn group(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PublicGroup>, ApiError> {
    let id = GroupId::parse(&id).map_err(|p| ApiError::BadRequest(format!("id {p}")))?;
    state
        .directory
        .snapshot()
        .group(id)
        .cloned()
        .map(Json)
        .ok_or_else(|| ApiError::NotFound("Diese Gruppe gibt es nicht.".into()))
}

async fn topics(State(state): State<AppState>) -> Json<Vec<Topic>> {
    Json(state.directory.snapshot().taxonomy().all().to_vec())
}

async fn offices(State(state): State<AppState>) -> Json<Vec<Office>> {
    Json(state.directory.snapshot().offices().to_vec())
}
