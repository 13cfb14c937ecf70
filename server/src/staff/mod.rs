//! Staff of the contact office (issue 5; docs/staff.md, docs/sync.md):
//! accounts and roles ([`accounts`]), sessions, sign-in and CSRF tokens
//! ([`session`]), the limit on failed sign-ins ([`limiter`]), and the JSON
//! API under `/api/v1/staff` that staff pages and the browser's outbox
//! use. Every handler here that changes something checks the role and the
//! CSRF token on the server, whatever a page showed.

pub mod accounts;
pub mod backend;
mod forms;
pub mod limiter;
pub mod session;

use crate::api::ApiError;
use crate::AppState;
use accounts::{AccountError, Password, Staff};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use session::SignedIn;
use time::OffsetDateTime;
use wegweiser_core::domain::{Login, Name, RecordErrors, Role, StaffId};
use wegweiser_core::edit::push::MAX_MUTATIONS;
use wegweiser_core::edit::{PushRequest, PushResponse, StaffPage, StaffRecord};
use wegweiser_core::sync::{Cursor, RecordKind};

/// Mounted under `/api/v1/staff`.
pub fn api() -> Router<AppState> {
    Router::new()
        .route("/session", get(me))
        .route("/push", post(push))
        .route("/changes", get(changes))
        .route("/records/{kind}/{id}", get(record))
        .route("/conflicts", get(conflicts))
        .route("/accounts", get(list_accounts).post(add_account))
        .route("/accounts/{id}", patch(update_account))
}

/// The forms of the staff pages (plain posts, they work without
/// JavaScript).
pub fn forms() -> Router<AppState> {
    use axum::Form;
    type Pairs = Vec<(String, String)>;
    let mut router = Router::new()
        .route(session::SIGN_IN_PAGE, post(session::sign_in))
        .route("/mitarbeit/abmelden", post(session::sign_out))
        .route("/mitarbeit/konflikt/{id}", post(forms::decide));
    // New records, the edit form, archiving and restoring, on each kind's
    // pages.
    for kind in [RecordKind::Group, RecordKind::Topic, RecordKind::Office] {
        let at = app::staff::record_page(kind);
        router = router
            .route(
                &format!("{at}/neu"),
                post(
                    move |State(state): State<AppState>,
                          session: tower_sessions::Session,
                          Form(pairs): Form<Pairs>| {
                        forms::create(state, session, kind, pairs)
                    },
                ),
            )
            .route(
                &format!("{at}/{{id}}/archiv"),
                post(
                    move |State(state): State<AppState>,
                          session: tower_sessions::Session,
                          Path(id): Path<uuid::Uuid>,
                          Form(pairs): Form<Pairs>| {
                        forms::archive(state, session, kind, id, pairs)
                    },
                ),
            )
            .route(
                &format!("{at}/{{id}}"),
                post(
                    move |State(state): State<AppState>,
                          session: tower_sessions::Session,
                          Path(id): Path<uuid::Uuid>,
                          Form(pairs): Form<Pairs>| {
                        forms::save(state, session, kind, id, pairs)
                    },
                ),
            )
            .route(
                &format!("{at}/{{id}}/wiederherstellen"),
                post(
                    move |State(state): State<AppState>,
                          session: tower_sessions::Session,
                          Path(id): Path<uuid::Uuid>,
                          Form(pairs): Form<Pairs>| {
                        forms::restore(state, session, kind, id, pairs)
                    },
                ),
            );
    }
    router
}

#[derive(Serialize)]
struct Me {
    staff: Staff,
    /// Send back in `x-csrf-token` with every change.
    csrf: String,
}

async fn me(me: SignedIn) -> Json<Me> {
    Json(Me {
        staff: me.staff,
        csrf: me.csrf,
    })
}

fn json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::BadRequest(format!(
            "Die Anfrage ist kein gültiges JSON dieser Form: {e}"
        ))
    })
}

