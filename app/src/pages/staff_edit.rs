//! The staff's group pages (docs/staff.md): the list, a group's edit form
//! with its open conflicts and history, and all open conflicts. Rendered
//! by the server only: the forms are plain posts
//! (server/src/staff/forms.rs), checked there with `core::edit::form`;
//! the messages come back in the address (`?fehler=`, a JSON list of
//! field and message, never a value) and appear next to their fields.

use crate::components::{request_id, LoadError, Loading};
use crate::staff::{
    load_staff_record, staff_conflicts, staff_list, staff_new_record, Choices, GroupList,
    NewRecord, RecordEdit, StaffView,
};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};
use serde_json::Value;
use std::collections::BTreeMap;
use wegweiser_core::domain::Weekday;
use wegweiser_core::edit::form::{
    self, chosen, fields_of, schedule_part, shown, FormField, Input, FREQUENCIES,
};
use wegweiser_core::edit::{HistoryEntry, OpenConflict};
use wegweiser_core::sync::RecordKind;

/// The staff pages' script: the outbox of edits kept on this device
/// (public/staff-client.js).
pub(super) fn outbox_script() -> impl IntoView {
    view! { <script src="/staff-client.js" defer></script> }
}

pub(super) fn signed_out() -> AnyView {
    view! {
        <h1>"Mitarbeit"</h1>
        <p>"Sie sind nicht angemeldet."</p>
        <p><a href="/mitarbeit/anmelden">"Zur Anmeldung"</a></p>
    }
    .into_any()
}

/// Who is signed in, and signing out, above each staff page. (Its token
/// also tells the service worker that the page is a signed-in staff page
/// worth keeping for working offline.)
fn staff_bar(me: &StaffView) -> impl IntoView {
    view! {
        <form class="staff-bar" method="post" action="/mitarbeit/abmelden">
            <a href="/mitarbeit">"Mitarbeit"</a>
            {format!(" · {} · ", me.name)}
            {csrf_field(me)}
            <button type="submit">"Abmelden"</button>
        </form>
    }
}

fn csrf_field(me: &StaffView) -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=me.csrf.clone()/> }
}

/// Where a kind of record is edited: (list, one record, German plural).
fn places(kind: RecordKind) -> (&'static str, &'static str, &'static str) {
    let plural = match kind {
        RecordKind::Group => "Gruppen",
        RecordKind::Topic => "Themen",
        RecordKind::Office => "Kontaktstellen",
    };
    (form::list_page(kind), form::record_page(kind), plural)
}

/// The heading and link of a new record's page.
fn new_label(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Group => "Neue Gruppe anlegen",
        RecordKind::Topic => "Neues Thema anlegen",
        RecordKind::Office => "Neue Kontaktstelle anlegen",
    }
}

#[component]
pub fn StaffGroups() -> impl IntoView {
    list_page(RecordKind::Group)
}

#[component]
pub fn StaffTopics() -> impl IntoView {
    list_page(RecordKind::Topic)
}

#[component]
pub fn StaffOffices() -> impl IntoView {
    list_page(RecordKind::Office)
}

fn list_page(kind: RecordKind) -> impl IntoView {
    let q = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let data = Resource::new(
        move || q.clone(),
        move |q| staff_list(kind.as_str().to_owned(), q),
    );
    let title = format!("{} bearbeiten", places(kind).2);
    view! {
        <Title text=title/>
        <Meta name="robots" content="noindex"/>
        {outbox_script()}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(list)) => list_view(kind, list).into_any(),
                    Ok(None) => signed_out(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn list_view(kind: RecordKind, list: GroupList) -> impl IntoView {
    let q = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let conflicts = list.open_conflicts;
    let (list_at, one_at, plural) = places(kind);
    view! {
        {staff_bar(&list.me)}
        <h1>{format!("{plural} bearbeiten")}</h1>
        {(conflicts > 0).then(|| view! {
            <p class="staff-note"><a href="/mitarbeit/konflikte">{format!("{conflicts} offene Konflikte entscheiden")}</a></p>
        })}
        <form method="get" action=list_at role="search">
            <label for="staff-q">"Name enthält"</label>
            <input id="staff-q" name="q" type="search" value=q/>
            <button type="submit">"Suchen"</button>
        </form>
        <p><a href=form::new_page(kind)>{new_label(kind)}</a></p>
        <p>{format!("{} {plural}", list.groups.len())}</p>
        <ul class="staff-groups">
            {list.groups.into_iter().map(|g| {
                let href = format!("{one_at}/{}", g.id);
                let note = if g.archived {
                    " (archiviert)".to_owned()
                } else if g.status.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", status_label(&g.status))
                };
                view! { <li><a href=href>{g.name}</a>{note}</li> }
            }).collect_view()}
        </ul>
    }
}

fn status_label(key: &str) -> &'static str {
    wegweiser_core::domain::Status::parse(key)
        .map(|s| s.label())
        .unwrap_or("")
}

