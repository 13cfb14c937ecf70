//! The public change feed, `/api/v1/changes`, over a real SQLite store.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::TestApp;
use http_body_util::BodyExt;
use std::collections::HashMap;
use time::OffsetDateTime;
use tower::ServiceExt;
use uuid::Uuid;
use wegweiser_core::domain::{Name, PublicGroup};
use wegweiser_core::records::Records;
use wegweiser_core::sync::{Change, ChangePage, PublicRecord, RecordKind};

/// A replica as a browser keeps it: the records by kind and id.
#[derive(Default, Debug, PartialEq)]
struct Replica(HashMap<(RecordKind, Uuid), PublicRecord>);

impl Replica {
    fn apply(&mut self, page: &ChangePage) {
        for c in &page.changes {
            match c {
                Change::Put { record, .. } => {
                    self.0
                        .insert((record.kind(), record.id()), (**record).clone());
                }
                Change::Delete { kind, id, .. } => {
                    self.0.remove(&(*kind, *id));
                }
            }
        }
    }

    /// What the store holds now, as the public sees it.
    fn of(records: &Records) -> Self {
        let mut r = Self::default();
        for t in &records.topics {
            r.0.insert((RecordKind::Topic, t.id.0), PublicRecord::Topic(t.clone()));
        }
        for o in &records.offices {
            r.0.insert(
                (RecordKind::Office, o.id.0),
                PublicRecord::Office(o.clone()),
            );
        }
        for g in &records.groups {
            r.0.insert(
                (RecordKind::Group, g.id.0),
                PublicRecord::Group(Box::new(PublicGroup::from(g))),
            );
        }
        r
    }
}

