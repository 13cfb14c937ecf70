//! Import and export with small hand-made directories.

use super::*;
use crate::domain::Group;
use crate::records::Records;
use serde_json::{json, Value};
use time::macros::datetime;
use time::OffsetDateTime;
use uuid::Uuid;

const SUCHT: &str = "00000000-0000-4000-8000-000000000001";
const ALKOHOL: &str = "00000000-0000-4000-8000-000000000002";
const TRAUER: &str = "00000000-0000-4000-8000-000000000003";
const OFFICE: &str = "00000000-0000-4000-8000-0000000000aa";
const GROUP_FULL: &str = "6f1c1f0e-4b7a-4c1e-9d2a-0a1b2c3d4e5f";
const GROUP_ONLINE: &str = "6f1c1f0e-4b7a-4c1e-9d2a-0a1b2c3d4e60";

fn now() -> OffsetDateTime {
    datetime!(2026-11-21 09:00 UTC)
}

fn topic_json(id: &str, slug: &str, name: &str, parent: Option<&str>) -> Value {
    let mut t = json!({
        "id": id, "version": 1, "updated_at": "2026-11-01T10:00:00Z",
        "data": {"slug": slug, "name": name, "synonyms": ["Abhängigkeit"], "description": "Rund um Sucht"}
    });
    if let Some(p) = parent {
        t["data"]["parent"] = json!(p);
    }
    t
}

fn office_json() -> Value {
    json!({
        "id": OFFICE, "version": 2, "updated_at": "2026-11-01T10:00:00Z",
        "data": {
            "slug": "kiss-mitte",
            "name": "KISS Mitte",
            "address": {"street": "Marktplatz 1", "postal_code": "12345", "city": "Musterstadt", "district": "Mitte"},
            "phone": "0555 987654",
            "email": "kiss@example.org",
            "website": "https://kiss.example.org",
            "opening_hours": [{"weekday": "mo", "opens_at": "09:00", "closes_at": "12:00"}],
            "hours_note": "Und nach Vereinbarung",
            "area_served": "Stadtbezirk Mitte"
        }
    })
}

/// A group with every field filled in.
fn full_group_json() -> Value {
    json!({
        "id": GROUP_FULL, "version": 3, "updated_at": "2026-11-01T10:00:00Z",
        "data": {
            "slug": "angehoerige-sucht-altstadt",
            "name": "Angehörige von Suchtkranken",
            "alternate_names": ["@Angehörigentreff", "Al-Anon Altstadt"],
            "topics": [SUCHT, ALKOHOL],
            "description": "Austausch für Angehörige; offen für alle.",
            "details": "Wir treffen uns seit 1998.\nBitte vorher \"kurz\" anrufen; danke.",
            "audience": "relatives",
            "age_focus": {"min": 18, "max": 35},
            "format": "hybrid",
            "location": {
                "name": "Selbsthilfezentrum",
                "address": {"street": "Lindenweg 4", "postal_code": "01067", "city": "Musterstadt", "district": "Altstadt"},
                "publish_address": true,
                "room_note": "Raum 2, erster Stock"
            },
            "schedules": [
                {"freq": "weekly", "weekday": "tu", "opens_at": "18:00", "closes_at": "20:00"},
                {"freq": "monthly_nth", "weekday": "th", "nth": 2, "opens_at": "18:00", "closes_at": "20:00"},
                {"freq": "monthly_last", "weekday": "fr", "opens_at": "10:00", "closes_at": "12:00"},
                {"freq": "every_n_weeks", "weekday": "we", "interval": 2, "anchor": "2026-01-07", "opens_at": "18:00", "closes_at": "20:00"}
            ],
            "schedule_note": "nicht in den Schulferien",
            "accessibility": {"step_free": true, "accessible_toilet": true, "hearing_loop": false, "details": "Aufzug am Hintereingang"},
            "languages": ["de", "tr"],
            "contact": {"person": "Anke", "phone": "+49 555 123456", "email": "anke@example.org", "website": "https://example.org/gruppe", "publish": true},
            "accepting_new_members": "on_request",
            "status": "active",
            "office_id": OFFICE,
            "last_verified": "2026-10-15"
        }
    })
}

