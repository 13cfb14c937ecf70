//! Import and export through the command-line core, on a real SQLite file.

use server::cli::{export, import, CliError, FileFormat};
use server::db::{self, Store};
use wegweiser_core::demo;

async fn empty_store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/t.db", dir.path().display());
    (Store::new(db::connect(&url).await.unwrap()), dir)
}

#[tokio::test]
async fn json_export_imports_into_an_empty_database() {
    let (source, _d1) = empty_store().await;
    source
        .import(
            &demo::generate(40, 7),
            false,
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let json = export(&source, FileFormat::Json).await.unwrap();

    let (target, _d2) = empty_store().await;
    let summary = import(&target, &json, FileFormat::Json, false)
        .await
        .unwrap();
    assert_eq!(
        summary.created,
        source.load().await.unwrap().groups.len() + 3 + source.load().await.unwrap().topics.len()
    );
    let (a, b) = (source.load().await.unwrap(), target.load().await.unwrap());
    assert_eq!(
        a.groups.iter().map(|g| &g.data).collect::<Vec<_>>(),
        b.groups.iter().map(|g| &g.data).collect::<Vec<_>>()
    );
    // Importing the same file again changes nothing.
    let again = import(&target, &json, FileFormat::Json, false)
        .await
        .unwrap();
    assert_eq!((again.created, again.updated), (0, 0));
}

#[tokio::test]
async fn a_broken_csv_is_rejected_whole_and_changes_nothing() {
    let (store, _d) = empty_store().await;
    store
        .import(
            &demo::generate(20, 3),
            false,
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let before_seq = store.sequence().await.unwrap();
    let csv = export(&store, FileFormat::Csv).await.unwrap();
    // Break the second data row (line 3 of the file): an impossible phone
    // number; and make the fourth row's name empty (line 5).
    // The export is written for German Excel: `;`, a BOM, CRLF.
    let body = csv.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut set = |row: usize, column: usize, value: &str| {
        let mut cells: Vec<String> = rows[row].iter().map(str::to_owned).collect();
        cells[column] = value.to_owned();
        rows[row] = csv::StringRecord::from(cells);
    };
    set(1, col("contact_phone"), "12");
    set(3, col("name"), "");
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for r in &rows {
        writer.write_record(r).unwrap();
    }
    let broken = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let err = import(&store, &broken, FileFormat::Csv, false)
        .await
        .unwrap_err();
    let CliError::Import(e) = err else {
        panic!("expected an import error")
    };
    let messages = e.messages();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Zeile 3") && m.contains("contact_phone")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Zeile 5") && m.contains("name")),
        "{messages:?}"
    );
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(
        store.sequence().await.unwrap(),
        before_seq,
        "nothing may be written"
    );
}

#[tokio::test]
async fn csv_round_trip_updates_nothing() {
    let (store, _d) = empty_store().await;
    store
        .import(
            &demo::generate(30, 5),
            false,
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let csv = export(&store, FileFormat::Csv).await.unwrap();
    let summary = import(&store, &csv, FileFormat::Csv, false).await.unwrap();
    assert_eq!(
        (summary.created, summary.updated, summary.unchanged),
        (0, 0, 30)
    );
}
