//! The staff area's entry (docs/staff.md): signing in and out. Both are
//! plain forms, so they work without JavaScript.

use crate::staff::staff_session;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffSignIn() -> impl IntoView {
    let error = use_query_map()
        .read_untracked()
        .get("fehler")
        .unwrap_or_default();
    let message = match error.as_str() {
        "falsch" => Some("Anmeldename oder Passwort stimmen nicht."),
        "gesperrt" => Some("Zu viele Fehlversuche. Bitte versuchen Sie es in 15 Minuten noch einmal."),
        "abgelaufen" => Some("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich neu an; nicht übertragene Änderungen bleiben auf diesem Gerät gespeichert."),
        _ => None,
    };
    view! {
        <Title text="Anmelden für Mitarbeitende"/>
        <Meta name="robots" content="noindex"/>
        {super::staff_edit::outbox_script()}
        <h1>"Anmelden für Mitarbeitende"</h1>
        <p>"Dieser Bereich ist für die Mitarbeitenden der Selbsthilfe-Kontaktstelle."</p>
        {message.map(|m| view! { <p class="errors" role="alert">{m}</p> })}
        <form class="staff-sign-in" method="post" action="/mitarbeit/anmelden">
            <p>
                <label for="login">"Anmeldename"</label>
                <input id="login" name="login" type="text" autocomplete="username" required autocapitalize="none" spellcheck="false"/>
            </p>
            <p>
                <label for="password">"Passwort"</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
            </p>
            <p><button type="submit">"Anmelden"</button></p>
        </form>
    }
}

#[component]
pub fn StaffHome() -> impl IntoView {
    let me = Resource::new_blocking(|| (), |_| staff_session());
    view! {
        <Title text="Mitarbeit"/>
        <Meta name="robots" content="noindex"/>
        {super::staff_edit::outbox_script()}
        <Suspense fallback=|| view! { <p>"Einen Moment …"</p> }>
            {move || me.get().map(|me| match me {
                Ok(Some(me)) => view! {
                    <h1>"Mitarbeit"</h1>
                    <p class="staff-who">"Angemeldet als " <strong>{me.name.clone()}</strong> " (" {me.role.label()} ")"</p>
                    <ul class="staff-links">
                        <li><a href="/mitarbeit/gruppen">"Gruppen bearbeiten"</a></li>
                        <li><a href="/mitarbeit/themen">"Themen und ihre Suchwörter bearbeiten"</a></li>
                        <li><a href="/mitarbeit/kontaktstellen">"Kontaktstellen bearbeiten"</a></li>
                        <li><a href="/mitarbeit/konflikte">"Offene Konflikte"</a></li>
                    </ul>
                    <form method="post" action="/mitarbeit/abmelden">
                        <input type="hidden" name="csrf" value=me.csrf.clone()/>
                        <button type="submit">"Abmelden"</button>
                    </form>
                }.into_any(),
                Ok(None) => super::staff_edit::signed_out(),
                Err(_) => view! {
                    <h1>"Mitarbeit"</h1>
                    <p role="alert">"Der Server ist gerade nicht erreichbar."</p>
                }.into_any(),
            })}
        </Suspense>
    }
}
