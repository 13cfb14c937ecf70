use super::QueryForm;
use leptos::prelude::*;

/// The search field on the home and 404 pages.
#[component]
pub fn SearchBox(#[prop(into)] value: String, #[prop(optional)] autofocus: bool) -> impl IntoView {
    view! {
        <QueryForm class="search-box">
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
        </QueryForm>
    }
}
