use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the HTTP status of the server-rendered response.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(code) {
            resp.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_status(404);
    view! {
        <Title text="Seite nicht gefunden"/>
        <h1>"Seite nicht gefunden"</h1>
        <p>"Diese Seite gibt es nicht (mehr). Vielleicht hilft die Suche weiter:"</p>
        <crate::components::SearchBox value=""/>
        <p><a href="/">"Zur Startseite"</a></p>
    }
}
