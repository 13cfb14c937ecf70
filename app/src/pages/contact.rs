//! Where the contact form leads: sent, kept for later, or to be checked.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

fn back_link() -> impl IntoView {
    let slug = use_query_map()
        .read_untracked()
        .get("gruppe")
        .unwrap_or_default();
    let href = if slug.is_empty() {
        "/".to_owned()
    } else {
        format!("/gruppe/{slug}")
    };
    view! { <p><a href=href>"Zurück zur Gruppe"</a></p> }
}

/// A page that says what became of the request.
fn outcome(title: &'static str, heading: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <Title text=title/>
        <Meta name="robots" content="noindex"/>
        <h1>{heading}</h1>
        <p>{text}</p>
        {back_link()}
    }
}

#[component]
pub fn ContactSent() -> impl IntoView {
    outcome(
        "Anfrage gesendet",
        "Ihre Anfrage ist angekommen",
        "Die Selbsthilfe-Kontaktstelle meldet sich bei Ihnen und bringt Sie mit der Gruppe in Kontakt. Ihre Angaben werden nur dafür verwendet.",
    )
}

#[component]
pub fn ContactQueued() -> impl IntoView {
    outcome(
        "Anfrage gespeichert",
        "Ihre Anfrage ist gespeichert",
        "Gerade besteht keine Verbindung. Die Anfrage ist auf diesem Gerät gespeichert und wird automatisch gesendet, sobald Sie wieder online sind – auch wenn Sie die Seite schließen. Danach wird sie hier gelöscht.",
    )
}

#[component]
pub fn ContactCheck() -> impl IntoView {
    let fields = use_query_map()
        .read_untracked()
        .get("fehler")
        .unwrap_or_default();
    let messages: Vec<&'static str> = fields
        .split(',')
        .filter_map(|f| match f {
            "name" => Some("Bitte geben Sie einen Namen oder ein Pseudonym an (bis 100 Zeichen)."),
            "reach" => Some("Bitte geben Sie eine Telefonnummer oder E-Mail-Adresse an, unter der die Kontaktstelle Sie erreicht."),
            "message" => Some("Die Nachricht darf höchstens 1.000 Zeichen lang sein."),
            "consent" => Some("Bitte stimmen Sie zu, dass die Kontaktstelle Ihre Angaben dafür speichert; ohne Zustimmung kann sie Sie nicht vermitteln."),
            "group_id" => Some("Diese Gruppe nimmt keine Anfragen mehr an. Die Kontaktstelle hilft Ihnen gern weiter."),
            "id" => Some("Die Anfrage war unvollständig. Bitte senden Sie sie noch einmal."),
            _ => None,
        })
        .collect();
    view! {
        <Title text="Bitte Angaben prüfen"/>
        <Meta name="robots" content="noindex"/>
        <h1>"Bitte prüfen Sie Ihre Angaben"</h1>
        <ul class="errors" role="alert">{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        <p>"Mit der Zurück-Taste Ihres Browsers kommen Sie zum ausgefüllten Formular zurück."</p>
        {back_link()}
    }
}
