//! `POST /api/v1/contact-requests`: a visitor asks the office to put them
//! in touch with a group (see docs/api.md). The body is read here rather
//! than by axum's `Json` so that every refusal is a German JSON error; its
//! content is never logged.

use super::ApiError;
use crate::db::Delivery;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use time::OffsetDateTime;
use wegweiser_core::domain::{
    iso, ContactRequest, ContactRequestInput, Problem, RecordErrors, Status,
};

#[derive(Serialize)]
pub struct Receipt {
    id: String,
    #[serde(with = "iso::instant")]
    received_at: OffsetDateTime,
}

pub async fn create(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let input: ContactRequestInput = serde_json::from_slice(&body).map_err(|e| {
        ApiError::BadRequest(format!("Die Anfrage hat nicht die erwartete Form: {e}"))
    })?;
    let (receipt, created) = accept(&state, &input).await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(receipt)).into_response())
}

/// Check a request and store it once: the one path for the JSON API and
/// the form on the group page. Its receipt, and whether it was stored now
/// (`false`: a known id with the same content, the same request again);
/// a known id with other content is a conflict.
pub async fn accept(
    state: &AppState,
    input: &ContactRequestInput,
) -> Result<(Receipt, bool), ApiError> {
    let request = ContactRequest::parse(input).map_err(ApiError::Invalid)?;
    let directory = state.directory.snapshot();
    let group = match directory.group(request.group_id) {
        Some(g) if g.status != Status::Ended => g,
        found => {
            let mut errs = RecordErrors::default();
            let problem = match found {
                Some(_) => Problem::GroupEnded,
                None => Problem::UnknownGroup,
            };
            errs.push("group_id", problem);
            return Err(ApiError::Invalid(errs));
        }
    };
    let office = Some(group.office_id);
    let id = request.id.to_string();
    let (received_at, created) = match state
        .store
        .add_contact_request(&request, office, OffsetDateTime::now_utc())
        .await?
    {
        Delivery::Created { received_at } => (received_at, true),
        Delivery::Repeated { received_at } => (received_at, false),
        Delivery::Conflict => {
            return Err(ApiError::Conflict(
                "Diese Anfrage-ID gehört schon zu einer anderen Anfrage.".into(),
            ))
        }
    };
    Ok((Receipt { id, received_at }, created))
}
