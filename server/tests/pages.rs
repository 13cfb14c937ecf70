//! Server-rendered pages: complete HTML without JavaScript.

mod common;

use axum::http::StatusCode;
use common::TestApp;

#[tokio::test]
async fn results_page_is_rendered_on_the_server() {
    let app = TestApp::start().await;
    let (status, html) = app.get("/suche?q=trauer&day=tu").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"de\""), "{html}");
    assert!(
        html.contains("class=\"group-card\""),
        "no results in the HTML"
    );
    assert!(html.contains("<mark>"), "matches are highlighted");
    assert!(html.contains("für „trauer“"));
    assert!(
        !html.contains("Wird geladen"),
        "a loading placeholder was sent instead of content"
    );
}

#[tokio::test]
async fn group_page_and_missing_group() {
    let app = TestApp::start().await;
    let dir = app.state.directory.snapshot();
    let g = dir.listed().find(|g| !g.schedules.is_empty()).unwrap();
    let (status, html) = app.get(&format!("/gruppe/{}", g.slug)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&g.schedules[0].describe()));
    assert!(html.contains("Nächstes Treffen"));
    let (status, html) = app.get("/gruppe/gibt-es-nicht").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Seite nicht gefunden"));
    let (status, _) = app.get("/kein/weg").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn no_cookies_and_privacy_headers() {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    let app = TestApp::start().await;
    for uri in ["/", "/suche?q=sucht", "/api/v1/groups"] {
        let resp = app
            .router
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert!(
            resp.headers().get("set-cookie").is_none(),
            "{uri} sets a cookie"
        );
        assert_eq!(resp.headers()["referrer-policy"], "no-referrer");
    }
}
