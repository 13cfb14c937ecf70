//! What the service worker calls for the staff outbox (`crate::staff`):
//! keep a posted edit form, list and show what waits, push it, discard a
//! rejected edit. Every answer is JSON.

use crate::pull;
use crate::staff::{self, Kept, Queued};
use crate::worker::{replica, SyncError};
use serde_json::json;
use wasm_bindgen::prelude::*;
use wegweiser_core::edit::PushResponse;

fn js(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

async fn outbox() -> Result<Vec<Kept>, JsValue> {
    let stored = replica().await?.edits().await.map_err(SyncError::from)?;
    Ok(stored
        .iter()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect())
}

fn counts(outbox: &[Kept]) -> (usize, usize) {
    let rejected = outbox.iter().filter(|k| k.rejected.is_some()).count();
    (outbox.len() - rejected, rejected)
}

fn entry(k: &Kept) -> (String, String) {
    (
        k.mutation.id.0.to_string(),
        serde_json::to_string(k).expect("an edit serialises"),
    )
}

/// Keep the edit a form posted to `page` makes (`form`: its fields as a
/// JSON list of name and value). Answers `{"verdict":"kept","id",
/// "waiting","record_page","list_page"}`, `{"verdict":"unchanged"}` or `{"verdict":"refused",
/// "fields":[{field,message}]}`.
#[wasm_bindgen]
pub async fn staff_queue(page: String, form: String) -> Result<String, JsValue> {
    let pairs: Vec<(String, String)> = serde_json::from_str(&form).map_err(js)?;
    let list = outbox().await?;
    let seq = list.iter().map(|k| k.seq).max().unwrap_or(0) + 1;
    let answer = match staff::queue(&page, &pairs, seq).map_err(js)? {
        Queued::Unchanged => json!({"verdict": "unchanged"}),
        Queued::Refused(fields) => json!({"verdict": "refused", "fields": fields}),
        Queued::Kept(k) => {
            let gone: Vec<String> = staff::superseded(&list, &k)
                .into_iter()
                .map(|id| id.0.to_string())
                .collect();
            replica()
                .await?
                .change_edits(&[entry(&k)], &gone)
                .await
                .map_err(SyncError::from)?;
            let (waiting, _) = counts(&outbox().await?);
            json!({"verdict": "kept", "id": k.mutation.id.0.to_string(), "waiting": waiting,
                   "record_page": staff::record_page_of(&k),
                   "list_page": wegweiser_core::edit::form::list_page(k.mutation.kind)})
        }
    };
    Ok(answer.to_string())
}

/// What waits: `{"waiting","rejected","edits":[{id,page,label,rejected}]}`,
/// oldest first.
#[wasm_bindgen]
pub async fn staff_outbox() -> Result<String, JsValue> {
    let list = outbox().await?;
    let (waiting, rejected) = counts(&list);
    let edits: Vec<_> = staff::ordered(&list)
        .into_iter()
        .map(|k| {
            json!({"id": k.mutation.id.0.to_string(), "page": k.page, "label": k.label,
                   "rejected": k.rejected})
        })
        .collect();
    Ok(json!({"waiting": waiting, "rejected": rejected, "edits": edits}).to_string())
}

/// The waiting edits of the record edited at `page`, for its form
/// rendered from `original` (JSON): `staff::Overlay`, or `null`.
#[wasm_bindgen]
pub async fn staff_overlay(page: String, original: String) -> Result<Option<String>, JsValue> {
    let original = serde_json::from_str(&original).map_err(js)?;
    let list = outbox().await?;
    Ok(staff::overlay(&page, &original, &list)
        .map(|o| serde_json::to_string(&o).expect("an overlay serialises")))
}

/// Push what waits with the session's CSRF token. Answers
/// `{"outcome": "nothing"|"done"|"offline"|"signed_out"|"failed", …}`;
/// after `done` the counts and each answered edit's page and result.
#[wasm_bindgen]
pub async fn staff_push(csrf: String) -> Result<String, JsValue> {
    let store = replica().await?;
    let mut total = staff::Settled::default();
    let mut outcome = "nothing";
    let mut message = None;
    // Up to MAX_MUTATIONS an answer; a bigger outbox takes several.
    for _ in 0..20 {
        let list = outbox().await?;
        let Some(request) = staff::push_request(&list) else {
            break;
        };
        let body = serde_json::to_string(&request).expect("a push serialises");
        let Some((status, text)) = pull::post_push(&body, &csrf).await else {
            outcome = "offline";
            break;
        };
        match status {
            200 => {}
            401 | 403 => {
                outcome = "signed_out";
                break;
            }
            _ => {
                // The API's errors carry a German message (docs/api.md).
                let said = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|v| v["error"]["message"].as_str().map(str::to_owned));
                outcome = "failed";
                message = Some(match said {
                    Some(said) => format!("Der Server antwortete mit {status}: {said}"),
                    None => format!("Der Server antwortete mit {status}."),
                });
                break;
            }
        }
        let answer: PushResponse = serde_json::from_str(&text).map_err(js)?;
        let settled = staff::settle(&list, &answer);
        let rejected: Vec<(String, String)> = settled
            .reject
            .iter()
            .filter_map(|(id, why)| {
                let mut k = list.iter().find(|k| k.mutation.id == *id)?.clone();
                k.rejected = Some(why.clone());
                Some(entry(&k))
            })
            .collect();
        let dropped: Vec<String> = settled.drop.iter().map(|id| id.0.to_string()).collect();
        store
            .change_edits(&rejected, &dropped)
            .await
            .map_err(SyncError::from)?;
        outcome = "done";
        total.applied += settled.applied;
        total.conflicts += settled.conflicts;
        total.rejected += settled.rejected;
        total.results.extend(settled.results);
        if answer.results.is_empty() {
            break;
        }
    }
    let (waiting, rejected) = counts(&outbox().await?);
    Ok(json!({
        "outcome": outcome, "message": message,
        "applied": total.applied, "conflicts": total.conflicts,
        "rejected_now": total.rejected, "results": total.results,
        "waiting": waiting, "rejected": rejected,
    })
    .to_string())
}

/// Drop a rejected edit the staff member gave up on. Edits that still
/// wait are not discarded: they would be lost.
#[wasm_bindgen]
pub async fn staff_discard(id: String) -> Result<String, JsValue> {
    let list = outbox().await?;
    if list
        .iter()
        .any(|k| k.mutation.id.0.to_string() == id && k.rejected.is_some())
    {
        replica()
            .await?
            .change_edits(&[], &[id])
            .await
            .map_err(SyncError::from)?;
    }
    let (waiting, rejected) = counts(&outbox().await?);
    Ok(json!({"waiting": waiting, "rejected": rejected}).to_string())
}
