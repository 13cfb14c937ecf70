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

/// Each staff page's stand-in.
macro_rules! stand_ins {
    ($($name:ident),*) => {
        $(
            #[component]
            pub fn $name() -> impl IntoView {
                needs_server()
            }
        )*
    };
}

stand_ins!(
    StaffHome,
    StaffSignIn,
    StaffGroups,
    StaffGroup,
    StaffNewGroup,
    StaffConflicts,
    StaffTopics,
    StaffTopic,
    StaffNewTopic,
    StaffOffices,
    StaffOffice,
    StaffNewOffice
);