/// An online group with only what is required.
fn online_group_json() -> Value {
    json!({
        "id": GROUP_ONLINE, "version": 1, "updated_at": "2026-11-01T10:00:00Z",
        "data": {
            "slug": "trauer-online",
            "name": "Trauer online",
            "topics": [TRAUER],
            "description": "+ Treffen per Video",
            "audience": "affected",
            "format": "online",
            "schedule_note": "nach Absprache",
            "languages": ["de"],
            "accepting_new_members": "yes",
            "status": "founding",
            "office_id": OFFICE
        }
    })
}

fn records_json() -> Value {
    json!({
        "format": "wegweiser-directory",
        "format_version": 1,
        "topics": [
            topic_json(SUCHT, "sucht", "Sucht", None),
            topic_json(ALKOHOL, "alkohol", "Alkohol", Some(SUCHT)),
            topic_json(TRAUER, "trauer", "Trauer", None)
        ],
        "offices": [office_json()],
        "groups": [full_group_json(), online_group_json()]
    })
}

fn records() -> Records {
    from_json(&records_json().to_string()).expect("fixture is valid")
}

/// The topics and the office, without groups: what a CSV import resolves against.
fn context() -> Records {
    Records {
        groups: vec![],
        ..records()
    }
}

fn ids() -> impl FnMut() -> Uuid {
    let mut n = 0x100;
    move || {
        n += 1;
        Uuid::from_u128(n)
    }
}

fn with_group(mut envelope: Value, index: usize, edit: impl FnOnce(&mut Value)) -> String {
    edit(&mut envelope["groups"][index]);
    envelope.to_string()
}

fn record_errors(input: &str) -> Vec<(String, usize, Option<String>, String)> {
    match from_json(input) {
        Err(ImportError::Records(errs) | ImportError::References(errs)) => errs
            .into_iter()
            .map(|e| (e.kind.label().to_owned(), e.index, e.field, e.message))
            .collect(),
        other => panic!("expected record errors, got {other:?}"),
    }
}

fn row_errors(result: Result<Vec<Group>, ImportError>) -> Vec<RowError> {
    match result {
        Err(ImportError::Rows(errs)) => errs,
        other => panic!("expected row errors, got {other:?}"),
    }
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_file_imports_and_round_trips() {
    let r = records();
    assert_eq!((r.topics.len(), r.offices.len(), r.groups.len()), (3, 1, 2));
    assert_eq!(r.groups[0].data.schedules.len(), 4);
    let text = to_json(&r);
    assert!(
        text.starts_with("{\n  \"format\": \"wegweiser-directory\",\n  \"format_version\": 1,"),
        "{text}"
    );
    assert_eq!(from_json(&text).unwrap(), r);
    // Records are exactly the domain serialisation.
    let back: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back["groups"][0], full_group_json());
    assert_eq!(back["offices"][0], office_json());
    // A byte order mark is fine.
    assert_eq!(from_json(&format!("\u{feff}{text}")).unwrap(), r);
}

#[test]
fn json_reports_every_broken_record_with_its_field() {
    let mut envelope = records_json();
    envelope["groups"][0]["data"]["colour"] = json!("blau");
    envelope["groups"][1]["data"]["contact"] = json!({"phone": "12345"});
    let errs = record_errors(&envelope.to_string());
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!(
        (errs[0].0.as_str(), errs[0].1, errs[0].2.as_deref()),
        ("Gruppe", 1, Some("data.colour"))
    );
    assert!(
        errs[0]
            .3
            .starts_with("ist kein bekanntes Feld (erlaubt: slug, name"),
        "{}",
        errs[0].3
    );
    assert_eq!(
        (errs[1].0.as_str(), errs[1].1, errs[1].2.as_deref()),
        ("Gruppe", 2, Some("data.contact.phone"))
    );
    assert!(
        errs[1].3.starts_with("ist keine gültige Telefonnummer"),
        "{}",
        errs[1].3
    );

    let err = from_json(&envelope.to_string()).unwrap_err();
    assert_eq!(
        err.messages()[1],
        "Gruppe 2, Feld data.contact.phone: ist keine gültige Telefonnummer (mit Vorwahl angeben, z. B. 0221 123456)"
    );
}

