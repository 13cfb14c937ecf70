use leptos::prelude::*;

/// Header, navigation, main region and footer of every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#inhalt">"Zum Inhalt springen"</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                " Wegweiser Selbsthilfe"
            </a>
            <nav aria-label="Hauptnavigation">
                <ul>
                    <li><a href="/suche">"Suche"</a></li>
                    <li><a href="/themen">"Themen"</a></li>
                    <li><a href="/a-z">"A–Z"</a></li>
                    <li><a href="/kontaktstellen">"Kontaktstellen"</a></li>
                </ul>
            </nav>
        </header>
        // Filled by /sw-client.js: online or not, the offline copy's
        // "Stand", a new version (docs/offline.md).
        <p id="verbindung" class="verbindung" role="status" hidden></p>
        <main id="inhalt" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <nav aria-label="Rechtliches">
                <ul>
                    <li><a href="/impressum">"Impressum"</a></li>
                    <li><a href="/datenschutz">"Datenschutz"</a></li>
                </ul>
            </nav>
            <p>"Keine Cookies, keine Tracker, keine Daten an Dritte."</p>
        </footer>
    }
}
