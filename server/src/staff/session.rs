//! Signing in and out, and who is signed in (docs/staff.md).
//!
//! A session lives in the store (`tower-sessions`, table
//! `tower_sessions`); the browser holds only its id, in the cookie
//! `wegweiser_sitzung` (HttpOnly, SameSite=Strict, Secure when the site is
//! served over TLS). Only signing in sets it: the public never gets a
//! cookie. A session ends after 8 hours without use, 7 days after signing
//! in, on signing out, and when its account is disabled.
//!
//! Every state-changing request of a signed-in staff member carries the
//! session's CSRF token: forms in the field `csrf`, the JSON API in the
//! header `x-csrf-token`.

use super::accounts::Staff;
use crate::api::ApiError;
use crate::AppState;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use std::time::Instant;
use time::{Duration, OffsetDateTime};
use tower_sessions::{Expiry, Session, SessionManagerLayer};
use tower_sessions_sqlx_store::SqliteStore;
use wegweiser_core::domain::{Role, StaffId};

const STAFF: &str = "staff";
const CSRF: &str = "csrf";
const SINCE: &str = "since";

/// Idle time after which a session ends.
pub const IDLE: Duration = Duration::hours(8);
/// A session ends this long after signing in, used or not.
pub const ABSOLUTE: Duration = Duration::days(7);
pub const COOKIE: &str = "wegweiser_sitzung";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The session layer over the store's pool.
pub fn layer(store: SqliteStore, secure: bool) -> SessionManagerLayer<SqliteStore> {
    SessionManagerLayer::new(store)
        .with_name(COOKIE)
        .with_http_only(true)
        .with_same_site(tower_sessions::cookie::SameSite::Strict)
        .with_secure(secure)
        .with_expiry(Expiry::OnInactivity(IDLE))
}

/// A staff member with a live session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub staff: Staff,
    pub csrf: String,
}

impl SignedIn {
    /// The role may do this, and the request carries the session's token.
    pub fn authorize(&self, needed: Role, headers: &HeaderMap) -> Result<(), ApiError> {
        let token = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
        self.check(needed, token)
    }

    pub fn check(&self, needed: Role, token: Option<&str>) -> Result<(), ApiError> {
        if !token.is_some_and(|t| same(t, &self.csrf)) {
            return Err(ApiError::Forbidden(
                "Die Anfrage trägt kein gültiges Sicherheitsmerkmal (CSRF); bitte die Seite neu laden.".into(),
            ));
        }
        if !self.staff.role.covers(needed) {
            return Err(ApiError::Forbidden(
                "Dafür fehlt Ihrem Konto die Berechtigung.".into(),
            ));
        }
        Ok(())
    }
}

/// Compare in time independent of where the strings differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, m)| ApiError::Internal(m.into()))?;
        signed_in(&session, state)
            .await?
            .ok_or_else(|| ApiError::SignedOut)
    }
}

/// Who this session belongs to, if it is live; ends it otherwise.
pub async fn signed_in(session: &Session, state: &AppState) -> Result<Option<SignedIn>, ApiError> {
    let Some(id) = session.get::<StaffId>(STAFF).await.map_err(internal)? else {
        return Ok(None);
    };
    let since = session
        .get::<i64>(SINCE)
        .await
        .map_err(internal)?
        .unwrap_or(0);
    let too_old = OffsetDateTime::now_utc().unix_timestamp() - since > ABSOLUTE.whole_seconds();
    let staff = state.accounts.get(id).await?.filter(|s| !s.disabled);
    let (Some(staff), false) = (staff, too_old) else {
        session.flush().await.map_err(internal)?;
        return Ok(None);
    };
    let csrf = session
        .get::<String>(CSRF)
        .await
        .map_err(internal)?
        .unwrap_or_default();
    Ok(Some(SignedIn { staff, csrf }))
}

fn internal(e: tower_sessions::session::Error) -> ApiError {
    ApiError::Internal(e.to_string())
}

#[derive(Deserialize)]
pub struct SignInForm {
    login: String,
    password: String,
}

/// Where the sign-in form goes on success and on failure.
pub const START: &str = "/mitarbeit";
pub const SIGN_IN_PAGE: &str = "/mitarbeit/anmelden";