#[test]
fn json_reports_several_fields_of_one_record_and_other_kinds() {
    let mut envelope = records_json();
    let g = &mut envelope["groups"][0];
    g["data"]["location"]["address"]["postal_code"] = json!("123");
    g["data"]["schedules"][1]["opens_at"] = json!("25:00");
    g["data"]["languages"] = json!(["de", "xx"]);
    g["data"]["audience"] = json!("Relatives");
    g["data"].as_object_mut().unwrap().remove("status");
    g["version"] = json!(-1);
    envelope["topics"][2]["data"]["slug"] = json!("Trauer");
    envelope["offices"][0]["data"]["opening_hours"][0]["closes_at"] = json!("08:00");
    let errs = record_errors(&envelope.to_string());
    let got: Vec<_> = errs
        .iter()
        .map(|e| format!("{} {} {}", e.0, e.1, e.2.as_deref().unwrap_or("-")))
        .collect();
    assert_eq!(
        got,
        [
            "Thema 3 data.slug",
            "Kontaktstelle 1 data.opening_hours[0].closes_at",
            "Gruppe 1 version",
            "Gruppe 1 data.audience",
            "Gruppe 1 data.location.address.postal_code",
            "Gruppe 1 data.schedules[1].opens_at",
            "Gruppe 1 data.languages[1]",
            "Gruppe 1 data.status",
        ]
    );
    assert_eq!(errs[1].3, "Ende muss nach dem Beginn liegen");
    assert_eq!(
        errs[3].3,
        "ist kein gültiger Wert; gemeint ist wohl „relatives“"
    );
    assert_eq!(errs[7].3, "fehlt");
}

#[test]
fn json_rules_between_fields_are_named() {
    let input = with_group(records_json(), 0, |g| {
        g["data"]["format"] = json!("in_person");
        g["data"]["location"] = Value::Null;
        g["data"]["languages"] = json!(["de", "de"]);
    });
    let errs = record_errors(&input);
    let fields: Vec<_> = errs.iter().map(|e| e.2.as_deref().unwrap()).collect();
    assert_eq!(fields, ["data.languages", "data.location"], "{errs:?}");
    assert!(errs[1].3.starts_with("fehlt: Gruppen vor Ort"));

    let input = with_group(records_json(), 0, |g| {
        g["data"]["schedules"][3]["anchor"] = json!("2026-01-08");
    });
    let errs = record_errors(&input);
    assert_eq!(errs[0].2.as_deref(), Some("data.schedules[3]"));
    assert!(errs[0].3.contains("muss ein Mittwoch sein"), "{errs:?}");
}

#[test]
fn json_references_are_checked() {
    let mut envelope = records_json();
    envelope["groups"][0]["data"]["topics"] =
        json!([SUCHT, "00000000-0000-4000-8000-00000000000f"]);
    envelope["groups"][1]["data"]["office_id"] = json!("00000000-0000-4000-8000-0000000000bb");
    let errs = record_errors(&envelope.to_string());
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!((errs[0].1, errs[0].2.as_deref()), (1, Some("data.topics")));
    assert!(errs[0]
        .3
        .starts_with("„00000000-0000-4000-8000-00000000000f“ ist kein bekanntes Thema"));
    assert_eq!(
        (errs[1].1, errs[1].2.as_deref()),
        (2, Some("data.office_id"))
    );
    assert!(errs[1].3.contains("ist keine bekannte Kontaktstelle"));

    let mut envelope = records_json();
    envelope["groups"][1]["id"] = json!(GROUP_FULL);
    envelope["groups"][1]["data"]["slug"] = json!("angehoerige-sucht-altstadt");
    envelope["topics"][2]["data"]["slug"] = json!("sucht");
    let errs = record_errors(&envelope.to_string());
    let got: Vec<_> = errs
        .iter()
        .map(|e| format!("{} {} {}", e.0, e.1, e.2.as_deref().unwrap()))
        .collect();
    assert_eq!(
        got,
        ["Thema 3 data.slug", "Gruppe 2 id", "Gruppe 2 data.slug"]
    );
    assert_eq!(errs[0].3, "„sucht“ kommt doppelt vor (wie bei Thema 1)");

    let mut envelope = records_json();
    envelope["topics"][1]["data"]["parent"] = json!("00000000-0000-4000-8000-0000000000cc");
    let errs = record_errors(&envelope.to_string());
    assert_eq!(errs.len(), 1);
    assert_eq!((errs[0].1, errs[0].2.as_deref()), (2, Some("data.parent")));
}

