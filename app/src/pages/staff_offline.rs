//! The staff pages in the browser's build: they are rendered by the
//! server only and never hydrated (their code stays out of the public
//! pages' bundle). Without a connection the service worker answers with
//! the copies it kept of the staff pages seen (docs/staff.md); a page it
//! has no copy of is rendered from the app shell with this note.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

fn needs_server() -> impl IntoView {
    view! {
        <Title text="Mitarbeit"/>
        <Meta name="robots" content="noindex"/>
        <h1>"Mitarbeit"</h1>
        <p>"Diese Seite für Mitarbeitende ist auf diesem Gerät nicht gespeichert. Ohne Verbindung lassen sich die Seiten bearbeiten, die Sie angemeldet schon einmal geöffnet haben; andere öffnen Sie bitte, sobald Sie wieder online sind."</p>
    }
}

#[component]
pub fn StaffHome() -> impl IntoView {
    needs_server()
}

#[component]
pub fn StaffSignIn() -> impl IntoView {
    needs_server()
}

#[component]
pub fn StaffGroups() -> impl IntoView {
    needs_server()
}

#[component]
pub fn StaffGroup() -> impl IntoView {
    needs_server()
}

#[component]
pub fn StaffConflicts() -> impl IntoView {
    needs_server()
}

#[component]
pub fn StaffTopics() -> impl IntoView {
    needs_server()
}

#[component]
pub fn StaffTopic() -> impl IntoView {
    needs_server()
}
