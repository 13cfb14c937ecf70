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
struct Receipt {
    id: String,
    #[serde(with = "iso::instant")]
    received_at: OffsetDateTime,
}

pub async fn create(State(state): State<AppState>, body: Bytes) -> Result<Response, ApiError> {
    let input: ContactRequestInput = serde_json::from_slice(&body).map_err(|e| {
        ApiError::BadRequest(format!("Die Anfrage hat nicht die erwartete Form: {e}"))
    })?;
    let (delivery, id) = accept(&state, &input).await?;
    let status = match delivery {
        Delivery::Created { .. } => StatusCode::CREATED,
        _ => StatusCode::OK,
    };
    match delivery {
        Delivery::Created { received_at } | Delivery::Repeated { received_at } => {
            Ok((status, Json(Receipt { id, received_at })).into_response())
        }
        Delivery::Conflict => unreachable!("accept() turns a conflict into an error"),
    }
}

/// Check a request and store it once: the one path for the JSON API and
/// the form on the group page. A known id with the same content is the
/// same request again (`Repeated`); with other content, a conflict.
pub async fn accept(
    state: &AppState,
    input: &ContactRequestInput,
) -> Result<(Delivery, String), ApiError> {
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
    match state
        .store
        .add_contact_request(&request, office, OffsetDateTime::now_utc())
        .await?
    {
        Delivery::Conflict => Err(ApiError::Conflict(
            "Diese Anfrage-ID gehört schon zu einer anderen Anfrage.".into(),
        )),
        delivery => Ok((delivery, id)),
    }
}
