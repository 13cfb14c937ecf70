use leptos::prelude::*;
use leptos_router::components::Form;

/// The search field: a plain GET form to /suche, so it works without
/// JavaScript; with JavaScript the router handles it without a reload.
#[component]
pub fn SearchBox(#[prop(into)] value: String, #[prop(optional)] autofocus: bool) -> impl IntoView {
    view! {
        <Form action="/suche" attr:class="search-box" attr:role="search">
            <label for="q">"Wonach suchen Sie?"</label>
            <div class="search-row">
                <input
                    id="q"
                    type="search"
                    name="q"
                    value=value
                    placeholder="z. B. Trauer, Sucht, Alleinerziehend"
                    autocomplete="off"
                    enterkeyhint="search"
                    autofocus=autofocus
                />
                <button type="submit">"Suchen"</button>
            </div>
        </Form>
    }
}