#[test]
fn json_envelope_is_strict() {
    let mut v = records_json();
    v["format"] = json!("something-else");
    assert!(matches!(
        from_json(&v.to_string()),
        Err(ImportError::WrongFormat { .. })
    ));

    let mut v = records_json();
    v["format_version"] = json!(2);
    let err = from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Formatversion 2 wird nicht unterstützt (unterstützt: 1)"
    );

    let mut v = records_json();
    v["comment"] = json!("hi");
    v.as_object_mut().unwrap().remove("groups");
    let err = from_json(&v.to_string()).unwrap_err();
    assert_eq!(
        err.messages(),
        [
            "Unbekanntes Feld „comment“ auf oberster Ebene (erlaubt: format, format_version, topics, offices, groups)",
            "Feld „groups“ fehlt (eine Liste, gegebenenfalls leer: [])",
        ]
    );

    assert!(matches!(from_json("[]"), Err(ImportError::Envelope(_))));

    let err =
        from_json("{\n  \"format\": \"wegweiser-directory\",\n  \"topics\": [,]\n}").unwrap_err();
    match &err {
        ImportError::NotJson {
            line,
            column,
            message,
        } => {
            assert_eq!((*line, *column), (3, 14));
            assert!(!message.contains("at line"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(err
        .to_string()
        .starts_with("Die Datei ist kein gültiges JSON (Zeile 3, Spalte 14: "));
}

#[test]
fn oversized_input_is_rejected_before_parsing() {
    let big = " ".repeat(MAX_INPUT_BYTES + 1);
    let err = from_json(&big).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert_eq!(
        err.to_string(),
        "Die Datei ist zu groß (50.0 MB; höchstens 50.0 MB)"
    );
    let err = groups_from_csv(&big, &context(), now(), &mut ids()).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }));
}

#[test]
fn field_shapes_know_every_field_of_the_domain_types() {
    // Complete records must pass the diagnosis without a word; a field added
    // to a domain type shows up here until json_fields.rs knows it.
    let r = records();
    for g in &r.groups {
        let v = serde_json::to_value(g).unwrap();
        assert_eq!(
            json_fields::diagnose(&v, &json_fields::group()),
            vec![],
            "{v}"
        );
    }
    let v = serde_json::to_value(&r.offices[0]).unwrap();
    assert_eq!(json_fields::diagnose(&v, &json_fields::office()), vec![]);
    for t in &r.topics {
        let v = serde_json::to_value(t).unwrap();
        assert_eq!(json_fields::diagnose(&v, &json_fields::topic()), vec![]);
    }
    // Spot-check that the fixture is complete where it matters.
    let full = serde_json::to_value(&r.groups[0]).unwrap();
    assert_eq!(full["data"].as_object().unwrap().len(), 19);
}

// ---------------------------------------------------------------- CSV

const HEADER: &str =
    "name,topics,description,audience,format,languages,accepting_new_members,status,office";

