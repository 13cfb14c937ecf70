//! What the staff pages know about who is signed in (docs/staff.md). The
//! server owns accounts and sessions; it gives the app a way to ask
//! ([`SessionLookup`], provided as context), so this crate does not depend
//! on the server's store.

use crate::codec::Json;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wegweiser_core::domain::Role;

/// The signed-in staff member, as the staff pages show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffView {
    pub name: String,
    pub login: String,
    pub role: Role,
    /// The session's CSRF token, for the sign-out form and the API.
    pub csrf: String,
}

/// Asks the server's session store who sent a request.
#[cfg(feature = "ssr")]
#[derive(Clone)]
#[allow(clippy::type_complexity)]
pub struct SessionLookup(
    pub  std::sync::Arc<
        dyn Fn(
                http::request::Parts,
            )
                -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<StaffView>> + Send>>
            + Send
            + Sync,
    >,
);

/// Who is signed in; `None` for the public and for ended sessions.
#[server(prefix = "/fn", endpoint = "staff-session", input = Json, output = Json)]
pub async fn staff_session() -> Result<Option<StaffView>, ServerFnError> {
    let parts =
        use_context::<http::request::Parts>().ok_or_else(|| ServerFnError::new("keine Anfrage"))?;
    let lookup =
        use_context::<SessionLookup>().ok_or_else(|| ServerFnError::new("keine Sitzungen"))?;
    Ok((lookup.0)(parts).await)
}
