//! Wegweiser's user interface: server-rendered pages that work without
//! JavaScript and are hydrated when it is on.

pub mod api;
mod codec;
mod components;
mod format;
mod local;
mod pages;
pub mod staff;
#[cfg(feature = "ssr")]
pub mod state;

pub use wegweiser_core as core;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="de">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#1d4e5f"/>
                // Installable as an app (docs/offline.md); static, so in
                // the shell and not in the wasm bundle.
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                // Offline use: registers the service worker and shows the
                // connection and the offline copy's "Stand" (docs/offline.md).
                <script src="/sw-client.js" defer></script>
                <AutoReload options=options.clone()/>
                <HydrationScripts options=options.clone()/>
                <HashedStylesheet options id="leptos"/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|t: String| if t.is_empty() { "Wegweiser Selbsthilfe".to_owned() } else { format!("{t} – Wegweiser Selbsthilfe") }/>
        <Meta name="description" content="Selbsthilfegruppen finden: nach Thema, Stadtteil, Wochentag und Barrierefreiheit."/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            <components::Layout>
                <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::Home ssr=SsrMode::Async/>
                    <Route path=path!("/suche") view=pages::Results ssr=SsrMode::Async/>
                    <Route path=path!("/gruppe/:slug") view=pages::GroupPage ssr=SsrMode::Async/>
                    <Route path=path!("/a-z") view=pages::AToZ ssr=SsrMode::Async/>
                    <Route path=path!("/themen") view=pages::Topics ssr=SsrMode::Async/>
                    <Route path=path!("/themen/:slug") view=pages::TopicPage ssr=SsrMode::Async/>
                    <Route path=path!("/kontaktstellen") view=pages::Offices ssr=SsrMode::Async/>
                    <Route path=path!("/impressum") view=pages::Imprint/>
                    <Route path=path!("/datenschutz") view=pages::Privacy/>
                    <Route path=path!("/app-shell") view=pages::AppShell/>
                    <Route path=path!("/kontaktanfrage/gesendet") view=pages::ContactSent/>
                    <Route path=path!("/kontaktanfrage/gespeichert") view=pages::ContactQueued/>
                    <Route path=path!("/kontaktanfrage/pruefen") view=pages::ContactCheck/>
                    <Route path=path!("/mitarbeit") view=pages::StaffHome ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/anmelden") view=pages::StaffSignIn/>
                    <Route path=path!("/mitarbeit/gruppen") view=pages::StaffGroups ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/gruppe/neu") view=pages::StaffNewGroup ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/gruppe/:id") view=pages::StaffGroup ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/themen") view=pages::StaffTopics ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/thema/neu") view=pages::StaffNewTopic ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/thema/:id") view=pages::StaffTopic ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/kontaktstellen") view=pages::StaffOffices ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/kontaktstelle/neu") view=pages::StaffNewOffice ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/kontaktstelle/:id") view=pages::StaffOffice ssr=SsrMode::Async/>
                    <Route path=path!("/mitarbeit/konflikte") view=pages::StaffConflicts ssr=SsrMode::Async/>
                </Routes>
            </components::Layout>
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Offline, the service worker answers every address with the shell
    // page; render the address asked for instead of hydrating the shell.
    let doc = leptos::prelude::document();
    let staff_page = doc
        .location()
        .and_then(|l| l.pathname().ok())
        .is_some_and(|p| p == "/mitarbeit" || p.starts_with("/mitarbeit/"));
    if staff_page && doc.get_element_by_id("app-shell").is_none() {
        // Staff pages are plain forms, rendered by the server only
        // (pages/staff_offline.rs): nothing to hydrate.
    } else if doc.get_element_by_id("app-shell").is_some() {
        if let Some(body) = doc.body() {
            body.set_inner_html("");
        }
        leptos::mount::mount_to_body(App);
    } else {
        leptos::mount::hydrate_body(App);
    }
    // A marker for tests and styles: the page is interactive now.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