#[test]
fn csv_round_trip_keeps_data_and_ids() {
    let r = records();
    let text = groups_to_csv(&r);
    assert!(
        text.starts_with("\u{feff}id;slug;name;alternate_names;topics;"),
        "{text}"
    );
    assert!(text.contains("\r\n"));
    // Cells a spreadsheet would run as formulas are quoted with an apostrophe.
    assert!(text.contains(";'+49 555 123456;"), "{text}");
    assert!(
        text.contains(";'@Angehörigentreff|Al-Anon Altstadt;"),
        "{text}"
    );
    assert!(text.contains(";'+ Treffen per Video;"), "{text}");
    assert!(text.contains(
        "weekly:tu:18:00-20:00 | monthly_nth:2:th:18:00-20:00 | monthly_last:fr:10:00-12:00 | every_n_weeks:2:we:2026-01-07:18:00-20:00"
    ));

    let back = groups_from_csv(&text, &context(), now(), &mut || {
        panic!("no new ids needed")
    })
    .unwrap();
    assert_eq!(back.len(), r.groups.len());
    for (a, b) in back.iter().zip(&r.groups) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.data, b.data);
        assert_eq!(
            (a.version, a.updated_at),
            (crate::domain::Version::FIRST, now())
        );
    }
    // And the same once more: the export is stable.
    let again = Records {
        groups: back,
        ..context()
    };
    assert_eq!(groups_to_csv(&again), text);
}

#[test]
fn csv_with_minimal_columns_imports_new_groups() {
    let text = format!(
        "{HEADER},schedules,street,postal_code,city,district\n\
         Trauercafé,trauer,Offenes Café für Trauernde,both,in_person,de,yes,active,kiss-mitte,weekly:mo:15:00-17:00,Lindenweg 4,12345,Musterstadt,Altstadt\n\
         Trauercafé,trauer,Zweites Café,Betroffene,online,de|en,yes,aktiv,KISS-MITTE,weekly:di:19:00-21:00,,,,\n"
    );
    let groups = row_ok(groups_from_csv(&text, &context(), now(), &mut ids()));
    assert_eq!(groups.len(), 2);
    let (a, b) = (&groups[0], &groups[1]);
    assert_eq!(a.id.0, Uuid::from_u128(0x101));
    assert_eq!(b.id.0, Uuid::from_u128(0x102));
    assert_eq!(a.data.slug.as_str(), "trauercafe");
    assert_eq!(b.data.slug.as_str(), "trauercafe-2");
    let place = a.data.location.as_ref().unwrap();
    assert_eq!(place.address.district.as_str(), "Altstadt");
    assert!(
        !place.publish_address,
        "addresses stay private unless told otherwise"
    );
    assert_eq!(b.data.audience, crate::domain::Audience::Affected);
    assert_eq!(b.data.status, crate::domain::Status::Active);
    assert_eq!(b.data.office_id, context().offices[0].id);
    assert_eq!(b.data.languages.len(), 2);
    assert_eq!(b.data.location, None);
}

fn row_ok(r: Result<Vec<Group>, ImportError>) -> Vec<Group> {
    r.unwrap_or_else(|e| panic!("{:#?}", e.messages()))
}

#[test]
fn semicolons_bom_and_spreadsheet_habits() {
    let text = "\u{feff}Name;Topics;Description;Audience;Format;Languages;Accepting New Members;Status;Office;Last-Verified;Postal Code;Street;City;District;Publish_Address;Schedules\r\n\
                \"Sucht; Angehörige\";sucht | alkohol;\"Mit \"\"Anführungszeichen\"\"\";relatives;hybrid;de;on_request;active;kiss-mitte;15.10.2026;1067;Am Markt 1;Dresden;Altstadt;ja;monthly_last:Fr:10:00-12:00\r\n\
                ;;;;;;;;;;;;;;;\r\n";
    let groups = row_ok(groups_from_csv(text, &context(), now(), &mut ids()));
    assert_eq!(groups.len(), 1, "the blank row is skipped");
    let d = &groups[0].data;
    assert_eq!(d.name.as_str(), "Sucht; Angehörige");
    assert_eq!(d.slug.as_str(), "sucht-angehoerige");
    assert_eq!(d.description.as_str(), "Mit \"Anführungszeichen\"");
    assert_eq!(d.topics.len(), 2);
    assert_eq!(format_date(d.last_verified.unwrap()), "2026-10-15");
    let loc = d.location.as_ref().unwrap();
    assert_eq!(loc.address.postal_code.as_str(), "01067");
    assert!(loc.publish_address);
    assert_eq!(
        format_schedules(&d.schedules),
        "monthly_last:fr:10:00-12:00"
    );
}