/// `POST /mitarbeit/anmelden`: a new session (a new id: no fixation) and
/// to the staff start page; back to the form with `?fehler=falsch`, or
/// `?fehler=gesperrt` while the limit of failed tries holds.
pub async fn sign_in(
    State(state): State<AppState>,
    address: ClientAddress,
    session: Session,
    Form(form): Form<SignInForm>,
) -> Result<Response, ApiError> {
    let now = Instant::now();
    let address = address.0.as_deref();
    if state.limiter.blocked(&form.login, address, now).is_some() {
        tracing::warn!("sign-in refused: too many failed tries");
        return Ok(Redirect::to(&format!("{SIGN_IN_PAGE}?fehler=gesperrt")).into_response());
    }
    let Some(staff) = state.accounts.sign_in(&form.login, &form.password).await? else {
        state.limiter.failed(&form.login, address, now);
        return Ok(Redirect::to(&format!("{SIGN_IN_PAGE}?fehler=falsch")).into_response());
    };
    state.limiter.succeeded(&form.login);
    session.cycle_id().await.map_err(internal)?;
    session.insert(STAFF, staff.id).await.map_err(internal)?;
    session
        .insert(
            CSRF,
            uuid::Uuid::new_v4().simple().to_string() + &uuid::Uuid::new_v4().simple().to_string(),
        )
        .await
        .map_err(internal)?;
    session
        .insert(SINCE, OffsetDateTime::now_utc().unix_timestamp())
        .await
        .map_err(internal)?;
    tracing::info!(staff = %staff.id, "signed in");
    Ok(Redirect::to(START).into_response())
}

#[derive(Deserialize)]
pub struct SignOutForm {
    csrf: String,
}

/// `POST /mitarbeit/abmelden`: the session ends, in the store too.
pub async fn sign_out(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<SignOutForm>,
) -> Result<Response, ApiError> {
    if let Some(me) = signed_in(&session, &state).await? {
        me.check(Role::Editor, Some(&form.csrf))?;
        session.flush().await.map_err(internal)?;
    }
    Ok(Redirect::to("/").into_response())
}

/// The client's address as the server saw it, where it is known (not in
/// tests that call the router directly).
pub struct ClientAddress(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|c| c.0.ip().to_string()),
        ))
    }
}

/// Refuse a state-changing request that another site made the browser
/// send: `Sec-Fetch-Site` other than `same-origin` (or `none`), or, from
/// browsers without it, an `Origin` that is not this host. (The session cookie is `SameSite=Strict` as well, and staff
/// writes carry the CSRF token.)
pub async fn same_origin_only(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::http::Method;
    let reads = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !reads && !same_origin(request.headers()) {
        return ApiError::Forbidden(
            "Anfragen von anderen Websites werden nicht angenommen.".into(),
        )
        .into_response();
    }
    next.run(request).await
}

fn same_origin(headers: &HeaderMap) -> bool {
    use axum::http::header;
    // Browsers of this decade say where a request comes from; the pages'
    // `Referrer-Policy: no-referrer` turns their `Origin` into "null", but
    // not this.
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        // Unknown: the SameSite cookie and the CSRF token decide.
        (None | Some("null"), _) => true,
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest == host),
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_requests_from_this_site_pass() {
        use axum::http::HeaderMap;
        let headers = |pairs: &[(&'static str, &str)]| {
            let mut h = HeaderMap::new();
            for (k, v) in pairs {
                h.insert(*k, v.parse().unwrap());
            }
            h
        };
        assert!(super::same_origin(&headers(&[("host", "a.de")])));
        assert!(super::same_origin(&headers(&[
            ("host", "a.de"),
            ("origin", "https://a.de"),
            ("sec-fetch-site", "same-origin")
        ])));
        assert!(!super::same_origin(&headers(&[
            ("host", "a.de"),
            ("origin", "https://b.de")
        ])));
        assert!(!super::same_origin(&headers(&[
            ("host", "a.de"),
            ("sec-fetch-site", "cross-site")
        ])));
        // The site's own form under `Referrer-Policy: no-referrer`.
        assert!(super::same_origin(&headers(&[
            ("host", "a.de"),
            ("origin", "null"),
            ("sec-fetch-site", "same-origin")
        ])));
        assert!(!super::same_origin(&headers(&[
            ("host", "a.de"),
            ("origin", "null"),
            ("sec-fetch-site", "cross-site")
        ])));
        assert!(!super::same_origin(&headers(&[
            ("host", "a.de"),
            ("origin", "https://a.de"),
            ("sec-fetch-site", "same-site")
        ])));
    }

    #[test]
    fn tokens_compare_equal_only_when_equal() {
        assert!(super::same("abc", "abc"));
        assert!(!super::same("abc", "abd"));
        assert!(!super::same("abc", "abcd"));
        assert!(!super::same("", "a"));
    }
}
