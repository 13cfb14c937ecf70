//! The contact form on a group's page, posted without JavaScript.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::TestApp;
use tower::ServiceExt;

async fn post_form(app: &TestApp, body: &str) -> (StatusCode, String) {
    let resp = app
        .router
        .clone()
        .oneshot(
            Request::post("/kontaktanfrage")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(body.to_owned()))
                .unwrap(),
        )
        .await
        .unwrap();
    let location = resp
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (resp.status(), location)
}

fn group(app: &TestApp) -> (String, String) {
    let dir = app.state.directory.snapshot();
    let g = dir
        .all_groups()
        .iter()
        .find(|g| g.status == wegweiser_core::domain::Status::Active)
        .unwrap();
    (g.id.0.to_string(), g.slug.as_str().to_owned())
}

#[tokio::test]
async fn a_filled_in_form_is_stored_once_and_thanked_for() {
    let app = TestApp::start().await;
    let (id, slug) = group(&app);
    let body = format!(
        "id=6f1c2a5e-8d1b-4c7e-9a34-2f0d5b6c7e81&group_id={id}&slug={slug}&name=Kim&reach=0221+123456&message=Hallo&consent=ja"
    );
    let (status, location) = post_form(&app, &body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/kontaktanfrage/gesendet?gruppe={slug}"));
    // Sent again (the answer was lost): still one request.
    assert_eq!(post_form(&app, &body).await.1, location);
    assert_eq!(app.state.store.contact_request_count().await.unwrap(), 1);
}

#[tokio::test]
async fn a_form_without_an_id_gets_one_from_the_server() {
    let app = TestApp::start().await;
    let (id, slug) = group(&app);
    let body = format!("group_id={id}&slug={slug}&name=Kim&reach=kim%40example.org&consent=ja");
    assert_eq!(post_form(&app, &body).await.0, StatusCode::SEE_OTHER);
    assert_eq!(app.state.store.contact_request_count().await.unwrap(), 1);
}

#[tokio::test]
async fn a_form_with_mistakes_names_the_fields_and_stores_nothing() {
    let app = TestApp::start().await;
    let (id, slug) = group(&app);
    let body = format!("group_id={id}&slug={slug}&name=&reach=keine+Ahnung");
    let (status, location) = post_form(&app, &body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location,
        format!("/kontaktanfrage/pruefen?gruppe={slug}&fehler=name,reach,consent"),
    );
    assert_eq!(app.state.store.contact_request_count().await.unwrap(), 0);
    // What was typed never appears in the address.
    assert!(!location.contains("Ahnung"));
}
