//! The staff pages' forms (docs/staff.md): a group's edit form, a
//! conflict's decision, restoring an earlier version. Plain form posts,
//! so they work without JavaScript; each becomes one mutation, pushed
//! like any other (the same rules, history and conflicts), and the
//! browser goes back to the group's page with the result in its address.

use super::session::{signed_in, SignedIn};
use crate::api::ApiError;
use crate::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde_json::Value;
use time::OffsetDateTime;
use tower_sessions::Session;
use uuid::Uuid;
use wegweiser_core::domain::{Role, Version};
use wegweiser_core::edit::{
    fields, form, Changes, ConflictId, FieldChange, Mutation, MutationId, Op, Outcome,
};
use wegweiser_core::sync::RecordKind;

type Pairs = Vec<(String, String)>;

fn get<'a>(pairs: &'a Pairs, name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The signed-in editor who sent this form, or where to go instead.
async fn editor(
    state: &AppState,
    session: &Session,
    pairs: &Pairs,
) -> Result<Result<SignedIn, Response>, ApiError> {
    let Some(me) = signed_in(session, state).await? else {
        return Ok(Err(
            Redirect::to("/mitarbeit/anmelden?fehler=abgelaufen").into_response()
        ));
    };
    me.check(Role::Editor, get(pairs, "csrf"))?;
    Ok(Ok(me))
}

/// The mutation with its id from the form's (`core::edit::form::identify`;
/// the browser's outbox names it the same way).
fn identify(pairs: &Pairs, m: Mutation) -> Mutation {
    let form = get(pairs, "mutation")
        .and_then(|f| Uuid::parse_str(f).ok())
        .unwrap_or_else(Uuid::new_v4);
    form::identify(form, m)
}

/// Set by [`identify`].
const UNSET: MutationId = MutationId(Uuid::nil());

/// The staff page of a record, with the result of a form in its address.
fn page(kind: RecordKind, id: Uuid, query: &str) -> Response {
    let at = app::staff::record_page(kind);
    Redirect::to(&format!("{at}/{id}?{query}")).into_response()
}

/// `fehler=` with the fields and their messages as a JSON list: the
/// page shows each next to its field. Messages only, never a value.
fn named(problems: Vec<wegweiser_core::edit::FieldMessage>) -> String {
    let list: Vec<(String, String)> = problems.into_iter().map(|p| (p.field, p.message)).collect();
    serde_urlencoded::to_string([("fehler", serde_json::to_string(&list).expect("json"))])
        .expect("encodes")
}

/// The record a form is about, as staff see it; 404 when there is none.
async fn existing(
    state: &AppState,
    kind: RecordKind,
    id: Uuid,
) -> Result<wegweiser_core::edit::StaffRecord, ApiError> {
    state
        .store
        .staff_record(kind, id)
        .await?
        .ok_or_else(|| ApiError::NotFound("Diesen Eintrag gibt es nicht.".into()))
}

fn version(pairs: &Pairs, name: &str) -> Result<Version, ApiError> {
    get(pairs, name)
        .and_then(|v| v.parse().ok())
        .map(Version)
        .ok_or_else(|| bad(name))
}

fn bad(what: &str) -> ApiError {
    ApiError::BadRequest(format!("Das Formular ist unvollständig: {what}."))
}

/// Push one mutation (its id already given); what became of it.
async fn apply(state: &AppState, me: &SignedIn, m: Mutation) -> Result<Option<Outcome>, ApiError> {
    let results = state
        .store
        .push(me.staff.id, &[m], OffsetDateTime::now_utc())
        .await?;
    if let Err(e) = state.reload().await {
        tracing::error!(error = %e, "directory not rebuilt after an edit");
    }
    Ok(results.into_iter().next().map(|r| r.outcome))
}

/// Push one mutation and say on the record's page how it went.
async fn push(
    state: &AppState,
    me: &SignedIn,
    pairs: &Pairs,
    m: Mutation,
) -> Result<Response, ApiError> {
    let m = identify(pairs, m);
    let (kind, record) = (m.kind, m.record);
    Ok(match apply(state, me, m).await? {
        Some(Outcome::Applied { .. }) => page(kind, record, "ergebnis=gespeichert"),
        Some(Outcome::Conflict { .. }) => page(kind, record, "ergebnis=konflikt"),
        Some(Outcome::Rejected { fields, .. }) => page(
            kind,
            record,
            &format!("ergebnis=abgelehnt&{}", named(fields)),
        ),
        None => page(kind, record, "ergebnis=unveraendert"),
    })
}

/// `POST <record page>/{id}` (`/mitarbeit/gruppe/{id}`,
/// `/mitarbeit/thema/{id}`): the edit form. It carries the data as shown
/// (`original`) and its version (`base`): the mutation is what the staff
/// member changed, field by field.
pub async fn save(
    state: AppState,
    session: Session,
    kind: RecordKind,
    id: Uuid,
    pairs: Pairs,
) -> Result<Response, ApiError> {
    let me = match editor(&state, &session, &pairs).await? {
        Ok(me) => me,
        Err(to_sign_in) => return Ok(to_sign_in),
    };
    let base = version(&pairs, "base")?;
    let original: Value = get(&pairs, "original")
        .and_then(|o| serde_json::from_str(o).ok())
        .ok_or_else(|| bad("original"))?;
    match form::mutation_of(kind, UNSET, id, base, &original, &pairs) {
        Err(problems) => Ok(page(kind, id, &named(problems))),
        Ok(None) => Ok(page(kind, id, "ergebnis=unveraendert")),
        Ok(Some(m)) => push(&state, &me, &pairs, m).await,
    }
}

