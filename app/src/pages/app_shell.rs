use leptos::prelude::*;
use leptos_meta::Meta;

/// The page the service worker answers every navigation with when there is
/// no connection (docs/offline.md). The marker `#app-shell` makes
/// `hydrate()` render the address actually asked for, from the replica,
/// instead of hydrating this placeholder.
#[component]
pub fn AppShell() -> impl IntoView {
    view! {
        <Meta name="robots" content="noindex"/>
        <div id="app-shell">
            <p>"Wird geladen …"</p>
        </div>
    }
}
