//! `POST /kontaktanfrage`: the contact form on a group's page, posted as a
//! plain HTML form (it works without JavaScript). It goes the same way as
//! the JSON API ([`api::contact::accept`](crate::api::contact::accept))
//! and answers with a redirect to a page that says what happened. Offline,
//! the service worker keeps the form and sends it later through the API.

use crate::api::{contact, ApiError};
use crate::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use wegweiser_core::domain::ContactForm;

pub async fn post(State(state): State<AppState>, Form(form): Form<ContactForm>) -> Response {
    let back = safe_slug(&form.slug);
    let input = form.input(|| uuid::Uuid::new_v4().to_string());
    match contact::accept(&state, &input).await {
        Ok(_) => Redirect::to(&format!("/kontaktanfrage/gesendet?gruppe={back}")).into_response(),
        Err(ApiError::Invalid(errors)) => {
            // Only which fields, never what was typed: the address is
            // logged and kept in the history.
            let mut fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
            fields.dedup();
            Redirect::to(&format!(
                "/kontaktanfrage/pruefen?gruppe={back}&fehler={}",
                fields.join(",")
            ))
            .into_response()
        }
        Err(other) => other.into_response(),
    }
}

/// The slug for the address to return to: slugs are `[a-z0-9-]`, so
/// anything else is dropped rather than trusted (nothing needs encoding).
fn safe_slug(slug: &str) -> String {
    slug.chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
        .collect()
}
