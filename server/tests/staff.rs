//! Staff accounts, sessions, roles, CSRF, and pushing edits, against the
//! real router and a real SQLite file (docs/staff.md, docs/sync.md).

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::TestApp;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use server::staff::accounts::Password;
use tower::ServiceExt;
use wegweiser_core::domain::{Login, Name, Role};

const PASSWORD: &str = "ein langes Passwort";

/// A browser: the session cookie it was given and the CSRF token.
#[derive(Default, Clone)]
struct Browser {
    cookie: Option<String>,
    csrf: Option<String>,
}

struct Answer {
    status: StatusCode,
    location: String,
    set_cookie: Option<String>,
    json: Value,
}

async fn send(
    app: &TestApp,
    b: &Browser,
    method: Method,
    uri: &str,
    body: Option<(&str, String)>,
) -> Answer {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header("host", "localhost");
    if let Some(c) = &b.cookie {
        req = req.header("cookie", c);
    }
    if let Some(t) = &b.csrf {
        req = req.header("x-csrf-token", t);
    }
    let req = match body {
        Some((kind, body)) => req.header("content-type", kind).body(Body::from(body)),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let resp = app.router.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    let location = header("location").unwrap_or_default();
    let set_cookie = header("set-cookie");
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        location,
        set_cookie,
        json: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    }
}

async fn add(app: &TestApp, login: &str, role: Role) {
    app.state
        .accounts
        .add(
            &Login::parse(login).unwrap(),
            &Name::parse(&format!("{login} Muster")).unwrap(),
            role,
            &Password::parse(PASSWORD).unwrap(),
        )
        .await
        .unwrap();
}

async fn sign_in_as(app: &TestApp, login: &str, password: &str) -> (Answer, Browser) {
    let form = format!("login={login}&password={}", password.replace(' ', "+"));
    let a = send(
        app,
        &Browser::default(),
        Method::POST,
        "/mitarbeit/anmelden",
        Some(("application/x-www-form-urlencoded", form)),
    )
    .await;
    let cookie = a
        .set_cookie
        .as_ref()
        .map(|c| c.split(';').next().unwrap().to_owned());
    let mut browser = Browser { cookie, csrf: None };
    if browser.cookie.is_some() {
        let me = send(app, &browser, Method::GET, "/api/v1/staff/session", None).await;
        browser.csrf = me.json["csrf"].as_str().map(str::to_owned);
    }
    (a, browser)
}

async fn signed_in(app: &TestApp, login: &str, role: Role) -> Browser {
    add(app, login, role).await;
    let (a, b) = sign_in_as(app, login, PASSWORD).await;
    assert_eq!(a.location, "/mitarbeit");
    assert!(b.csrf.is_some());
    b
}

async fn push(app: &TestApp, b: &Browser, mutations: Value) -> Answer {
    send(
        app,
        b,
        Method::POST,
        "/api/v1/staff/push",
        Some((
            "application/json",
            json!({"mutations": mutations}).to_string(),
        )),
    )
    .await
}

/// A group as staff see it: id, version, data.
async fn a_group(app: &TestApp, b: &Browser) -> (String, u64, Value) {
    let page = send(
        app,
        b,
        Method::GET,
        "/api/v1/staff/changes?limit=5000",
        None,
    )
    .await;
    let g = page.json["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["kind"] == "group"
                && r["data"]["contact"]["phone"].is_string()
                && r["data"]["status"] == "active"
        })
        .expect("a group with a phone number")
        .clone();
    (
        g["id"].as_str().unwrap().to_owned(),
        g["version"].as_u64().unwrap(),
        g["data"].clone(),
    )
}

fn update(record: &str, base: u64, changes: Value) -> Value {
    json!({"id": uuid::Uuid::new_v4(), "kind": "group", "record": record,
        "op": {"type": "update", "base": base, "changes": changes}})
}

