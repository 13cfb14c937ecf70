use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use wegweiser_core::directory::QueryError;
use wegweiser_core::domain::RecordErrors;

/// Errors of the JSON API, each with its status code and a German message.
/// Internal causes are logged, never sent.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    /// The client's position is unknown here (the database was reset or
    /// restored): it has to start over.
    #[error("{0}")]
    Gone(String),
    /// Fields that do not hold valid values, each with its message.
    #[error("Die Angaben sind nicht vollständig oder nicht gültig: {0}")]
    Invalid(RecordErrors),
    #[error("{0}")]
    Conflict(String),
    /// No live staff session: sign in (again). A client keeps what it
    /// has not delivered.
    #[error("Bitte melden Sie sich an; Ihre Sitzung ist abgelaufen oder beendet.")]
    SignedOut,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    TooMany(String),
    /// The cause is logged, never sent.
    #[error("Der Server kann die Anfrage gerade nicht beantworten.")]
    Internal(String),
    /// The cause is logged, never sent.
    #[error("Der Server kann die Anfrage gerade nicht beantworten.")]
    Store(#[from] crate::db::StoreError),
}

impl From<QueryError> for ApiError {
    fn from(e: QueryError) -> Self {
        ApiError::BadRequest(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::Gone(_) => (StatusCode::GONE, "start_over"),
            ApiError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            ApiError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            ApiError::SignedOut => (StatusCode::UNAUTHORIZED, "signed_out"),
            ApiError::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            ApiError::TooMany(_) => (StatusCode::TOO_MANY_REQUESTS, "too_many"),
            ApiError::Internal(e) => {
                tracing::error!("internal: {e}");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
            ApiError::Store(e) => {
                tracing::error!("store: {e}");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        };
        let mut error = json!({ "code": code, "message": self.to_string() });
        if let ApiError::Invalid(errs) = &self {
            error["fields"] = errs
                .0
                .iter()
                .map(|e| json!({ "field": e.field, "message": e.problem.to_string() }))
                .collect();
        }
        (status, Json(json!({ "error": error }))).into_response()
    }
}
