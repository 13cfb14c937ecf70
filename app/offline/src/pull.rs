//! One page of the server's change feed, `GET /api/v1/changes`
//! (docs/api.md), fetched with `gloo-net` from the service worker.

use gloo_net::http::Request;
use wegweiser_core::sync::{ChangePage, Cursor};

/// Records per page: big enough that the 250-group demo comes in one
/// request, small enough that writing a page never blocks for long.
pub const LIMIT: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum PullError {
    #[error("keine Verbindung zum Server")]
    Offline,
    /// The cursor is from another database (restored or replaced): the
    /// replica must start over.
    #[error("der Server kennt diesen Stand nicht mehr")]
    StartOver,
    #[error("der Server antwortete mit {0}")]
    Status(u16),
    #[error("unlesbare Antwort des Servers: {0}")]
    Unreadable(String),
}

/// The page after `since`, and the size of its JSON (before compression).
pub async fn page(since: Cursor) -> Result<(ChangePage, usize), PullError> {
    let url = format!("/api/v1/changes?since={}&limit={LIMIT}", since.0);
    let response = Request::get(&url)
        .send()
        .await
        .map_err(|_| PullError::Offline)?;
    match response.status() {
        200 => {}
        410 => return Err(PullError::StartOver),
        other => return Err(PullError::Status(other)),
    }
    let text = response.text().await.map_err(|_| PullError::Offline)?;
    let page = serde_json::from_str(&text).map_err(|e| PullError::Unreadable(e.to_string()))?;
    Ok((page, text.len()))
}