#[test]
fn broken_csv_reports_exactly_the_broken_rows() {
    let text = format!(
        "{HEADER},contact_phone,schedules,age_focus\n\
         Gruppe A,sucht,Gut,both,online,de,yes,active,kiss-mitte,,weekly:mo:18:00-20:00,\n\
         Gruppe B,sucht,Gut,both,online,de,yes,active,kiss-mitte,12345,weekly:mo:18:00-20:00,\n\
         Gruppe C,sucht,Gut,both,online,de,yes,active,kiss-mitte,,weekly:mo:18:00-20:00,\n\
         Gruppe D,sucht|gibtsnicht,Gut,alle,online,de,yes,active,kiss-mitte,,weekly:mo:18:00-20:00,\n\
         Gruppe E,sucht,,both,online,de,yes,active,kiss-mitte,,weekly:xx:18:00-20:00,40-20\n\
         Gruppe F,sucht,Gut,both,online,de,yes,active,kiss-mitte,,weekly:mo:18:00-20:00,18-35\n"
    );
    let errs = row_errors(groups_from_csv(&text, &context(), now(), &mut ids()));
    let got: Vec<_> = errs.iter().map(|e| (e.row, e.field.as_str())).collect();
    assert_eq!(
        got,
        [
            (3, "contact_phone"),
            (5, "topics"),
            (5, "audience"),
            (6, "description"),
            (6, "age_focus"),
            (6, "schedules"),
        ]
    );
    assert_eq!(
        errs[0].to_string(),
        "Zeile 3, Spalte contact_phone: ist keine gültige Telefonnummer (mit Vorwahl angeben, z. B. 0221 123456)"
    );
    assert_eq!(errs[1].message, "„gibtsnicht“ ist kein bekanntes Thema");
    assert_eq!(
        errs[2].message,
        "ist kein gültiger Wert; erlaubt: affected, relatives, both"
    );
    assert_eq!(errs[3].message, "darf nicht leer sein");
    assert!(
        errs[5]
            .message
            .starts_with("„weekly:xx:18:00-20:00“: Wochentag ist kein gültiger Wert"),
        "{}",
        errs[5].message
    );
    let err = groups_from_csv(&text, &context(), now(), &mut ids()).unwrap_err();
    assert_eq!(err.messages().len(), 6);
}

#[test]
fn rules_between_fields_are_reported_next_to_broken_cells() {
    let text = format!(
        "{HEADER},contact_email\n\
         Gruppe A,,Gut,both,in_person,de|de,yes,active,kiss-mitte,kaputt\n"
    );
    let errs = row_errors(groups_from_csv(&text, &context(), now(), &mut ids()));
    let got: Vec<_> = errs
        .iter()
        .map(|e| format!("{} {}: {}", e.row, e.field, e.message))
        .collect();
    assert_eq!(
        got,
        [
            "2 contact_email: ist keine gültige E-Mail-Adresse",
            "2 topics: braucht mindestens einen Eintrag",
            "2 languages: enthält einen Eintrag doppelt",
            "2 street: fehlt: Gruppen vor Ort oder hybrid brauchen einen Treffpunkt",
            "2 schedules: Rhythmus oder eine Notiz dazu angeben (z. B. „nach Absprache“)",
        ]
    );
}

#[test]
fn row_numbers_are_file_lines() {
    // A quoted cell over two lines: the next row starts on line 4.
    let text = format!(
        "{HEADER},details,schedule_note\n\
         Gruppe A,sucht,Gut,both,online,de,yes,active,kiss-mitte,\"erste Zeile\nzweite Zeile\",nach Absprache\n\
         Gruppe B,sucht,Gut,both,online,de,yes,active,nirgends,,nach Absprache\n"
    );
    let errs = row_errors(groups_from_csv(&text, &context(), now(), &mut ids()));
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].to_string(),
        "Zeile 4, Spalte office: „nirgends“ ist keine bekannte Kontaktstelle"
    );
}

