//! The staff pages in the browser's build: they are rendered by the
//! server only and never hydrated (their code stays out of the public
//! pages' bundle). Rendered in the browser (offline, from the app shell)
//! they say that they need the server.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

fn needs_server() -> impl IntoView {
    view! {
        <Title text="Mitarbeit"/>
        <Meta name="robots" content="noindex"/>
        <h1>"Mitarbeit"</h1>
        <p>"Die Seiten für Mitarbeitende brauchen gerade eine Verbindung zum Server. Bitte laden Sie die Seite neu, sobald Sie wieder online sind."</p>
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
