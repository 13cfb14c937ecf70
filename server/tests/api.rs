//! The JSON read API over the demo directory.

mod common;

use axum::http::StatusCode;
use common::TestApp;

use wegweiser_core::domain::Weekday;

#[tokio::test]
async fn lists_groups_in_pages() {
    let app = TestApp::start().await;
    let (status, body) = app.get_json("/api/v1/groups").await;
    assert_eq!(status, StatusCode::OK);
    let listed = app.state.directory.snapshot().listed().count();
    assert_eq!(body["total"], listed);
    assert_eq!(body["per_page"], 10);
    assert_eq!(body["items"].as_array().unwrap().len(), 10);
    let first = &body["items"][0];
    for key in [
        "id",
        "slug",
        "name",
        "topics",
        "schedules",
        "contact",
        "status",
        "version",
        "updated_at",
    ] {
        assert!(first.get(key).is_some(), "missing {key}: {first}");
    }
    let (_, page2) = app.get_json("/api/v1/groups?page=2").await;
    assert_ne!(page2["items"][0]["id"], first["id"]);
}

#[tokio::test]
async fn query_and_filters_combine() {
    let app = TestApp::start().await;
    let (_, body) = app.get_json("/api/v1/groups?q=Trauer&day=tu").await;
    let items = body["items"].as_array().unwrap();
    assert!(!items.is_empty(), "no Tuesday grief group in the demo");
    for g in items {
        let text = g.to_string().to_lowercase();
        assert!(
            text.contains("trauer") || text.contains("verlust") || text.contains("verwaist"),
            "{text}"
        );
        assert!(g["schedules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["weekday"] == Weekday::Tu.key()));
    }
    // Umlauts folded: the same results with and without them.
    let (_, a) = app.get_json("/api/v1/groups?q=Angeh%C3%B6rige").await;
    let (_, b) = app.get_json("/api/v1/groups?q=angehoerige").await;
    assert!(a["total"].as_u64().unwrap() > 0);
    assert_eq!(a["total"], b["total"]);
}

#[tokio::test]
async fn bad_requests_get_clear_errors() {
    let app = TestApp::start().await;
    let (status, body) = app.get_json("/api/v1/groups?colour=blue").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body["error"]["message"],
        "Parameter colour: unbekannter Parameter"
    );
    let (status, _) = app.get_json("/api/v1/groups?day=funday").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = app.get_json("/api/v1/groups/not-a-uuid").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"]["message"].as_str().unwrap().contains("UUID"));
    let (status, _) = app
        .get_json("/api/v1/groups/00000000-0000-4000-8000-000000000000")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.get_json("/api/v1/nothing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn private_fields_never_leave_the_server() {
    let app = TestApp::start().await;
    let records = app.state.store.load().await.unwrap();
    let mut checked_contact = 0;
    let mut checked_address = 0;
    for g in &records.groups {
        let (status, body) = app.get_json(&format!("/api/v1/groups/{}", g.id)).await;
        assert_eq!(status, StatusCode::OK);
        let text = body.to_string();
        assert!(
            body.get("data").is_none() && !text.contains("\"publish"),
            "internal shape leaked: {text}"
        );
        let c = &g.data.contact;
        if !c.publish {
            for secret in [
                c.phone.as_ref().map(|p| p.to_string()),
                c.email.as_ref().map(|e| e.to_string()),
            ]
            .into_iter()
            .flatten()
            {
                assert!(
                    !text.contains(&secret),
                    "unpublished contact {secret} leaked for {}",
                    g.data.slug
                );
            }
            assert_eq!(body["contact"], serde_json::json!({ "path": "via_office" }));
            checked_contact += 1;
        }
        if let Some(loc) = g.data.location.as_ref().filter(|l| !l.publish_address) {
            assert!(
                !text.contains(loc.address.street.as_str()),
                "unpublished address leaked for {}",
                g.data.slug
            );
            assert!(body["location"].get("address").is_none());
            assert_eq!(body["location"]["district"], loc.address.district.as_str());
            checked_address += 1;
        }
    }
    assert!(
        checked_contact > 10 && checked_address > 5,
        "demo data should exercise both rules"
    );
}

#[tokio::test]
async fn topics_and_offices() {
    let app = TestApp::start().await;
    let (_, topics) = app.get_json("/api/v1/topics").await;
    let topics = topics.as_array().unwrap();
    assert!(topics.len() > 30);
    let sucht = topics
        .iter()
        .find(|t| t["data"]["slug"] == "sucht")
        .expect("Sucht topic");
    assert!(sucht["data"]["synonyms"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s.as_str().unwrap().contains("Abhängigkeit")));
    let (_, offices) = app.get_json("/api/v1/offices").await;
    let offices = offices.as_array().unwrap();
    assert_eq!(offices.len(), 3);
    assert!(offices
        .iter()
        .all(|o| !o["data"]["opening_hours"].as_array().unwrap().is_empty()));
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    let app = TestApp::start().await;
    let req = Request::get("/api/v1/groups")
        .header("accept-encoding", "br")
        .body(Body::empty())
        .unwrap();
    let resp = app.router.clone().oneshot(req).await.unwrap();
    assert_eq!(resp.headers()["content-encoding"], "br");
}