/// `POST /mitarbeit/konflikt/{id}`: keep mine (`wahl=meine`) or keep the
/// value the record has (`wahl=aktuelle`). The decision is one more edit
/// that names the conflict.
pub async fn decide(
    State(state): State<AppState>,
    session: Session,
    Path(conflict): Path<Uuid>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, ApiError> {
    let me = match editor(&state, &session, &pairs).await? {
        Ok(me) => me,
        Err(to_sign_in) => return Ok(to_sign_in),
    };
    let open = state.store.open_conflicts().await?;
    let Some(c) = open
        .into_iter()
        .find(|c| c.report.id == ConflictId(conflict))
    else {
        return Err(ApiError::NotFound(
            "Dieser Konflikt ist schon entschieden.".into(),
        ));
    };
    let record = existing(&state, c.kind, c.record).await?;
    let now = fields::get(&record.data, &c.report.path);
    let op = match get(&pairs, "wahl") {
        Some("meine") if now != c.report.mine => Op::Update {
            base: record.version,
            changes: Changes::new(vec![FieldChange {
                path: c.report.path.clone(),
                from: now,
                to: c.report.mine.clone(),
            }])
            .map_err(|e| ApiError::BadRequest(e.to_string()))?,
        },
        Some("meine") | Some("aktuelle") => Op::Settle {
            base: record.version,
        },
        _ => return Err(bad("wahl")),
    };
    let m = Mutation {
        id: UNSET,
        kind: c.kind,
        record: c.record,
        op,
        resolves: vec![ConflictId(conflict)],
    };
    push(&state, &me, &pairs, m).await
}

/// `POST <record page>/{id}/wiederherstellen`: back to an earlier version
/// (`version`), as one more edit.
pub async fn restore(
    state: AppState,
    session: Session,
    kind: RecordKind,
    id: Uuid,
    pairs: Pairs,
) -> Result<Response, ApiError> {
    let me = match editor(&state, &session, &pairs).await? {
        Ok(me) => me,
        Err(to_sign_in) => return Ok(to_sign_in),
    };
    let version = version(&pairs, "version")?;
    let record = existing(&state, kind, id).await?;
    let history = state.store.history(kind, id).await?;
    let old = history
        .into_iter()
        .find(|h| h.version == version)
        .ok_or_else(|| ApiError::NotFound("Diese Fassung gibt es nicht.".into()))?;
    let changes = fields::diff(&record.data, &old.data);
    if changes.is_empty() {
        return Ok(page(kind, id, "ergebnis=unveraendert"));
    }
    let m = Mutation {
        id: UNSET,
        kind,
        record: id,
        op: Op::Update {
            base: record.version,
            changes: Changes::new(changes).map_err(|e| ApiError::BadRequest(e.to_string()))?,
        },
        resolves: Vec::new(),
    };
    push(&state, &me, &pairs, m).await
}

/// `POST <record page>/neu` (`/mitarbeit/gruppe/neu`, …): a new record.
/// Its id comes from the form's, so the same form sent twice makes one
/// record. Saved, the browser goes to the record's page; refused, back to
/// the form with the messages.
pub async fn create(
    state: AppState,
    session: Session,
    kind: RecordKind,
    pairs: Pairs,
) -> Result<Response, ApiError> {
    let me = match editor(&state, &session, &pairs).await? {
        Ok(me) => me,
        Err(to_sign_in) => return Ok(to_sign_in),
    };
    let form_id = get(&pairs, "mutation")
        .and_then(|f| Uuid::parse_str(f).ok())
        .ok_or_else(|| bad("mutation"))?;
    let again =
        |query: &str| Redirect::to(&format!("{}?{query}", form::new_page(kind))).into_response();
    let m = match form::creation(kind, form_id, &pairs) {
        Ok(m) => m,
        Err(problems) => return Ok(again(&named(problems))),
    };
    let record = m.record;
    Ok(match apply(&state, &me, m).await? {
        Some(Outcome::Rejected { fields, message }) if fields.is_empty() => {
            let problem = vec![wegweiser_core::edit::FieldMessage {
                field: String::new(),
                message,
            }];
            again(&format!("ergebnis=abgelehnt&{}", named(problem)))
        }
        Some(Outcome::Rejected { fields, .. }) => {
            again(&format!("ergebnis=abgelehnt&{}", named(fields)))
        }
        _ => page(kind, record, "ergebnis=gespeichert"),
    })
}

/// `POST <record page>/{id}/archiv`: take the record out of the public
/// directory (`aktion=archivieren`) or bring it back
/// (`aktion=aufnehmen`); staff keep seeing it either way.
pub async fn archive(
    state: AppState,
    session: Session,
    kind: RecordKind,
    id: Uuid,
    pairs: Pairs,
) -> Result<Response, ApiError> {
    let me = match editor(&state, &session, &pairs).await? {
        Ok(me) => me,
        Err(to_sign_in) => return Ok(to_sign_in),
    };
    let base = existing(&state, kind, id).await?.version;
    let op = match get(&pairs, "aktion") {
        Some("archivieren") => Op::Archive { base },
        Some("aufnehmen") => Op::Restore { base },
        _ => return Err(bad("aktion")),
    };
    let m = Mutation {
        id: UNSET,
        kind,
        record: id,
        op,
        resolves: Vec::new(),
    };
    push(&state, &me, &pairs, m).await
}