#[test]
fn columns_unknown_missing_and_doubled() {
    let text =
        "name,topics,Farbe,description,description,audience,format,languages,status,office\nx\n";
    let err = groups_from_csv(text, &context(), now(), &mut ids()).unwrap_err();
    assert_eq!(
        err,
        ImportError::Columns {
            unknown: vec!["Farbe".into()],
            missing: vec!["accepting_new_members".into()],
            duplicate: vec!["description".into()],
        }
    );
    assert_eq!(
        err.messages(),
        [
            "Unbekannte Spalte „Farbe“",
            "Pflichtspalte „accepting_new_members“ fehlt",
            "Spalte „description“ kommt doppelt vor"
        ]
    );
    let err = groups_from_csv("\u{feff} \r\n", &context(), now(), &mut ids()).unwrap_err();
    assert!(matches!(err, ImportError::Csv(_)));
    // A header alone is an empty list.
    assert_eq!(
        row_ok(groups_from_csv(HEADER, &context(), now(), &mut ids())),
        vec![]
    );
}

#[test]
fn cells_without_a_column_must_stay_blank() {
    let text = format!("{HEADER},,schedule_note\nGruppe A,sucht,Gut,both,online,de,yes,active,kiss-mitte,,nach Absprache,\nGruppe B,sucht,Gut,both,online,de,yes,active,kiss-mitte,oops,nach Absprache,mehr\n");
    let errs = row_errors(groups_from_csv(&text, &context(), now(), &mut ids()));
    let got: Vec<_> = errs.iter().map(|e| (e.row, e.field.as_str())).collect();
    assert_eq!(got, [(3, "Spalte 10"), (3, "Spalte 12")]);
}

#[test]
fn duplicate_ids_and_slugs_in_the_file() {
    let text = format!(
        "id,slug,{HEADER},schedule_note\n\
         {GROUP_FULL},gruppe-a,Gruppe A,sucht,Gut,both,online,de,yes,active,kiss-mitte,nach Absprache\n\
         {GROUP_FULL},gruppe-a,Gruppe B,sucht,Gut,both,online,de,yes,active,kiss-mitte,nach Absprache\n\
         ,trauer-online,Gruppe C,sucht,Gut,both,online,de,yes,active,kiss-mitte,nach Absprache\n"
    );
    // The context holds the online group: its slug is taken by another id.
    let errs = row_errors(groups_from_csv(&text, &records(), now(), &mut ids()));
    let got: Vec<_> = errs
        .iter()
        .map(|e| format!("{} {}: {}", e.row, e.field, e.message))
        .collect();
    assert_eq!(
        got,
        [
            format!("3 id: „{GROUP_FULL}“ kommt doppelt vor (wie in Zeile 2)"),
            "3 slug: „gruppe-a“ kommt doppelt vor (wie in Zeile 2)".to_owned(),
            format!("4 slug: „trauer-online“ gehört schon der Gruppe {GROUP_ONLINE}"),
        ]
    );
}

#[test]
fn known_ids_keep_their_slug_and_new_slugs_avoid_existing_ones() {
    let text = format!(
        "id,{HEADER},schedule_note\n\
         {GROUP_ONLINE},Trauer im Netz,trauer,Gut,both,online,de,yes,active,kiss-mitte,nach Absprache\n\
         ,Angehörige von Suchtkranken,sucht,Gut,both,online,de,yes,active,kiss-mitte,nach Absprache\n"
    );
    let groups = row_ok(groups_from_csv(&text, &records(), now(), &mut ids()));
    assert_eq!(groups[0].data.slug.as_str(), "trauer-online");
    // The full group stays in the directory, so its slug is taken.
    assert_eq!(groups[1].data.slug.as_str(), "angehoerige-von-suchtkranken");
    let text = text.replace("Angehörige von Suchtkranken", "Angehörige Sucht Altstadt");
    let groups = row_ok(groups_from_csv(&text, &records(), now(), &mut ids()));
    assert_eq!(groups[1].data.slug.as_str(), "angehoerige-sucht-altstadt-2");
}