#[component]
pub fn StaffGroup() -> impl IntoView {
    record_page(RecordKind::Group)
}

#[component]
pub fn StaffTopic() -> impl IntoView {
    record_page(RecordKind::Topic)
}

#[component]
pub fn StaffOffice() -> impl IntoView {
    record_page(RecordKind::Office)
}

#[component]
pub fn StaffNewGroup() -> impl IntoView {
    new_record_page(RecordKind::Group)
}

#[component]
pub fn StaffNewTopic() -> impl IntoView {
    new_record_page(RecordKind::Topic)
}

#[component]
pub fn StaffNewOffice() -> impl IntoView {
    new_record_page(RecordKind::Office)
}

fn new_record_page(kind: RecordKind) -> impl IntoView {
    let data = Resource::new(|| (), |_| staff_new_record());
    view! {
        <Title text=new_label(kind)/>
        <Meta name="robots" content="noindex"/>
        {outbox_script()}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(new)) => new_record_view(kind, new),
                    Ok(None) => signed_out(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A new record's form: the edit form's fields, from what every record
/// of the kind starts with (`core::edit::form::blank`), and its address
/// in the directory.
fn new_record_view(kind: RecordKind, new: NewRecord) -> AnyView {
    let NewRecord { me, choices } = new;
    let (list_at, _, plural) = places(kind);
    let messages = RwSignal::new(messages_from_address());
    let blank = form::blank(kind);
    let slug_invalid = move || messages.with(|m| m.contains_key("slug")).then_some("true");
    view! {
        {staff_bar(&me)}
        <p><a href=list_at>{format!("Alle {plural}")}</a></p>
        <h1>{new_label(kind)}</h1>
        {result_note().map(|(class, text)| view! { <p class=format!("{class} staff-result") role="status">{text}</p> })}
        {other_messages(kind, messages)}
        <form class="staff-edit" method="post" action=form::new_page(kind) novalidate>
            {csrf_field(&me)}
            <input type="hidden" name="mutation" value=request_id()/>
            {form_fields(kind, &blank, messages, &choices)}
            <p class="staff-field">
                <label for="feld-slug">"Adresse im Verzeichnis (leer lassen: aus dem Namen gebildet)"</label>
                <input id="feld-slug" name="slug" type="text" aria-invalid=slug_invalid aria-describedby=move || slug_invalid().map(|_| "feld-slug-fehler")/>
                {message_for(messages, "slug", "feld-slug".to_owned())}
            </p>
            <p><button type="submit">"Anlegen"</button></p>
        </form>
    }
    .into_any()
}

/// The form's fields for a record of `kind` showing `data`.
fn form_fields(
    kind: RecordKind,
    data: &Value,
    messages: RwSignal<BTreeMap<String, String>>,
    choices: &Choices,
) -> impl IntoView {
    view! {
        {fields_of(kind).iter().map(|f| field_view(f, data, messages, choices)).collect_view()}
        {(kind == RecordKind::Group).then(|| schedule_editor(data, messages))}
    }
}

/// Messages about the record as a whole, or a part the form has no field
/// for (a group that meets in person needs an address).
fn other_messages(kind: RecordKind, messages: RwSignal<BTreeMap<String, String>>) -> impl IntoView {
    move || {
        let others: Vec<(String, String)> = messages.with(|m| {
            m.iter()
                .filter(|(field, _)| {
                    field.as_str() != "slug"
                        && !field.starts_with("schedules.")
                        && !fields_of(kind).iter().any(|f| f.path == field.as_str())
                })
                .map(|(f, m)| (f.clone(), m.clone()))
                .collect()
        });
        (!others.is_empty()).then(|| {
            view! {
                <ul class="errors">
                    {others.into_iter().map(|(field, message)| view! { <li>{format!("{field}: {message}")}</li> }).collect_view()}
                </ul>
            }
        })
    }
}

fn record_page(kind: RecordKind) -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        move |id| load_staff_record(kind.as_str().to_owned(), id),
    );
    let title = match kind {
        RecordKind::Topic => "Thema bearbeiten",
        _ => "Gruppe bearbeiten",
    };
    view! {
        <Title text=title/>
        <Meta name="robots" content="noindex"/>
        {outbox_script()}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(edit)) => view! { <RecordEditor kind=kind edit=edit/> }.into_any(),
                    Ok(None) => signed_out(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// What the address says about the last form sent.
fn result_note() -> Option<(&'static str, &'static str)> {
    let query = use_query_map().read_untracked();
    if query.get("fehler").is_some_and(|f| !f.is_empty()) && query.get("ergebnis").is_none() {
        return Some((
            "errors",
            "Einige Angaben sind nicht gültig; sie sind unten markiert. Nichts wurde gespeichert.",
        ));
    }
    match query.get("ergebnis").as_deref() {
        Some("gespeichert") => Some(("staff-ok", "Gespeichert.")),
        Some("unveraendert") => Some(("staff-note", "Nichts geändert.")),
        Some("konflikt") => Some(("errors", "Gespeichert, außer Feldern, die inzwischen jemand anders geändert hat: bitte unten entscheiden.")),
        Some("abgelehnt") => Some(("errors", "Nicht gespeichert: die Änderung ergibt keinen gültigen Eintrag (Felder unten markiert). Sie bleibt auf diesem Gerät, bis Sie sie korrigieren oder verwerfen.")),
        Some("vorgemerkt") => Some(("staff-note", "Auf diesem Gerät gespeichert. Die Änderung wird übertragen, sobald eine Verbindung besteht und Sie angemeldet sind.")),
        Some("offline") => Some(("errors", "Ohne Verbindung geht das nicht: Archivieren, Wiederherstellen und Konflikte entscheiden brauchen den Server.")),
        _ => None,
    }
}

#[component]
fn RecordEditor(kind: RecordKind, edit: RecordEdit) -> impl IntoView {
    let RecordEdit {
        me,
        record,
        history,
        conflicts,
        choices,
    } = edit;
    let (list_at, one_at, plural) = places(kind);
    let id = record.id.to_string();
    let data = record.data.clone();
    let name = shown(&data, "name");
    let original = serde_json::to_string(&data).unwrap_or_default();
    let messages = RwSignal::new(messages_from_address());
    let action = format!("{one_at}/{id}");
    let archived = record.archived;
    view! {
        {staff_bar(&me)}
        <p><a href=list_at>{format!("Alle {plural}")}</a></p>
        <h1>{name.clone()}</h1>
        {archived.then(|| view! { <p class="staff-note">"Dieser Eintrag ist archiviert und nicht im öffentlichen Verzeichnis."</p> })}
        {result_note().map(|(class, text)| view! { <p class=format!("{class} staff-result") role="status">{text}</p> })}
        {other_messages(kind, messages)}
        {(!conflicts.is_empty()).then(|| conflicts_view(&me, &conflicts))}
        <form class="staff-edit" method="post" action=action novalidate>
            {csrf_field(&me)}
            <input type="hidden" name="mutation" value=request_id()/>
            <input type="hidden" name="base" value=record.version.0.to_string()/>
            <input type="hidden" name="original" value=original/>
            // A third value typed into a conflicting field settles it.
            {conflicts.iter().map(|c| view! {
                <input type="hidden" name="konflikt" value=format!("{} {}", c.report.id.0, c.report.path.as_str())/>
            }).collect_view()}
            {form_fields(kind, &data, messages, &choices)}
            <p><button type="submit">"Speichern"</button></p>
        </form>
        {archive_form(&me, &format!("{one_at}/{id}"), archived)}
        {history_view(&me, &format!("{one_at}/{id}"), record.version.0, history)}
    }
}

/// The server's messages about the form just sent, from `?fehler=`.
fn messages_from_address() -> BTreeMap<String, String> {
    let raw = use_query_map()
        .read_untracked()
        .get("fehler")
        .unwrap_or_default();
    serde_json::from_str::<Vec<(String, String)>>(&raw)
        .map(|list| list.into_iter().collect())
        .unwrap_or_default()
}

/// `aria-describedby` of a field (`id`): its message, while it has one.
fn described_by(
    messages: RwSignal<BTreeMap<String, String>>,
    field: &'static str,
    id: &str,
) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
    let note = format!("{id}-fehler");
    move || {
        messages
            .with(|m| m.contains_key(field))
            .then(|| note.clone())
    }
}

fn message_for(
    messages: RwSignal<BTreeMap<String, String>>,
    field: &'static str,
    id: String,
) -> impl IntoView {
    move || {
        messages.with(|m| m.get(field).cloned()).map(|text| {
            view! { <span class="field-error" id=format!("{id}-fehler")>{text}</span> }
        })
    }
}

fn field_view(
    f: &'static FormField,
    data: &Value,
    messages: RwSignal<BTreeMap<String, String>>,
    choices: &Choices,
) -> AnyView {
    let id = format!("feld-{}", f.path.replace('.', "-"));
    if let Input::Refs(_) = f.input {
        return refs_view(f, data, messages, &choices.topics, id);
    }
    let value = shown(data, f.path);
    let invalid = move || messages.with(|m| m.contains_key(f.path)).then_some("true");
    let described = described_by(messages, f.path, &id);
    let input = match f.input {
        Input::Lines { .. } => view! {
            <textarea id=id.clone() name=f.path aria-invalid=invalid aria-describedby=described rows="6">{value}</textarea>
        }
        .into_any(),
        Input::Text { required, multiline: true, .. } => view! {
            <textarea id=id.clone() name=f.path required=required aria-invalid=invalid aria-describedby=described rows="5">{value}</textarea>
        }
        .into_any(),
        Input::Text { required, .. } => view! {
            <input id=id.clone() name=f.path type="text" value=value required=required aria-invalid=invalid aria-describedby=described/>
        }
        .into_any(),
        Input::Choice(options) => view! {
            <select id=id.clone() name=f.path aria-invalid=invalid aria-describedby=described>
                {options.iter().map(|(key, label)| {
                    let selected = *key == value;
                    view! { <option value=*key selected=selected>{*label}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        Input::Flag => view! {
            <select id=id.clone() name=f.path aria-invalid=invalid aria-describedby=described>
                <option value="" selected=value.is_empty()>"keine Angabe"</option>
                <option value="ja" selected=value == "ja">"ja"</option>
                <option value="nein" selected=value == "nein">"nein"</option>
            </select>
        }
        .into_any(),
        Input::Ref(of) | Input::Refs(of) => view! {
            <select id=id.clone() name=f.path aria-invalid=invalid aria-describedby=described>
                <option value="" selected=value.is_empty()>"bitte wählen"</option>
                {match of { RecordKind::Topic => &choices.topics, _ => &choices.offices }.iter().map(|(key, label)| {
                    let selected = *key == value;
                    view! { <option value=key.clone() selected=selected>{label.clone()}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
    };
    view! {
        <p class="staff-field">
            <label for=id.clone()>{f.label}</label>
            {input}
            {message_for(messages, f.path, id.clone())}
        </p>
    }
    .into_any()
}

/// A list of records to tick (a group's topics). The empty value posted
/// with it lets "none ticked" arrive.
fn refs_view(
    f: &'static FormField,
    data: &Value,
    messages: RwSignal<BTreeMap<String, String>>,
    options: &[(String, String)],
    id: String,
) -> AnyView {
    let ticked = chosen(data, f.path);
    let described = described_by(messages, f.path, &id);
    view! {
        <fieldset class="staff-choices" id=id.clone() aria-describedby=described>
            <legend>{f.label}</legend>
            <input type="hidden" name=f.path value=""/>
            {options.iter().map(|(key, label)| {
                let checked = ticked.contains(key);
                let box_id = format!("{id}-{key}");
                view! {
                    <span class="staff-choice">
                        <input type="checkbox" id=box_id.clone() name=f.path value=key.clone() checked=checked/>
                        <label for=box_id>{label.clone()}</label>
                    </span>
                }
            }).collect_view()}
            {message_for(messages, f.path, id.clone())}
        </fieldset>
    }
    .into_any()
}

/// The meeting rhythms: each row one schedule, and one empty row to add
/// one. "kein Termin" removes a row.
fn schedule_editor(data: &Value, messages: RwSignal<BTreeMap<String, String>>) -> impl IntoView {
    let rows: Vec<Value> = data["schedules"].as_array().cloned().unwrap_or_default();
    let count = rows.len();
    view! {
        <fieldset class="staff-schedules">
            <legend>"Treffen"</legend>
            {rows.into_iter().chain(std::iter::once(Value::Null)).enumerate().map(|(i, row)| schedule_row(i, i == count, &row, messages)).collect_view()}
        </fieldset>
    }
}

fn schedule_row(
    i: usize,
    new: bool,
    row: &Value,
    messages: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let part = |p: &str| schedule_part(row, p);
    let name = move |p: &str| format!("schedules.{i}.{p}");
    let id = move |p: &str| format!("termin-{i}-{p}");
    let freq = part("freq");
    let weekday = part("weekday");
    let key: &'static str = Box::leak(format!("schedules.{i}").into_boxed_str());
    let legend = if new {
        "Neues Treffen".to_owned()
    } else {
        format!("Treffen {}", i + 1)
    };
    view! {
        <fieldset class="staff-schedule">
            <legend>{legend}</legend>
            <p>
                <label for=id("freq")>"Rhythmus"</label>
                <select id=id("freq") name=name("freq")>
                    <option value="" selected=freq.is_empty()>"kein Termin"</option>
                    {FREQUENCIES.iter().map(|(k, label)| view! { <option value=*k selected=*k == freq>{*label}</option> }).collect_view()}
                </select>
            </p>
            <p>
                <label for=id("weekday")>"Wochentag"</label>
                <select id=id("weekday") name=name("weekday")>
                    {Weekday::ALL.iter().map(|d| view! { <option value=d.key() selected=d.key() == weekday>{d.name()}</option> }).collect_view()}
                </select>
            </p>
            <p>
                <label for=id("nth")>"Welcher im Monat (1–4, für „n-ter Wochentag“)"</label>
                <input id=id("nth") name=name("nth") type="number" min="1" max="4" value=part("nth")/>
            </p>
            <p>
                <label for=id("interval")>"Alle wie viele Wochen (2–8)"</label>
                <input id=id("interval") name=name("interval") type="number" min="2" max="8" value=part("interval")/>
            </p>
            <p>
                <label for=id("anchor")>"Ein Treffen an diesem Tag (für „alle n Wochen“)"</label>
                <input id=id("anchor") name=name("anchor") type="date" value=part("anchor")/>
            </p>
            <p>
                <label for=id("opens_at")>"Beginn"</label>
                <input id=id("opens_at") name=name("opens_at") type="time" value=part("opens_at")/>
                <label for=id("closes_at")>"Ende"</label>
                <input id=id("closes_at") name=name("closes_at") type="time" value=part("closes_at")/>
            </p>
            {message_for(messages, key, format!("termin-{i}"))}
        </fieldset>
    }
}

/// Out of the public directory and back; staff keep the record. `page`
/// is the record's page.
fn archive_form(me: &StaffView, page: &str, archived: bool) -> impl IntoView {
    let (action, label) = if archived {
        ("aufnehmen", "Wieder ins öffentliche Verzeichnis aufnehmen")
    } else {
        (
            "archivieren",
            "Archivieren (aus dem öffentlichen Verzeichnis nehmen)",
        )
    };
    view! {
        <form class="staff-archive" method="post" action=format!("{page}/archiv")>
            {csrf_field(me)}
            <input type="hidden" name="mutation" value=request_id()/>
            <button type="submit" name="aktion" value=action>{label}</button>
        </form>
    }
}

fn show_value(v: &Value) -> String {
    match v {
        Value::Null => "(leer)".to_owned(),
        Value::String(s) => format!("„{s}“"),
        other => other.to_string(),
    }
}

fn conflicts_view(me: &StaffView, conflicts: &[OpenConflict]) -> impl IntoView {
    view! {
        <section class="staff-conflicts" aria-labelledby="konflikte">
            <h2 id="konflikte">"Zu entscheiden"</h2>
            {conflicts.iter().map(|c| {
                let action = format!("/mitarbeit/konflikt/{}", c.report.id.0);
                let theirs_by = c.report.theirs_by.clone().unwrap_or_else(|| "Import".to_owned());
                view! {
                    <div class="staff-conflict">
                        <p>{format!("Feld „{}“: ", c.report.path)}
                            {format!("{} hat {} eingetragen, {} {}.", c.mine_by, show_value(&c.report.mine), theirs_by, show_value(&c.report.theirs))}
                            {format!(" Vorher: {}.", show_value(&c.report.base))}
                        </p>
                        <form method="post" action=action>
                            {csrf_field(me)}
                            <input type="hidden" name="mutation" value=request_id()/>
                            <button type="submit" name="wahl" value="meine">{format!("{} übernehmen", show_value(&c.report.mine))}</button>
                            " "
                            <button type="submit" name="wahl" value="aktuelle">{format!("{} behalten", show_value(&c.report.theirs))}</button>
                        </form>
                        <p class="staff-note">"Oder einen dritten Wert unten im Formular eintragen und speichern."</p>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

fn history_view(
    me: &StaffView,
    page: &str,
    current: u64,
    history: Vec<HistoryEntry>,
) -> impl IntoView {
    let action = format!("{page}/wiederherstellen");
    view! {
        <section class="staff-history" aria-labelledby="verlauf">
            <h2 id="verlauf">"Verlauf"</h2>
            <ol reversed>
                {history.into_iter().map(|h| {
                    let who = h.by.clone().unwrap_or_else(|| match h.source.as_str() {
                        "import" => "Import".to_owned(),
                        _ => "Bestand".to_owned(),
                    });
                    let what = if h.changes.is_empty() {
                        if h.archived { "archiviert".to_owned() } else { "ohne Feldänderung".to_owned() }
                    } else {
                        h.changes.iter().map(|c| format!("{}: {} → {}", c.path, show_value(&c.from), show_value(&c.to))).collect::<Vec<_>>().join("; ")
                    };
                    let restorable = h.version.0 != current;
                    view! {
                        <li>
                            <p>{format!("Fassung {} · {} · {}", h.version.0, crate::format::short_date_time(&h.at), who)}</p>
                            <p class="staff-changes">{what}</p>
                            {restorable.then(|| view! {
                                <form method="post" action=action.clone()>
                                    {csrf_field(me)}
                                    <input type="hidden" name="mutation" value=request_id()/>
                                    <input type="hidden" name="version" value=h.version.0.to_string()/>
                                    <button type="submit">{format!("Fassung {} wiederherstellen", h.version.0)}</button>
                                </form>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
pub fn StaffConflicts() -> impl IntoView {
    let data = Resource::new(|| (), |_| staff_conflicts());
    view! {
        <Title text="Konflikte"/>
        <Meta name="robots" content="noindex"/>
        {outbox_script()}
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some((me, list))) => view! {
                        {staff_bar(&me)}
                        <h1>"Offene Konflikte"</h1>
                        {list.is_empty().then(|| view! { <p>"Keine. Alle Änderungen sind zusammengeführt."</p> })}
                        <ul>
                            {list.into_iter().map(|c| view! {
                                <li><a href=format!("{}/{}", places(c.kind).1, c.record)>{format!("Feld „{}“", c.report.path)}</a>
                                {format!(": {} gegen {}", show_value(&c.report.mine), show_value(&c.report.theirs))}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Ok(None) => signed_out(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
