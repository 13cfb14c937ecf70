//! A write to the store from outside the server (an import from the
//! command line while it runs) reaches the pages and the API.

mod common;

use common::TestApp;
use std::time::Duration;

#[tokio::test]
async fn an_import_while_the_server_runs_shows_on_its_pages() {
    let app = TestApp::start().await;
    let _watch = server::watch_store(app.state.clone(), Duration::from_millis(20));

    let mut records = app.state.store.load().await.unwrap();
    let group = &mut records.groups[5];
    let id = group.id;
    group.data.name = wegweiser_core::domain::Name::parse("Umbenannt beim Import").unwrap();
    let only_this = wegweiser_core::records::Records {
        topics: vec![],
        offices: vec![],
        groups: vec![group.clone()],
    };
    let summary = app
        .state
        .store
        .import(&only_this, false, time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    assert_eq!(summary.updated, 1);

    let uri = format!("/api/v1/groups/{}", id.0);
    for _ in 0..250 {
        let (_, json) = app.get_json(&uri).await;
        if json["name"] == "Umbenannt beim Import" {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the server kept showing the old name");
}