#[test]
fn flags_accept_common_spellings() {
    let text = format!(
        "{HEADER},schedule_note,step_free,hearing_loop,contact_publish,contact_email\n\
         Gruppe A,sucht,Gut,both,online,de,yes,active,kiss-mitte,nach Absprache,Ja,1,true,a@example.org\n\
         Gruppe B,sucht,Gut,both,online,de,yes,active,kiss-mitte,nach Absprache,vielleicht,0,nein,\n"
    );
    let errs = row_errors(groups_from_csv(&text, &context(), now(), &mut ids()));
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].to_string(), "Zeile 3, Spalte step_free: ist kein gültiger Wert; erlaubt: ja, nein (auch true/false, 1/0)");
    let text = text.replace("vielleicht", "");
    let groups = row_ok(groups_from_csv(&text, &context(), now(), &mut ids()));
    let a = &groups[0].data;
    assert!(a.accessibility.step_free && a.accessibility.hearing_loop && a.contact.publish);
    assert!(!a.accessibility.accessible_toilet);
}

#[test]
fn documented_examples_import() {
    // Copies of the examples in docs/import-format.md.
    let json = r#"{
  "format": "wegweiser-directory",
  "format_version": 1,
  "topics": [
    {"id": "00000000-0000-4000-8000-000000000003", "version": 1, "updated_at": "2026-11-01T10:00:00Z",
     "data": {"slug": "trauer", "name": "Trauer"}}
  ],
  "offices": [
    {"id": "00000000-0000-4000-8000-0000000000aa", "version": 1, "updated_at": "2026-11-01T10:00:00Z",
     "data": {"slug": "kiss-mitte", "name": "KISS Mitte",
              "address": {"street": "Marktplatz 1", "postal_code": "12345", "city": "Musterstadt", "district": "Mitte"},
              "phone": "0555 987654", "email": "kiss@example.org",
              "opening_hours": [{"weekday": "mo", "opens_at": "09:00", "closes_at": "12:00"}],
              "area_served": "Stadtbezirk Mitte"}}
  ],
  "groups": [
    {"id": "6f1c1f0e-4b7a-4c1e-9d2a-0a1b2c3d4e60", "version": 1, "updated_at": "2026-11-01T10:00:00Z",
     "data": {"slug": "trauer-online", "name": "Trauer online",
              "topics": ["00000000-0000-4000-8000-000000000003"],
              "description": "Treffen per Video", "audience": "affected", "format": "online",
              "schedules": [{"freq": "monthly_nth", "weekday": "tu", "nth": 2, "opens_at": "18:00", "closes_at": "20:00"}],
              "languages": ["de"], "accepting_new_members": "yes", "status": "active",
              "office_id": "00000000-0000-4000-8000-0000000000aa"}}
  ]
}
"#;
    let r = from_json(json).unwrap_or_else(|e| panic!("{:#?}", e.messages()));
    assert_eq!(r.groups.len(), 1);
    let csv = "name;topics;description;audience;format;languages;accepting_new_members;status;office;schedules;street;postal_code;city;district;publish_address;last_verified
Trauercafé;trauer;Offenes Café für Trauernde;both;vor Ort;de;yes;aktiv;kiss-mitte;weekly:mo:15:00-17:00;Lindenweg 4;12345;Musterstadt;Altstadt;nein;15.10.2026
Trauer online;trauer;Treffen per Video;Betroffene;online;de|en;on_request;active;kiss-mitte;monthly_nth:2:tu:18:00-20:00;;;;;;
";
    let groups = row_ok(groups_from_csv(csv, &r, now(), &mut ids()));
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[1].data.slug.as_str(), "trauer-online-2");
}