/// `POST /api/v1/staff/push`: the outbox's mutations, answered one by one.
async fn push(
    State(state): State<AppState>,
    me: SignedIn,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Json<PushResponse>, ApiError> {
    me.authorize(Role::Editor, &headers)?;
    let request: PushRequest = json(&body)?;
    if request.mutations.len() > MAX_MUTATIONS {
        return Err(ApiError::BadRequest(format!(
            "Höchstens {MAX_MUTATIONS} Änderungen je Übertragung."
        )));
    }
    let results = state
        .store
        .push(me.staff.id, &request.mutations, OffsetDateTime::now_utc())
        .await?;
    if let Err(e) = state.reload().await {
        tracing::error!(error = %e, "directory not rebuilt after a push");
    }
    Ok(Json(PushResponse { results }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangesQuery {
    #[serde(default)]
    since: u64,
    limit: Option<usize>,
}

/// `GET /api/v1/staff/changes?since=&limit=`: every record as staff see
/// it, archived ones too.
async fn changes(
    State(state): State<AppState>,
    me: SignedIn,
    Query(q): Query<ChangesQuery>,
) -> Result<Json<StaffPage>, ApiError> {
    let _ = me;
    let limit = q.limit.unwrap_or(500);
    if !(1..=5000).contains(&limit) {
        return Err(ApiError::BadRequest("limit: 1 bis 5000".into()));
    }
    Ok(Json(
        state.store.staff_changes(Cursor(q.since), limit).await?,
    ))
}

#[derive(Serialize)]
struct RecordWithHistory {
    record: StaffRecord,
    history: Vec<wegweiser_core::edit::HistoryEntry>,
}

/// `GET /api/v1/staff/records/{kind}/{id}`: a record and its history.
async fn record(
    State(state): State<AppState>,
    me: SignedIn,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Json<RecordWithHistory>, ApiError> {
    let _ = me;
    let kind = RecordKind::parse(&kind)
        .ok_or_else(|| ApiError::NotFound("Diese Art von Eintrag gibt es nicht.".into()))?;
    let id =
        uuid::Uuid::parse_str(&id).map_err(|_| ApiError::BadRequest("id: keine UUID".into()))?;
    let record = state
        .store
        .staff_record(kind, id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Diesen Eintrag gibt es nicht.".into()))?;
    let history = state.store.history(kind, id).await?;
    Ok(Json(RecordWithHistory { record, history }))
}

async fn conflicts(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<Vec<wegweiser_core::edit::OpenConflict>>, ApiError> {
    let _ = me;
    Ok(Json(state.store.open_conflicts().await?))
}

async fn list_accounts(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<Vec<Staff>>, ApiError> {
    if !me.staff.role.covers(Role::Admin) {
        return Err(ApiError::Forbidden(
            "Dafür fehlt Ihrem Konto die Berechtigung.".into(),
        ));
    }
    Ok(Json(state.accounts.list().await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewAccount {
    login: String,
    name: String,
    role: String,
    password: String,
}

/// `POST /api/v1/staff/accounts` (admins): a new staff account.
async fn add_account(
    State(state): State<AppState>,
    me: SignedIn,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<Staff>), ApiError> {
    me.authorize(Role::Admin, &headers)?;
    let new: NewAccount = json(&body)?;
    let mut errs = RecordErrors::default();
    let login = errs.check("login", Login::parse(&new.login));
    let name = errs.check("name", Name::parse(&new.name));
    let role = errs.check("role", Role::parse(&new.role));
    let password = errs.check("password", Password::parse(&new.password));
    let (Some(login), Some(name), Some(role), Some(password)) = (login, name, role, password)
    else {
        return Err(ApiError::Invalid(errs));
    };
    let staff = state
        .accounts
        .add(&login, &name, role, &password)
        .await
        .map_err(account_error)?;
    tracing::info!(by = %me.staff.id, staff = %staff.id, "account added");
    Ok((StatusCode::CREATED, Json(staff)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountChange {
    role: Option<String>,
    disabled: Option<bool>,
}

/// `PATCH /api/v1/staff/accounts/{id}` (admins): role, disabled.
async fn update_account(
    State(state): State<AppState>,
    me: SignedIn,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Json<Staff>, ApiError> {
    me.authorize(Role::Admin, &headers)?;
    let id = StaffId::parse(&id).map_err(|p| ApiError::BadRequest(format!("id {p}")))?;
    let change: AccountChange = json(&body)?;
    let role = match change.role.as_deref().map(Role::parse).transpose() {
        Ok(role) => role,
        Err(p) => {
            let mut errs = RecordErrors::default();
            errs.push("role", p);
            return Err(ApiError::Invalid(errs));
        }
    };
    let staff = state
        .accounts
        .update(id, role, change.disabled)
        .await
        .map_err(account_error)?;
    tracing::info!(by = %me.staff.id, staff = %staff.id, "account changed");
    Ok(Json(staff))
}

fn account_error(e: AccountError) -> ApiError {
    match e {
        AccountError::Store(e) => ApiError::Store(e),
        AccountError::Unknown => ApiError::NotFound(e.to_string()),
        AccountError::Taken(_) | AccountError::LastAdmin => ApiError::Conflict(e.to_string()),
    }
}