async fn page(app: &TestApp, uri: &str) -> ChangePage {
    let (status, body) = app.get(uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    serde_json::from_str(&body).unwrap()
}

/// Pull from `since` to the end in pages of `limit`; every page's numbers
/// must rise and follow the previous page's.
async fn pull(app: &TestApp, replica: &mut Replica, mut since: u64, limit: usize) -> (u64, usize) {
    let mut requests = 0;
    loop {
        let p = page(app, &format!("/api/v1/changes?since={since}&limit={limit}")).await;
        requests += 1;
        let seqs: Vec<u64> = p.changes.iter().map(|c| c.seq().0).collect();
        assert!(seqs.windows(2).all(|w| w[0] < w[1]), "in order: {seqs:?}");
        assert!(
            seqs.first().is_none_or(|&s| s > since),
            "nothing before the cursor"
        );
        assert!(p.changes.len() <= limit);
        replica.apply(&p);
        since = p.next.0;
        if !p.more {
            return (since, requests);
        }
    }
}

fn changed(mut records: Records) -> Records {
    let g = &mut records.groups[3];
    g.data.name = Name::parse("Neu benannte Gruppe").unwrap();
    records.groups.remove(7);
    records
}

#[tokio::test]
async fn a_first_sync_in_pages_then_only_the_delta() {
    let app = TestApp::start().await;
    let mut replica = Replica::default();
    let (cursor, requests) = pull(&app, &mut replica, 0, 100).await;
    let stored = app.state.store.load().await.unwrap();
    assert_eq!(replica, Replica::of(&stored));
    assert!(requests > 2, "250 groups in pages of 100");

    // Nothing new: one request, an empty page, the same cursor.
    let p = page(&app, &format!("/api/v1/changes?since={cursor}")).await;
    assert_eq!((p.changes.len(), p.next.0, p.more), (0, cursor, false));

    // One group renamed, one deleted: exactly those two come.
    app.state
        .store
        .import(&changed(stored.clone()), true, OffsetDateTime::now_utc())
        .await
        .unwrap();
    let p = page(&app, &format!("/api/v1/changes?since={cursor}")).await;
    assert_eq!(p.changes.len(), 2, "{p:?}");
    assert!(
        matches!(&p.changes[0], Change::Put { record, .. } if matches!(&**record, PublicRecord::Group(g) if g.name.as_str() == "Neu benannte Gruppe"))
    );
    assert!(
        matches!(&p.changes[1], Change::Delete { kind: RecordKind::Group, id, .. } if *id == stored.groups[7].id.0)
    );
    replica.apply(&p);
    assert_eq!(replica, Replica::of(&app.state.store.load().await.unwrap()));
}

#[tokio::test]
async fn groups_travel_only_in_their_public_shape() {
    let app = TestApp::start().await;
    let (_, body) = app.get("/api/v1/changes?limit=5000").await;
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let stored = app.state.store.load().await.unwrap();
    let mut checked = 0;
    for c in json["changes"].as_array().unwrap() {
        if c["record"]["kind"] == "group" {
            let id: Uuid = c["record"]["id"].as_str().unwrap().parse().unwrap();
            let g = stored.groups.iter().find(|g| g.id.0 == id).unwrap();
            let mut public = serde_json::to_value(PublicGroup::from(g)).unwrap();
            public["kind"] = "group".into();
            assert_eq!(c["record"], public);
            checked += 1;
        }
    }
    assert_eq!(checked, stored.groups.len());
}

#[tokio::test]
async fn no_change_is_skipped_or_repeated_while_writes_go_on() {
    let app = TestApp::start().await;
    let base = app.state.store.load().await.unwrap();
    let store = app.state.store.clone();
    // A writer renames groups over and over while the reader pages.
    let writer = tokio::spawn(async move {
        for round in 0..40 {
            let mut r = base.clone();
            for (i, g) in r
                .groups
                .iter_mut()
                .enumerate()
                .filter(|(i, _)| i % 7 == round % 7)
            {
                g.data.name = Name::parse(&format!("Gruppe {i} Runde {round}")).unwrap();
            }
            store
                .import(&r, false, OffsetDateTime::now_utc())
                .await
                .unwrap();
            tokio::task::yield_now().await;
        }
    });
    let mut replica = Replica::default();
    let mut cursor = 0;
    let mut seen_at: HashMap<u64, usize> = HashMap::new();
    while !writer.is_finished() {
        let p = page(&app, &format!("/api/v1/changes?since={cursor}&limit=37")).await;
        for c in &p.changes {
            *seen_at.entry(c.seq().0).or_default() += 1;
        }
        replica.apply(&p);
        cursor = p.next.0;
        tokio::task::yield_now().await;
    }
    writer.await.unwrap();
    pull(&app, &mut replica, cursor, 37).await;
    assert!(seen_at.values().all(|&n| n == 1), "a change came twice");
    assert_eq!(replica, Replica::of(&app.state.store.load().await.unwrap()));
}

async fn get_with(
    app: &TestApp,
    uri: &str,
    if_none_match: Option<&str>,
) -> (StatusCode, Option<String>, usize) {
    let mut req = Request::get(uri);
    if let Some(tag) = if_none_match {
        req = req.header(header::IF_NONE_MATCH, tag);
    }
    let resp = app
        .router
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let etag = resp
        .headers()
        .get(header::ETAG)
        .map(|v| v.to_str().unwrap().to_owned());
    let len = resp.into_body().collect().await.unwrap().to_bytes().len();
    (status, etag, len)
}

#[tokio::test]
async fn an_unchanged_page_is_not_sent_again() {
    let app = TestApp::start().await;
    let uri = "/api/v1/changes?since=0&limit=50";
    let (status, etag, len) = get_with(&app, uri, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(len > 0);
    let etag = etag.expect("an ETag");
    let (status, again, len) = get_with(&app, uri, Some(&etag)).await;
    assert_eq!(
        (status, again.as_deref(), len),
        (StatusCode::NOT_MODIFIED, Some(etag.as_str()), 0)
    );
    // After a write the same request is answered in full again.
    let stored = app.state.store.load().await.unwrap();
    app.state
        .store
        .import(&changed(stored), true, OffsetDateTime::now_utc())
        .await
        .unwrap();
    let (status, newer, _) = get_with(&app, uri, Some(&etag)).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(newer.unwrap(), etag);
}

#[tokio::test]
async fn bad_requests_get_a_clear_error() {
    let app = TestApp::start().await;
    for (uri, words) in [
        ("/api/v1/changes?since=-1", "since"),
        ("/api/v1/changes?since=abc", "since"),
        ("/api/v1/changes?limit=0", "limit"),
        ("/api/v1/changes?limit=100000", "limit"),
        ("/api/v1/changes?cursor=3", "Unbekannter Parameter"),
        ("/api/v1/changes?since=1&since=2", "mehrfach"),
    ] {
        let (status, body) = app.get_json(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(body["error"]["code"], "bad_request");
        assert!(
            body["error"]["message"].as_str().unwrap().contains(words),
            "{uri}: {body}"
        );
    }
    // A position the server never handed out (a reset database): start over.
    let (status, body) = app.get_json("/api/v1/changes?since=999999").await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(body["error"]["code"], "start_over");
}

/// The body of a brotli-compressed answer, as it goes over the wire.
async fn wire_bytes(app: &TestApp, uri: &str) -> usize {
    let resp = app
        .router
        .clone()
        .oneshot(
            Request::get(uri)
                .header(header::ACCEPT_ENCODING, "br, gzip")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CONTENT_ENCODING], "br");
    resp.into_body().collect().await.unwrap().to_bytes().len()
}

/// Issue 4's budgets for the 250-group demo: the first sync (the snapshot
/// and the feed's answer after it) under 25 KB on the wire, a delta with one
/// change in one request under 1 KB (sizes, not times: they do not depend
/// on the machine; `-- --nocapture` prints them).
#[tokio::test]
async fn a_one_change_delta_is_one_small_request() {
    let app = TestApp::start().await;
    let first = page(&app, "/api/v1/changes").await;
    assert!(!first.more, "the whole demo directory comes in one request");
    let snapshot_bytes = wire_bytes(&app, "/api/v1/snapshot").await;
    let (_, snapshot) = app.get_json("/api/v1/snapshot").await;
    let after = format!("/api/v1/changes?since={}", snapshot["sequence"]);
    let first_bytes = snapshot_bytes + wire_bytes(&app, &after).await;
    let feed_bytes = wire_bytes(&app, "/api/v1/changes").await;
    let stored = app.state.store.load().await.unwrap();
    let mut one = stored.clone();
    one.groups[3].data.name = Name::parse("Neu benannte Gruppe").unwrap();
    app.state
        .store
        .import(&one, false, OffsetDateTime::now_utc())
        .await
        .unwrap();
    let uri = format!("/api/v1/changes?since={}", first.next.0);
    let delta = page(&app, &uri).await;
    assert_eq!((delta.changes.len(), delta.more), (1, false));
    let delta_bytes = wire_bytes(&app, &uri).await;
    eprintln!(
        "first sync: {} records, {first_bytes} B brotli (snapshot {snapshot_bytes} B; as feed pages {feed_bytes} B); one-change delta: {delta_bytes} B brotli",
        first.changes.len()
    );
    assert!(first_bytes < 25 * 1024, "first sync {first_bytes} B");
    assert!(delta_bytes < 1_024, "delta {delta_bytes} B");
}

/// The snapshot holds exactly what the feed holds, read at one sequence,
/// and is made once per data version.
#[tokio::test]
async fn the_snapshot_is_the_feed_in_one_compact_answer() {
    let app = TestApp::start().await;
    let feed = page(&app, "/api/v1/changes?limit=5000").await;
    let (status, _) = app.get_json("/api/v1/snapshot").await;
    assert_eq!(status, StatusCode::OK);
    let (_, body) = app.get("/api/v1/snapshot").await;
    let (at, stored) = wegweiser_core::sync::snapshot::decode(&body).unwrap();
    assert_eq!(at, feed.next);
    let mut from_snapshot: Vec<String> = stored.iter().map(|s| s.json.clone()).collect();
    let mut from_feed: Vec<String> = feed
        .changes
        .iter()
        .map(|c| match c {
            Change::Put { record, .. } => serde_json::to_string(record).unwrap(),
            Change::Delete { .. } => unreachable!("no deletions in the demo"),
        })
        .collect();
    let parse = |v: &mut Vec<String>| {
        let mut p: Vec<serde_json::Value> =
            v.iter().map(|j| serde_json::from_str(j).unwrap()).collect();
        p.sort_by_key(|r| r["id"].as_str().unwrap().to_owned());
        p
    };
    assert_eq!(parse(&mut from_snapshot), parse(&mut from_feed));
    // The same answer again comes from the cache, with an ETag.
    let resp = app
        .router
        .clone()
        .oneshot(
            Request::get("/api/v1/snapshot")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let etag = resp.headers()[header::ETAG].clone();
    let resp = app
        .router
        .clone()
        .oneshot(
            Request::get("/api/v1/snapshot")
                .header(header::IF_NONE_MATCH, etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_MODIFIED);
}

/// A directory over the snapshot's limit gets none (the client then
/// downloads through the feed); the limit is counted before reading.
#[tokio::test]
async fn a_directory_too_big_for_a_snapshot_gets_none() {
    let app = TestApp::start().await;
    let live = app.state.store.load().await.unwrap();
    let n = live.topics.len() + live.offices.len() + live.groups.len();
    assert!(app.state.store.snapshot(n).await.unwrap().is_some());
    assert!(app.state.store.snapshot(n - 1).await.unwrap().is_none());
}
