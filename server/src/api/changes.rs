//! `GET /api/v1/changes?since=<cursor>&limit=<n>`: the public change feed
//! (see docs/api.md). Thin over [`Store::changes`](crate::db::Store::changes).

use super::ApiError;
use crate::AppState;
use axum::extract::{Query as RawPairs, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use wegweiser_core::sync::FeedQuery;

pub async fn changes(
    State(state): State<AppState>,
    RawPairs(pairs): RawPairs<Vec<(String, String)>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let query = FeedQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let (page, sequence) = state.store.changes(query).await?;
    if query.since.0 > sequence {
        return Err(ApiError::Gone(format!(
            "Position {} ist neuer als der Stand des Servers ({sequence}); bitte von vorn laden (since=0).",
            query.since.0
        )));
    }
    // A page is determined by the request and the sequence it was read at:
    // every write moves the sequence on.
    let etag = format!("\"{}-{}-{sequence}\"", query.since.0, query.limit);
    let etag = HeaderValue::from_str(&etag).expect("digits and dashes are a valid header value");
    let cache = (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| {
        v.as_bytes()
            .split(|b| *b == b',')
            .any(|t| t.trim_ascii() == etag.as_bytes())
    }) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag), cache]).into_response());
    }
    Ok(([(header::ETAG, etag), cache], Json(page)).into_response())
}
