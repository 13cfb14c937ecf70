//! Server time for a push of 100 queued staff edits (budget: one round
//! trip, under 200 ms at the server). The real router in-process on a
//! real SQLite file, with a signed-in session and its CSRF token: the
//! handler, the session lookup, the merge, one transaction, and the
//! rebuild of the public directory. No network in the measurement.
//!
//! `cargo bench -p server --bench push`

use axum::body::Body;
use axum::http::Request;
use criterion::{criterion_group, criterion_main, Criterion};
use http_body_util::BodyExt;
use leptos::prelude::get_configuration;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tower::ServiceExt;
use wegweiser_core::domain::{Login, Name, Role};

async fn send(router: &axum::Router, req: Request<Body>) -> (axum::http::HeaderMap, Value) {
    let resp = router.clone().oneshot(req).await.unwrap();
    let headers = resp.headers().clone();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    (
        headers,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn push(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (router, cookie, csrf, mut groups) = rt.block_on(async {
        let mut conf = get_configuration(None).unwrap();
        conf.leptos_options.output_name = "wegweiser".into();
        conf.leptos_options.hash_files = false;
        let url = format!("sqlite://{}/bench.db", dir.path().display());
        let state = server::AppState::open(conf.leptos_options, &url)
            .await
            .unwrap();
        let password = server::staff::accounts::Password::parse("ein langes Passwort").unwrap();
        state
            .accounts
            .add(
                &Login::parse("bench").unwrap(),
                &Name::parse("Bench").unwrap(),
                Role::Editor,
                &password,
            )
            .await
            .unwrap();
        let router = server::router(state.clone());
        let (headers, _) = send(
            &router,
            Request::post("/mitarbeit/anmelden")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from("login=bench&password=ein+langes+Passwort"))
                .unwrap(),
        )
        .await;
        let cookie = headers["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let (_, me) = send(
            &router,
            Request::get("/api/v1/staff/session")
                .header("cookie", &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        let csrf = me["csrf"].as_str().unwrap().to_owned();
        let page = state
            .store
            .staff_changes(wegweiser_core::sync::Cursor(0), 5000)
            .await
            .unwrap();
        let groups: Vec<(uuid::Uuid, Value)> = page
            .records
            .into_iter()
            .filter(|r| r.kind == wegweiser_core::sync::RecordKind::Group)
            .take(100)
            .map(|r| (r.id, r.data["description"].clone()))
            .collect();
        (router, cookie, csrf, groups)
    });
    assert_eq!(groups.len(), 100);
    let mut round = 0u64;
    c.bench_function("push of 100 edits (100 groups, one transaction)", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                round += 1;
                let mutations: Vec<Value> = groups
                    .iter_mut()
                    .map(|(id, description)| {
                        let to = json!(format!("Beschreibung, Fassung {round}."));
                        let m = json!({"id": uuid::Uuid::new_v4(), "kind": "group", "record": id,
                            // `base` is not used by the merge (values are compared).
                            "op": {"type": "update", "base": 1,
                                   "changes": [{"path": "description", "from": description, "to": to}]}});
                        *description = to;
                        m
                    })
                    .collect();
                let body = json!({ "mutations": mutations }).to_string();
                let req = Request::post("/api/v1/staff/push")
                    .header("content-type", "application/json")
                    .header("cookie", &cookie)
                    .header("x-csrf-token", &csrf)
                    .body(Body::from(body))
                    .unwrap();
                let start = Instant::now();
                let (_, answer) = rt.block_on(send(&router, req));
                total += start.elapsed();
                let results = answer["results"].as_array().expect("answered");
                assert!(results.iter().all(|r| r["status"] == "applied"), "{answer}");
            }
            total
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(8));
    targets = push
}
criterion_main!(benches);
