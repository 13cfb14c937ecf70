//! `GET /api/v1/snapshot`: the first sync in one response
//! ([`wegweiser_core::sync::snapshot`], docs/api.md). The compact JSON is
//! compressed once per data version at brotli's best quality and kept
//! until the next change; directories over
//! [`MAX_RECORDS`](wegweiser_core::sync::snapshot::MAX_RECORDS) get
//! `404` and download through the feed.

use super::ApiError;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::io::Write;
use std::sync::{Arc, Mutex};
use wegweiser_core::sync::snapshot::{encode, MAX_RECORDS};
use wegweiser_core::sync::Cursor;

/// The last snapshot made: its sequence, JSON and brotli.
#[derive(Clone, Default)]
pub struct SnapshotCache(Arc<Mutex<Option<(u64, Bytes, Bytes)>>>);

impl SnapshotCache {
    fn get(&self, sequence: u64) -> Option<(Bytes, Bytes)> {
        let cached = self.0.lock().unwrap_or_else(|e| e.into_inner());
        cached
            .as_ref()
            .filter(|(at, ..)| *at == sequence)
            .map(|(_, json, br)| (json.clone(), br.clone()))
    }

    fn put(&self, sequence: u64, json: Bytes, br: Bytes) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some((sequence, json, br));
    }
}

pub async fn snapshot(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let current = state.store.sequence().await? as u64;
    let (sequence, json, br) = match state.snapshots.get(current) {
        Some((json, br)) => (current, json, br),
        None => {
            let Some((records, sequence)) = state.store.snapshot(MAX_RECORDS).await? else {
                return Err(ApiError::NotFound(format!(
                    "Für Verzeichnisse mit mehr als {MAX_RECORDS} Einträgen gibt es keinen Schnappschuss; bitte /api/v1/changes nutzen."
                )));
            };
            let (json, br) = tokio::task::spawn_blocking(move || {
                let json = encode(Cursor(sequence), &records);
                let br = compress(json.as_bytes());
                (Bytes::from(json), Bytes::from(br))
            })
            .await
            .expect("encoding a snapshot does not panic");
            state.snapshots.put(sequence, json.clone(), br.clone());
            (sequence, json, br)
        }
    };
    let etag = HeaderValue::from_str(&format!("\"snapshot-{sequence}\""))
        .expect("digits are a valid header value");
    let common = [
        (header::ETAG, etag.clone()),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        (header::VARY, HeaderValue::from_static("accept-encoding")),
    ];
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return Ok((StatusCode::NOT_MODIFIED, common).into_response());
    }
    let json_type = (
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    let accepts_br = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("br")));
    Ok(if accepts_br {
        (
            common,
            [
                json_type,
                (header::CONTENT_ENCODING, HeaderValue::from_static("br")),
            ],
            br,
        )
            .into_response()
    } else {
        (common, [json_type], json).into_response()
    })
}

/// Brotli at quality 11 with a 16 MB window: slow, but once per version.
fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 8);
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 64 * 1024, 11, 24);
        writer.write_all(bytes).expect("writing to memory");
    }
    out
}
