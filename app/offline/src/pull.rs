//! The replica's requests to the server (docs/api.md), with `gloo-net`:
//! pages of the change feed, `GET /api/v1/changes`, deliveries of
//! contact requests, `POST /api/v1/contact-requests`, and staff edits,
//! `POST /api/v1/staff/push`.

use gloo_net::http::Request;
use wegweiser_core::sync::Cursor;

/// Records per page: the 250-group demo comes in one request; 100,000
/// groups in 50, each written in one transaction.
pub const LIMIT: usize = 2000;

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
}

/// The JSON of the page after `since`.
pub async fn page(since: Cursor) -> Result<String, PullError> {
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
    response.text().await.map_err(|_| PullError::Offline)
}

/// Deliver a kept contact request; the answer's status, `None` without
/// one.
pub async fn post_contact(json: &str) -> Option<u16> {
    let response = Request::post("/api/v1/contact-requests")
        .header("content-type", "application/json")
        .body(json)
        .ok()?
        .send()
        .await
        .ok()?;
    Some(response.status())
}

/// A push of staff edits (`POST /api/v1/staff/push`) with the session's
/// CSRF token: the answer's status and body, `None` without an answer.
pub async fn post_push(json: &str, csrf: &str) -> Option<(u16, String)> {
    let response = Request::post("/api/v1/staff/push")
        .header("content-type", "application/json")
        .header("x-csrf-token", csrf)
        .body(json)
        .ok()?
        .send()
        .await
        .ok()?;
    let status = response.status();
    Some((status, response.text().await.ok()?))
}

/// The first-sync snapshot's JSON, `None` when the server has none (a
/// directory too big for one) or does not answer: the feed follows.
pub async fn snapshot() -> Option<String> {
    let response = Request::get("/api/v1/snapshot").send().await.ok()?;
    if response.status() != 200 {
        return None;
    }
    response.text().await.ok()
}
