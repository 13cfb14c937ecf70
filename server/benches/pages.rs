//! Server time for rendering pages and answering the API over the 250-group
//! demo directory (budget: a results page under 20 ms). Runs the real
//! router in-process on a real SQLite file; no network in the measurement.
//!
//! `cargo bench -p server --bench pages`

use axum::body::Body;
use axum::http::Request;
use criterion::{criterion_group, criterion_main, Criterion};
use http_body_util::BodyExt;
use leptos::prelude::get_configuration;
use tower::ServiceExt;

fn pages(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let router = rt.block_on(async {
        let mut conf = get_configuration(None).unwrap();
        conf.leptos_options.output_name = "wegweiser".into();
        conf.leptos_options.hash_files = false;
        let url = format!("sqlite://{}/bench.db", dir.path().display());
        server::router(
            server::AppState::open(conf.leptos_options, &url)
                .await
                .unwrap(),
        )
    });
    let mut group = c.benchmark_group("server");
    for (name, uri) in [
        ("results page q=trauer", "/suche?q=trauer"),
        (
            "results page q+filters",
            "/suche?q=angeh%C3%B6rige&day=tu&step_free=1",
        ),
        ("results page, all groups", "/suche"),
        ("group page", "/gruppe/__FIRST__"),
        ("home page", "/"),
        ("api groups q=sucht", "/api/v1/groups?q=sucht"),
    ] {
        let uri = if uri.contains("__FIRST__") {
            let slug = rt.block_on(async {
                let resp = router
                    .clone()
                    .oneshot(Request::get("/api/v1/groups").body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                let body = resp.into_body().collect().await.unwrap().to_bytes();
                let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
                v["items"][0]["slug"].as_str().unwrap().to_owned()
            });
            uri.replace("__FIRST__", &slug)
        } else {
            uri.to_owned()
        };
        group.bench_function(name, |b| {
            b.to_async(&rt).iter(|| async {
                let resp = router
                    .clone()
                    .oneshot(Request::get(uri.as_str()).body(Body::empty()).unwrap())
                    .await
                    .unwrap();
                assert!(resp.status().is_success());
                resp.into_body().collect().await.unwrap().to_bytes().len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pages);
criterion_main!(benches);
