//! A real server state over a fresh SQLite file in a temporary directory.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::get_configuration;
use server::AppState;
use tower::ServiceExt;

pub struct TestApp {
    pub state: AppState,
    pub router: axum::Router,
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// A server with the demo directory loaded, as on a first start.
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/test.db", dir.path().display());
        let mut conf = get_configuration(None).unwrap();
        // Tests render pages without a built site: no hashed file names.
        conf.leptos_options.hash_files = false;
        conf.leptos_options.output_name = "wegweiser".into();
        let state = AppState::open(conf.leptos_options, &url).await.unwrap();
        let router = server::router(state.clone());
        Self {
            state,
            router,
            _dir: dir,
        }
    }

    pub async fn get(&self, uri: &str) -> (StatusCode, String) {
        let resp = self
            .router
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = resp.status();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(bytes.to_vec()).unwrap())
    }

    #[allow(dead_code)] // not every test file uses it
    pub async fn get_json(&self, uri: &str) -> (StatusCode, serde_json::Value) {
        let (status, body) = self.get(uri).await;
        (
            status,
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{uri}: not JSON ({e}): {body}")),
        )
    }

    /// POST a raw body as JSON; the answer's status and JSON body.
    #[allow(dead_code)] // not every test file uses it
    pub async fn post_json(&self, uri: &str, body: &str) -> (StatusCode, serde_json::Value) {
        let resp = self
            .router
            .clone()
            .oneshot(
                Request::post(uri)
                    .header("content-type", "application/json")
                    .body(Body::from(body.to_owned()))
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = resp.status();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes);
        let json =
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text.into_owned()));
        (status, json)
    }
}
