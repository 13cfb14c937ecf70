//! Contact requests: stored once, whatever the network does.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use serde_json::json;
use wegweiser_core::domain::Status;

fn request(app: &TestApp) -> serde_json::Value {
    let dir = app.state.directory.snapshot();
    let group = dir.listed().next().unwrap();
    json!({
        "id": "6f1c2a5e-8d1b-4c7e-9a34-2f0d5b6c7e81",
        "group_id": group.id.to_string(),
        "name": "Kim",
        "reach": "0221 123456",
        "message": "Ich würde gern einmal vorbeikommen.",
        "consent": true
    })
}

#[tokio::test]
async fn a_request_is_stored_once_even_when_sent_again() {
    let app = TestApp::start().await;
    let body = request(&app).to_string();
    let (status, first) = app.post_json("/api/v1/contact-requests", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(first["id"], "6f1c2a5e-8d1b-4c7e-9a34-2f0d5b6c7e81");
    // The answer was lost; the browser sends the same request again.
    let (status, again) = app.post_json("/api/v1/contact-requests", &body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again, first, "the same receipt");
    assert_eq!(app.state.store.contact_request_count().await.unwrap(), 1);
}

#[tokio::test]
async fn deliveries_at_the_same_moment_store_one_request() {
    let app = TestApp::start().await;
    let body = request(&app).to_string();
    let (a, b) = tokio::join!(
        app.post_json("/api/v1/contact-requests", &body),
        app.post_json("/api/v1/contact-requests", &body)
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CREATED]);
    assert_eq!(app.state.store.contact_request_count().await.unwrap(), 1);
}

#[tokio::test]
async fn an_id_reused_for_another_request_is_refused() {
    let app = TestApp::start().await;
    let mut body = request(&app);
    app.post_json("/api/v1/contact-requests", &body.to_string())
        .await;
    body["message"] = "Etwas ganz anderes.".into();
    let (status, answer) = app
        .post_json("/api/v1/contact-requests", &body.to_string())
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(answer["error"]["code"], "conflict");
    assert_eq!(app.state.store.contact_request_count().await.unwrap(), 1);
}

#[tokio::test]
async fn bad_requests_are_refused_with_reasons_and_store_nothing() {
    let app = TestApp::start().await;
    let good = request(&app);
    let ended = {
        let dir = app.state.directory.snapshot();
        let g = dir.all_groups().iter().find(|g| g.status == Status::Ended);
        g.expect("the demo has ended groups").id.to_string()
    };
    let with = |key: &str, value: serde_json::Value| {
        let mut b = good.clone();
        b[key] = value;
        b.to_string()
    };
    let cases: Vec<(String, StatusCode, &str)> = vec![
        (
            with("consent", false.into()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "consent",
        ),
        (
            with("reach", "irgendwann abends".into()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "reach",
        ),
        (
            with("reach", "0221 12x45".into()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "reach",
        ),
        (
            with("name", "".into()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "name",
        ),
        (
            with("message", "x".repeat(1001).into()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "message",
        ),
        (
            with("id", "42".into()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "id",
        ),
        (
            with("group_id", "0b7d9e3a-1c2f-4e5d-8a9b-3c4d5e6f7a8b".into()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "group_id",
        ),
        (
            with("group_id", ended.clone().into()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "trifft sich nicht mehr",
        ),
        (
            with("age", 40.into()),
            StatusCode::BAD_REQUEST,
            "unknown field",
        ),
        (
            "{\"id\": ".into(),
            StatusCode::BAD_REQUEST,
            "erwartete Form",
        ),
        (
            json!({"name": "Kim"}).to_string(),
            StatusCode::BAD_REQUEST,
            "missing field",
        ),
    ];
    for (body, status, names) in cases {
        let (got, answer) = app.post_json("/api/v1/contact-requests", &body).await;
        assert_eq!(got, status, "{body}: {answer}");
        let text = answer.to_string();
        assert!(text.contains(names), "{body}: {answer}");
    }
    // Too large for any contact request.
    let huge = with("message", "x".repeat(100_000).into());
    let (got, _) = app.post_json("/api/v1/contact-requests", &huge).await;
    assert_eq!(got, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.state.store.contact_request_count().await.unwrap(), 0);
}