#[tokio::test]
async fn the_public_gets_no_cookie_and_staff_sign_in_with_a_strict_http_only_cookie() {
    let app = TestApp::start().await;
    for uri in ["/", "/suche?q=trauer", "/api/v1/groups"] {
        let a = send(&app, &Browser::default(), Method::GET, uri, None).await;
        assert_eq!(a.set_cookie, None, "{uri}");
    }
    add(&app, "anna", Role::Editor).await;
    let (a, b) = sign_in_as(&app, "Anna", PASSWORD).await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let cookie = a.set_cookie.unwrap();
    assert!(cookie.starts_with("wegweiser_sitzung="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let me = send(&app, &b, Method::GET, "/api/v1/staff/session", None).await;
    assert_eq!(me.json["staff"]["login"], "anna");
    assert_eq!(me.json["staff"]["role"], "editor");

    // Signing out ends the session in the store, not only in the browser.
    let form = format!("csrf={}", b.csrf.clone().unwrap());
    let out = send(
        &app,
        &b,
        Method::POST,
        "/mitarbeit/abmelden",
        Some(("application/x-www-form-urlencoded", form)),
    )
    .await;
    assert_eq!(out.location, "/");
    let after = send(&app, &b, Method::GET, "/api/v1/staff/session", None).await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
    assert_eq!(after.json["error"]["code"], "signed_out");
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_after_five_even_the_right_one_waits() {
    let app = TestApp::start().await;
    add(&app, "anna", Role::Editor).await;
    let (a, b) = sign_in_as(&app, "nobody", PASSWORD).await;
    assert_eq!(
        (a.location.as_str(), b.cookie),
        ("/mitarbeit/anmelden?fehler=falsch", None)
    );
    for _ in 0..5 {
        let (a, _) = sign_in_as(&app, "anna", "falsches Passwort!").await;
        assert_eq!(a.location, "/mitarbeit/anmelden?fehler=falsch");
    }
    let (a, b) = sign_in_as(&app, "anna", PASSWORD).await;
    assert_eq!(a.location, "/mitarbeit/anmelden?fehler=gesperrt");
    assert!(b.cookie.is_none());
}

#[tokio::test]
async fn every_write_checks_the_session_the_role_and_the_csrf_token() {
    let app = TestApp::start().await;
    let editor = signed_in(&app, "erika", Role::Editor).await;
    let admin = signed_in(&app, "adam", Role::Admin).await;
    let (group, version, data) = a_group(&app, &admin).await;
    let phone = data["contact"]["phone"].clone();
    let anonymous = Browser::default();
    let no_token = Browser {
        csrf: None,
        ..editor.clone()
    };
    let staff_id = send(&app, &admin, Method::GET, "/api/v1/staff/session", None)
        .await
        .json["staff"]["id"]
        .clone();

    // (method, uri, body, role needed)
    let account = format!("/api/v1/staff/accounts/{}", staff_id.as_str().unwrap());
    let writes: Vec<(Method, &str, Value, Role)> = vec![
        (
            Method::POST,
            "/api/v1/staff/push",
            json!({"mutations": []}),
            Role::Editor,
        ),
        (
            Method::POST,
            "/api/v1/staff/accounts",
            json!({"login": "neu", "name": "Neu Muster", "role": "editor", "password": PASSWORD}),
            Role::Admin,
        ),
        (
            Method::PATCH,
            &account,
            json!({"role": "admin"}),
            Role::Admin,
        ),
    ];
    for (method, uri, body, needed) in &writes {
        let call = async |b: &Browser| {
            send(
                &app,
                b,
                method.clone(),
                uri,
                Some(("application/json", body.to_string())),
            )
            .await
        };
        assert_eq!(
            call(&anonymous).await.status,
            StatusCode::UNAUTHORIZED,
            "anonymous {uri}"
        );
        assert_eq!(
            call(&no_token).await.status,
            StatusCode::FORBIDDEN,
            "no CSRF token {uri}"
        );
        let as_editor = call(&editor).await.status;
        if *needed == Role::Admin {
            assert_eq!(as_editor, StatusCode::FORBIDDEN, "editor {uri}");
        } else {
            assert!(as_editor.is_success(), "editor {uri}: {as_editor}");
        }
        assert!(call(&admin).await.status.is_success(), "admin {uri}");
    }
    // Reads for staff only, too.
    for uri in [
        "/api/v1/staff/changes",
        "/api/v1/staff/conflicts",
        "/api/v1/staff/accounts",
        "/api/v1/staff/session",
    ] {
        assert_eq!(
            send(&app, &anonymous, Method::GET, uri, None).await.status,
            StatusCode::UNAUTHORIZED,
            "{uri}"
        );
    }
    assert_eq!(
        send(&app, &editor, Method::GET, "/api/v1/staff/accounts", None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // A form posted from another site is refused before anything else.
    let mut req = Request::post("/api/v1/staff/push")
        .header("host", "localhost")
        .header("origin", "https://elsewhere.example")
        .header("content-type", "application/json");
    req = req
        .header("cookie", admin.cookie.clone().unwrap())
        .header("x-csrf-token", admin.csrf.clone().unwrap());
    let m = update(
        &group,
        version,
        json!([{"path": "contact.phone", "from": phone, "to": "0221 999999"}]),
    );
    let resp = app
        .router
        .clone()
        .oneshot(
            req.body(Body::from(json!({"mutations": [m]}).to_string()))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let now = send(
        &app,
        &admin,
        Method::GET,
        &format!("/api/v1/staff/records/group/{group}"),
        None,
    )
    .await;
    assert_eq!(now.json["record"]["version"], version, "nothing changed");
}

#[tokio::test]
async fn edits_of_different_fields_merge_the_same_field_is_a_conflict_and_a_retry_changes_nothing()
{
    let app = TestApp::start().await;
    let anna = signed_in(&app, "anna", Role::Editor).await;
    let ben = signed_in(&app, "ben", Role::Editor).await;
    let (group, base, data) = a_group(&app, &anna).await;
    let phone = data["contact"]["phone"].clone();
    let schedules = data["schedules"].clone();
    let name = data["name"].clone();

    // Both worked offline from version `base`.
    let anna_phone = update(
        &group,
        base,
        json!([{"path": "contact.phone", "from": phone, "to": "0221 111111"}]),
    );
    let new_schedules =
        json!([{"freq": "weekly", "weekday": "th", "opens_at": "18:00", "closes_at": "19:30"}]);
    let ben_time = update(
        &group,
        base,
        json!([{"path": "schedules", "from": schedules, "to": new_schedules}]),
    );
    let a = push(&app, &anna, json!([anna_phone])).await;
    assert_eq!(a.json["results"][0]["status"], "applied", "{}", a.json);
    let b = push(&app, &ben, json!([ben_time])).await;
    assert_eq!(b.json["results"][0]["status"], "applied", "{}", b.json);
    assert_eq!(b.json["results"][0]["version"], base + 2);
    let now = send(
        &app,
        &anna,
        Method::GET,
        &format!("/api/v1/staff/records/group/{group}"),
        None,
    )
    .await;
    assert_eq!(
        now.json["record"]["data"]["contact"]["phone"],
        "0221 111111"
    );
    assert_eq!(now.json["record"]["data"]["schedules"], new_schedules);
    // The public page shows both.
    let public = app.get_json(&format!("/api/v1/groups/{group}")).await.1;
    assert_eq!(public["schedules"], new_schedules);

    // Both rename the group from the same start: the second is a conflict.
    let anna_name = update(
        &group,
        base,
        json!([{"path": "name", "from": name, "to": "Gesprächskreis Anna"}]),
    );
    let ben_name = update(
        &group,
        base,
        json!([{"path": "name", "from": name, "to": "Gesprächskreis Ben"}]),
    );
    assert_eq!(
        push(&app, &anna, json!([anna_name])).await.json["results"][0]["status"],
        "applied"
    );
    let clash = push(&app, &ben, json!([ben_name.clone()])).await;
    let result = &clash.json["results"][0];
    assert_eq!(result["status"], "conflict", "{}", clash.json);
    let conflict = &result["conflicts"][0];
    assert_eq!(conflict["path"], "name");
    assert_eq!(conflict["mine"], "Gesprächskreis Ben");
    assert_eq!(conflict["theirs"], "Gesprächskreis Anna");
    assert_eq!(conflict["theirs_by"], "anna Muster");
    let open = send(&app, &anna, Method::GET, "/api/v1/staff/conflicts", None).await;
    assert_eq!(open.json.as_array().unwrap().len(), 1);

    // Ben's answer was lost: the same push again gets the same answer and
    // changes nothing.
    let history_before = now_history(&app, &anna, &group).await;
    let again = push(&app, &ben, json!([ben_name])).await;
    assert_eq!(again.json["results"][0], *result);
    assert_eq!(now_history(&app, &anna, &group).await, history_before);
    assert_eq!(
        send(&app, &anna, Method::GET, "/api/v1/staff/conflicts", None)
            .await
            .json
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // A person decides: Ben's name after all; the decision is one more edit.
    let conflict_id = conflict["id"].clone();
    let current = send(
        &app,
        &anna,
        Method::GET,
        &format!("/api/v1/staff/records/group/{group}"),
        None,
    )
    .await;
    let version = current.json["record"]["version"].as_u64().unwrap();
    let mut decide = update(
        &group,
        version,
        json!([{"path": "name", "from": "Gesprächskreis Anna", "to": "Gesprächskreis Ben"}]),
    );
    decide["resolves"] = json!([conflict_id]);
    assert_eq!(
        push(&app, &anna, json!([decide])).await.json["results"][0]["status"],
        "applied"
    );
    assert!(
        send(&app, &anna, Method::GET, "/api/v1/staff/conflicts", None)
            .await
            .json
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        app.get_json(&format!("/api/v1/groups/{group}")).await.1["name"],
        "Gesprächskreis Ben"
    );
}

async fn now_history(app: &TestApp, b: &Browser, group: &str) -> Value {
    send(
        app,
        b,
        Method::GET,
        &format!("/api/v1/staff/records/group/{group}"),
        None,
    )
    .await
    .json["history"]
        .clone()
}

#[tokio::test]
async fn an_invalid_edit_is_rejected_with_its_field_and_changes_nothing() {
    let app = TestApp::start().await;
    let anna = signed_in(&app, "anna", Role::Editor).await;
    let (group, base, data) = a_group(&app, &anna).await;
    let bad = update(
        &group,
        base,
        json!([{"path": "contact.phone", "from": data["contact"]["phone"], "to": "keine Nummer"}]),
    );
    let a = push(&app, &anna, json!([bad])).await;
    let r = &a.json["results"][0];
    assert_eq!(r["status"], "rejected", "{}", a.json);
    assert_eq!(r["fields"][0]["field"], "contact.phone");
    let now = send(
        &app,
        &anna,
        Method::GET,
        &format!("/api/v1/staff/records/group/{group}"),
        None,
    )
    .await;
    assert_eq!(
        (&now.json["record"]["version"], &now.json["record"]["data"]),
        (&json!(base), &data)
    );

    // Malformed pushes: 400, nothing applied.
    let malformed = send(
        &app,
        &anna,
        Method::POST,
        "/api/v1/staff/push",
        Some(("application/json", r#"{"mutations": [{"id": 1}]}"#.into())),
    )
    .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    let unknown = send(
        &app,
        &anna,
        Method::POST,
        "/api/v1/staff/push",
        Some((
            "application/json",
            r#"{"mutations": [], "extra": 1}"#.into(),
        )),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn history_shows_who_changed_which_field_and_an_old_version_can_be_restored() {
    let app = TestApp::start().await;
    let anna = signed_in(&app, "anna", Role::Editor).await;
    let (group, base, data) = a_group(&app, &anna).await;
    let old_phone = data["contact"]["phone"].clone();
    let m = update(
        &group,
        base,
        json!([{"path": "contact.phone", "from": old_phone, "to": "0221 222222"}]),
    );
    push(&app, &anna, json!([m])).await;
    let history = now_history(&app, &anna, &group).await;
    let newest = &history[0];
    assert_eq!(newest["version"], base + 1);
    assert_eq!(newest["by"], "anna Muster");
    assert_eq!(
        newest["changes"],
        json!([{"path": "contact.phone", "from": old_phone, "to": "0221 222222"}])
    );
    assert_eq!(history[1]["source"], "import");

    // Restore version `base`: the difference back to it, as one edit.
    let old = history
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["version"] == base)
        .unwrap()["data"]
        .clone();
    let current = newest["data"].clone();
    let back = wegweiser_core::edit::diff(&current, &old);
    let restore = update(&group, base + 1, serde_json::to_value(back).unwrap());
    assert_eq!(
        push(&app, &anna, json!([restore])).await.json["results"][0]["status"],
        "applied"
    );
    let now = send(
        &app,
        &anna,
        Method::GET,
        &format!("/api/v1/staff/records/group/{group}"),
        None,
    )
    .await;
    assert_eq!(now.json["record"]["version"], base + 2);
    assert_eq!(now.json["record"]["data"], old);
}

#[tokio::test]
async fn archiving_takes_a_group_off_the_public_directory_and_restoring_brings_it_back() {
    let app = TestApp::start().await;
    let anna = signed_in(&app, "anna", Role::Editor).await;
    let (group, base, _) = a_group(&app, &anna).await;
    let op = |t: &str, base: u64| json!({"id": uuid::Uuid::new_v4(), "kind": "group", "record": group, "op": {"type": t, "base": base}});
    assert_eq!(
        push(&app, &anna, json!([op("archive", base)])).await.json["results"][0]["status"],
        "applied"
    );
    assert_eq!(
        app.get_json(&format!("/api/v1/groups/{group}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        push(&app, &anna, json!([op("restore", base + 1)]))
            .await
            .json["results"][0]["version"],
        base + 2
    );
    assert_eq!(
        app.get_json(&format!("/api/v1/groups/{group}")).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_disabled_account_loses_its_session_and_the_last_admin_stays() {
    let app = TestApp::start().await;
    let admin = signed_in(&app, "adam", Role::Admin).await;
    let editor = signed_in(&app, "erika", Role::Editor).await;
    let erika = send(&app, &editor, Method::GET, "/api/v1/staff/session", None)
        .await
        .json["staff"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let adam = send(&app, &admin, Method::GET, "/api/v1/staff/session", None)
        .await
        .json["staff"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let patch = async |id: &str, body: Value| {
        send(
            &app,
            &admin,
            Method::PATCH,
            &format!("/api/v1/staff/accounts/{id}"),
            Some(("application/json", body.to_string())),
        )
        .await
    };
    assert_eq!(
        patch(&erika, json!({"disabled": true})).await.status,
        StatusCode::OK
    );
    assert_eq!(
        send(&app, &editor, Method::GET, "/api/v1/staff/session", None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        patch(&adam, json!({"role": "editor"})).await.status,
        StatusCode::CONFLICT
    );
    let bad = send(
        &app,
        &admin,
        Method::POST,
        "/api/v1/staff/accounts",
        Some((
            "application/json",
            json!({"login": "x", "name": "N", "role": "chef", "password": "kurz"}).to_string(),
        )),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = bad.json["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["login", "name", "role", "password"]);
}

#[tokio::test]
async fn the_staff_page_shows_who_is_signed_in_and_nothing_to_the_public() {
    let app = TestApp::start().await;
    let anonymous = send(&app, &Browser::default(), Method::GET, "/mitarbeit", None).await;
    assert_eq!(anonymous.status, StatusCode::OK);
    let (_, html) = app.get("/mitarbeit").await;
    assert!(html.contains("Sie sind nicht angemeldet"), "{html}");
    assert!(!html.contains("Abmelden"));
    let (_, form) = app.get("/mitarbeit/anmelden").await;
    assert!(
        form.contains(r#"action="/mitarbeit/anmelden""#)
            && form.contains(r#"autocomplete="current-password""#)
    );

    let anna = signed_in(&app, "anna", Role::Admin).await;
    let html = page_html(&app, &anna, "/mitarbeit").await;
    assert!(
        html.contains("anna Muster") && html.contains("Verwaltung"),
        "{html}"
    );
    assert!(html.contains(&format!(r#"value="{}""#, anna.csrf.unwrap())));
}

#[tokio::test]
async fn a_push_of_one_edit_costs_under_2_kb_on_the_wire() {
    let app = TestApp::start().await;
    let anna = signed_in(&app, "anna", Role::Editor).await;
    let (group, base, data) = a_group(&app, &anna).await;
    let m = update(
        &group,
        base,
        json!([{"path": "contact.phone", "from": data["contact"]["phone"], "to": "0221 444444"}]),
    );
    let body = json!({ "mutations": [m] }).to_string();
    let req = Request::post("/api/v1/staff/push")
        .header("host", "wegweiser.example.org")
        .header("origin", "https://wegweiser.example.org")
        .header("content-type", "application/json")
        .header("cookie", anna.cookie.clone().unwrap())
        .header("x-csrf-token", anna.csrf.clone().unwrap())
        .header("content-length", body.len())
        .body(Body::from(body.clone()))
        .unwrap();
    // What goes up: the request line, the headers a browser sends with
    // it (those above, and typical ones), the body.
    let typical = "accept: */*\r\naccept-encoding: gzip, deflate, br\r\naccept-language: de-DE,de;q=0.9\r\nuser-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36\r\nsec-fetch-site: same-origin\r\nsec-fetch-mode: cors\r\nsec-fetch-dest: empty\r\nreferer: https://wegweiser.example.org/mitarbeit\r\n";
    let up = "POST /api/v1/staff/push HTTP/1.1\r\n".len()
        + req
            .headers()
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len() + 4)
            .sum::<usize>()
        + typical.len()
        + 2
        + body.len();
    let resp = app.router.clone().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let down_headers = "HTTP/1.1 200 OK\r\n".len()
        + resp
            .headers()
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len() + 4)
            .sum::<usize>()
        + 2;
    let answer = resp.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        serde_json::from_slice::<Value>(&answer).unwrap()["results"][0]["status"],
        "applied"
    );
    let total = up + down_headers + answer.len();
    println!(
        "one edit: {up} B up ({} B body), {} B down ({} B body), {total} B in all",
        body.len(),
        down_headers + answer.len(),
        answer.len()
    );
    assert!(total < 2048, "{total} B");
}

/// A page as `b`'s browser gets it: its HTML.
async fn page_html(app: &TestApp, b: &Browser, uri: &str) -> String {
    let req = Request::get(uri)
        .header("cookie", b.cookie.clone().unwrap())
        .body(Body::empty())
        .unwrap();
    let resp = app.router.clone().oneshot(req).await.unwrap();
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The edit form's hidden fields and values, as the page renders them.
async fn edit_form(app: &TestApp, b: &Browser, group: &str) -> Vec<(String, String)> {
    let html = page_html(app, b, &format!("/mitarbeit/gruppe/{group}")).await;
    let form = &html[html.find(r#"class="staff-edit""#).expect("the edit form")..];
    let form = &form[..form.find("</form>").unwrap()];
    let attr = |tag: &str, name: &str| -> Option<String> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(
            html_escape::decode_html_entities(&tag[start..start + tag[start..].find('"')?])
                .into_owned(),
        )
    };
    // What a browser sends: inputs, the selected option of each select,
    // textareas.
    let mut pairs = Vec::new();
    let mut select: Option<String> = None;
    for tag in form.split('<') {
        if tag.starts_with("input") {
            let head = tag.split_once('>').map_or(tag, |(h, _)| h);
            if head.contains(r#"type="checkbox""#) && !head.contains(" checked") {
                continue;
            }
            if let (Some(n), v) = (attr(tag, "name"), attr(tag, "value")) {
                pairs.push((n, v.unwrap_or_default()));
            }
        } else if tag.starts_with("select") {
            select = attr(tag, "name");
        } else if tag.starts_with("option") && tag.contains(" selected") {
            if let (Some(n), Some(v)) = (select.clone(), attr(tag, "value")) {
                pairs.push((n, v));
            }
        } else if tag.starts_with("textarea") {
            let text = tag.split_once('>').map(|(_, t)| t).unwrap_or_default();
            pairs.push((
                attr(tag, "name").unwrap(),
                html_escape::decode_html_entities(text).into_owned(),
            ));
        }
    }
    pairs
}

fn with(mut pairs: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    pairs.retain(|(k, _)| k != name);
    pairs.push((name.to_owned(), value.to_owned()));
    pairs
}

async fn post_form(app: &TestApp, b: &Browser, uri: &str, pairs: &[(String, String)]) -> Answer {
    let body = serde_urlencoded::to_string(pairs).unwrap();
    send(
        app,
        b,
        Method::POST,
        uri,
        Some(("application/x-www-form-urlencoded", body)),
    )
    .await
}

#[tokio::test]
async fn the_edit_form_saves_merges_shows_conflicts_to_decide_and_restores() {
    let app = TestApp::start().await;
    let anna = signed_in(&app, "anna", Role::Editor).await;
    let ben = signed_in(&app, "ben", Role::Editor).await;
    let (group, base, _) = a_group(&app, &anna).await;
    let uri = format!("/mitarbeit/gruppe/{group}");
    // Both open the form at the same version.
    let anna_form = edit_form(&app, &anna, &group).await;
    let ben_form = edit_form(&app, &ben, &group).await;
    assert!(anna_form
        .iter()
        .any(|(k, v)| k == "base" && *v == base.to_string()));

    let a = post_form(
        &app,
        &anna,
        &uri,
        &with(anna_form.clone(), "contact.phone", "0221 555555"),
    )
    .await;
    assert_eq!(a.location, format!("{uri}?ergebnis=gespeichert"));
    let b = post_form(
        &app,
        &ben,
        &uri,
        &with(ben_form.clone(), "location.room_note", "Raum 7"),
    )
    .await;
    assert_eq!(b.location, format!("{uri}?ergebnis=gespeichert"));
    let now = send(
        &app,
        &anna,
        Method::GET,
        &format!("/api/v1/staff/records/group/{group}"),
        None,
    )
    .await
    .json;
    assert_eq!(now["record"]["data"]["contact"]["phone"], "0221 555555");
    // The same form sent again (a double click, a lost answer): one edit.
    let again = post_form(
        &app,
        &anna,
        &uri,
        &with(anna_form.clone(), "contact.phone", "0221 555555"),
    )
    .await;
    assert_eq!(again.location, format!("{uri}?ergebnis=gespeichert"));
    assert_eq!(
        now_history(&app, &anna, &group)
            .await
            .as_array()
            .unwrap()
            .len(),
        now["history"].as_array().unwrap().len()
    );

    // A mistake is named, nothing saved.
    let bad = post_form(
        &app,
        &anna,
        &uri,
        &with(anna_form.clone(), "contact.email", "keine-adresse"),
    )
    .await;
    let query = bad.location.strip_prefix(&format!("{uri}?")).unwrap();
    let fehler: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap();
    let named: Vec<(String, String)> = serde_json::from_str(&fehler[0].1).unwrap();
    assert_eq!(
        named,
        [(
            "contact.email".to_owned(),
            "ist keine gültige E-Mail-Adresse".to_owned()
        )]
    );
    // The page shows the message next to the field.
    let html = page_html(&app, &anna, &bad.location).await;
    // (Release builds put hydration markers between the tags.)
    assert!(
        html.contains(r#"aria-invalid="true" aria-describedby="feld-contact-email-fehler">"#),
        "{html}"
    );
    assert!(html.contains(r#"<span id="feld-contact-email-fehler" class="field-error">ist keine gültige E-Mail-Adresse"#), "{html}");

    // Both rename from the same form: the second is a conflict to decide.
    let a = post_form(&app, &anna, &uri, &with(anna_form, "name", "Gruppe Anna")).await;
    assert_eq!(a.location, format!("{uri}?ergebnis=gespeichert"));
    let b = post_form(&app, &ben, &uri, &with(ben_form, "name", "Gruppe Ben")).await;
    assert_eq!(b.location, format!("{uri}?ergebnis=konflikt"));
    let page = page_html(&app, &ben, &uri).await;
    assert!(
        page.contains("Zu entscheiden") && page.contains("„Gruppe Ben“ übernehmen"),
        "{page}"
    );
    let conflict = send(&app, &ben, Method::GET, "/api/v1/staff/conflicts", None)
        .await
        .json[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let decide = vec![
        ("csrf".to_owned(), ben.csrf.clone().unwrap()),
        ("wahl".to_owned(), "meine".to_owned()),
    ];
    let d = post_form(
        &app,
        &ben,
        &format!("/mitarbeit/konflikt/{conflict}"),
        &decide,
    )
    .await;
    assert_eq!(d.location, format!("{uri}?ergebnis=gespeichert"));
    assert!(
        send(&app, &ben, Method::GET, "/api/v1/staff/conflicts", None)
            .await
            .json
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        app.get_json(&format!("/api/v1/groups/{group}")).await.1["name"],
        "Gruppe Ben"
    );

    // Back to the version before all this.
    let restore = vec![
        ("csrf".to_owned(), anna.csrf.clone().unwrap()),
        ("version".to_owned(), base.to_string()),
    ];
    let r = post_form(&app, &anna, &format!("{uri}/wiederherstellen"), &restore).await;
    assert_eq!(r.location, format!("{uri}?ergebnis=gespeichert"));
    let history = now_history(&app, &anna, &group).await;
    let old = history
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["version"] == base)
        .unwrap()["data"]
        .clone();
    assert_eq!(history[0]["data"], old);

    // Archived from the page: gone from the public directory, and back.
    let form = |aktion: &str| {
        vec![
            ("csrf".to_owned(), anna.csrf.clone().unwrap()),
            ("aktion".to_owned(), aktion.to_owned()),
        ]
    };
    let out = post_form(&app, &anna, &format!("{uri}/archiv"), &form("archivieren")).await;
    assert_eq!(out.location, format!("{uri}?ergebnis=gespeichert"));
    assert_eq!(
        app.get_json(&format!("/api/v1/groups/{group}")).await.0,
        StatusCode::NOT_FOUND
    );
    post_form(&app, &anna, &format!("{uri}/archiv"), &form("aufnehmen")).await;
    assert_eq!(
        app.get_json(&format!("/api/v1/groups/{group}")).await.0,
        StatusCode::OK
    );

    // Broken forms: a clear error, nothing changed.
    let versions = now_history(&app, &anna, &group)
        .await
        .as_array()
        .unwrap()
        .len();
    let csrf = ("csrf".to_owned(), anna.csrf.clone().unwrap());
    let no_base = post_form(
        &app,
        &anna,
        &uri,
        &[csrf.clone(), ("name".to_owned(), "X Y".to_owned())],
    )
    .await;
    assert_eq!(no_base.status, StatusCode::BAD_REQUEST);
    assert!(no_base.json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("base"));
    let no_choice = post_form(
        &app,
        &anna,
        &format!("/mitarbeit/konflikt/{conflict}"),
        std::slice::from_ref(&csrf),
    )
    .await;
    assert_eq!(
        no_choice.status,
        StatusCode::NOT_FOUND,
        "the conflict is decided already"
    );
    let no_version = post_form(
        &app,
        &anna,
        &format!("{uri}/wiederherstellen"),
        &[csrf.clone(), ("version".to_owned(), "999".to_owned())],
    )
    .await;
    assert_eq!(no_version.status, StatusCode::NOT_FOUND);
    let no_token = post_form(
        &app,
        &anna,
        &format!("{uri}/wiederherstellen"),
        &[("version".to_owned(), base.to_string())],
    )
    .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    assert_eq!(
        now_history(&app, &anna, &group)
            .await
            .as_array()
            .unwrap()
            .len(),
        versions
    );

    // Without a session the form leads to the sign-in, nothing saved.
    let stale = post_form(
        &app,
        &Browser::default(),
        &uri,
        &[("name".to_owned(), "X".to_owned())],
    )
    .await;
    assert_eq!(stale.location, "/mitarbeit/anmelden?fehler=abgelaufen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushes_at_the_same_moment_wait_for_each_other_and_all_apply() {
    let app = TestApp::start().await;
    add(&app, "anna", Role::Editor).await;
    let staff = app.state.accounts.list().await.unwrap()[0].id;
    let page = app
        .state
        .store
        .staff_changes(wegweiser_core::sync::Cursor(0), 5000)
        .await
        .unwrap();
    let groups: Vec<_> = page
        .records
        .into_iter()
        .filter(|r| r.kind == wegweiser_core::sync::RecordKind::Group)
        .take(40)
        .collect();
    let mut tasks = Vec::new();
    for g in groups {
        let store = app.state.store.clone();
        tasks.push(tokio::spawn(async move {
            let m: wegweiser_core::edit::Mutation = serde_json::from_value(update(
                &g.id.to_string(),
                g.version.0,
                json!([{"path": "description", "from": g.data["description"], "to": "Gleichzeitig geändert."}]),
            ))
            .unwrap();
            store.push(staff, &[m], time::OffsetDateTime::now_utc()).await
        }));
    }
    for t in tasks {
        let results = t
            .await
            .unwrap()
            .expect("no push fails because another one runs");
        assert!(matches!(
            results[0].outcome,
            wegweiser_core::edit::Outcome::Applied { .. }
        ));
    }
}

#[tokio::test]
async fn a_synonym_added_to_a_topic_is_found_by_the_public_search() {
    let app = TestApp::start().await;
    let anna = signed_in(&app, "anna", Role::Editor).await;
    let topics = app.get_json("/api/v1/topics").await.1;
    let sucht = topics
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["data"]["slug"] == "sucht")
        .unwrap()
        .clone();
    let id = sucht["id"].as_str().unwrap();
    assert_eq!(
        app.get_json("/api/v1/groups?q=zitronenfalterweh").await.1["total"],
        0
    );

    let html = page_html(&app, &anna, &format!("/mitarbeit/thema/{id}")).await;
    assert!(html.contains(r#"name="synonyms""#), "{html}");
    let synonyms = sucht["data"]["synonyms"]
        .as_array()
        .map(|s| {
            s.iter()
                .map(|x| x.as_str().unwrap())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let form = vec![
        ("csrf".to_owned(), anna.csrf.clone().unwrap()),
        ("base".to_owned(), sucht["version"].to_string()),
        ("original".to_owned(), sucht["data"].to_string()),
        (
            "name".to_owned(),
            sucht["data"]["name"].as_str().unwrap().to_owned(),
        ),
        (
            "synonyms".to_owned(),
            format!("{synonyms}\nZitronenfalterweh"),
        ),
    ];
    let saved = post_form(&app, &anna, &format!("/mitarbeit/thema/{id}"), &form).await;
    assert_eq!(
        saved.location,
        format!("/mitarbeit/thema/{id}?ergebnis=gespeichert")
    );
    let found = app.get_json("/api/v1/groups?q=zitronenfalterweh").await.1;
    assert!(found["total"].as_u64().unwrap() > 0, "{found}");
    let history = send(
        &app,
        &anna,
        Method::GET,
        &format!("/api/v1/staff/records/topic/{id}"),
        None,
    )
    .await
    .json["history"]
        .clone();
    assert_eq!(history[0]["changes"][0]["path"], "synonyms");
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn new_topics_offices_and_groups_are_made_from_their_forms_once_and_can_be_archived() {
    let app = TestApp::start().await;
    let anna = signed_in(&app, "anna", Role::Editor).await;
    let csrf = anna.csrf.clone().unwrap();
    let count = |v: &Value| v.as_array().unwrap().len();
    let topics_before = count(&app.get_json("/api/v1/topics").await.1);

    // A topic: saved, and the same form again is the same topic.
    let form_id = uuid::Uuid::new_v4().to_string();
    let topic = pairs(&[
        ("csrf", &csrf),
        ("mutation", &form_id),
        ("name", "Einsamkeit im Alter"),
        ("description", ""),
        ("synonyms", "allein\nZitronenfalterweh"),
    ]);
    let made = post_form(&app, &anna, "/mitarbeit/thema/neu", &topic).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    assert!(
        made.location.starts_with("/mitarbeit/thema/")
            && made.location.ends_with("?ergebnis=gespeichert"),
        "{}",
        made.location
    );
    let again = post_form(&app, &anna, "/mitarbeit/thema/neu", &topic).await;
    assert_eq!(again.location, made.location);
    let topics = app.get_json("/api/v1/topics").await.1;
    assert_eq!(count(&topics), topics_before + 1);
    let new_topic = topics
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["data"]["slug"] == "einsamkeit-im-alter")
        .expect("made from the name")
        .clone();
    let topic_id = new_topic["id"].as_str().unwrap().to_owned();

    // An office, then a group with the new topic at the new office.
    let office = pairs(&[
        ("csrf", &csrf),
        ("mutation", &uuid::Uuid::new_v4().to_string()),
        ("name", "KISS Süd"),
        ("address.street", "Bonner Str. 1"),
        ("address.postal_code", "50677"),
        ("address.city", "Köln"),
        ("address.district", "Neustadt-Süd"),
        ("phone", "0221 123123"),
        ("email", "sued@example.org"),
        ("website", ""),
        ("hours_note", ""),
        ("area_served", "Köln-Süd"),
    ]);
    let made = post_form(&app, &anna, "/mitarbeit/kontaktstelle/neu", &office).await;
    assert!(
        made.location.ends_with("?ergebnis=gespeichert"),
        "{}",
        made.location
    );
    let offices = app.get_json("/api/v1/offices").await.1;
    let office_id = offices
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["data"]["slug"] == "kiss-sued")
        .expect("the new office")["id"]
        .as_str()
        .unwrap()
        .to_owned();

    let group = |topic: &str| {
        pairs(&[
            ("csrf", &csrf),
            ("mutation", "7f1c2a5e-8d1b-4c7e-9a34-2f0d5b6c7e81"),
            ("name", "Gesprächskreis Einsamkeit"),
            ("description", "Wir treffen uns, um weniger allein zu sein."),
            ("topics", ""),
            ("topics", topic),
            ("office_id", &office_id),
            ("audience", "affected"),
            ("format", "in_person"),
            ("languages", "de\ntr"),
            ("location.address.street", "Bonner Str. 1"),
            ("location.address.postal_code", "50677"),
            ("location.address.city", "Köln"),
            ("location.address.district", "Neustadt-Süd"),
            ("location.publish_address", "ja"),
            ("accessibility.step_free", "ja"),
            ("contact.publish", "nein"),
            ("accepting_new_members", "yes"),
            ("status", "active"),
            ("schedules.0.freq", "weekly"),
            ("schedules.0.weekday", "we"),
            ("schedules.0.opens_at", "18:00"),
            ("schedules.0.closes_at", "19:30"),
        ])
    };
    // Without a topic it is refused, with the field named, and nothing is made.
    let refused = post_form(&app, &anna, "/mitarbeit/gruppe/neu", &group("")).await;
    assert!(
        refused
            .location
            .starts_with("/mitarbeit/gruppe/neu?ergebnis=abgelehnt&fehler="),
        "{}",
        refused.location
    );
    assert!(refused.location.contains("topics"), "{}", refused.location);
    assert_eq!(
        app.get_json("/api/v1/groups?q=zitronenfalterweh").await.1["total"],
        0
    );
    let made = post_form(&app, &anna, "/mitarbeit/gruppe/neu", &group(&topic_id)).await;
    assert!(
        made.location.starts_with("/mitarbeit/gruppe/")
            && made.location.ends_with("?ergebnis=gespeichert"),
        "{}",
        made.location
    );
    // Found by the new topic's synonym, step-free, on Wednesdays.
    let found = app.get_json("/api/v1/groups?q=zitronenfalterweh").await.1;
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["items"][0]["name"], "Gesprächskreis Einsamkeit");

    // Archiving works for topics too: off the public list, back again.
    let topic_page = format!("/mitarbeit/thema/{topic_id}");
    let form = pairs(&[
        ("csrf", &csrf),
        ("mutation", &uuid::Uuid::new_v4().to_string()),
        ("aktion", "archivieren"),
    ]);
    let archived = post_form(&app, &anna, &format!("{topic_page}/archiv"), &form).await;
    assert_eq!(
        archived.location,
        format!("{topic_page}?ergebnis=gespeichert")
    );
    assert_eq!(
        count(&app.get_json("/api/v1/topics").await.1),
        topics_before
    );
    let form = with(form, "aktion", "aufnehmen");
    post_form(
        &app,
        &anna,
        &format!("{topic_page}/archiv"),
        &with(form, "mutation", &uuid::Uuid::new_v4().to_string()),
    )
    .await;
    assert_eq!(
        count(&app.get_json("/api/v1/topics").await.1),
        topics_before + 1
    );
}
