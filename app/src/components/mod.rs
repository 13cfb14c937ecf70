//! Reusable pieces of the pages.

mod contact_form;
mod group_card;
mod layout;
mod office_card;
mod query_form;
mod search_box;

#[cfg(feature = "ssr")]
pub(crate) use contact_form::request_id;
pub use contact_form::ContactRequestForm;
pub use group_card::{CardStyle, GroupCards};
pub use layout::Layout;
pub use office_card::{OfficeCard, OfficeHelp};
pub use query_form::{canonical_redirect, QueryForm};
pub use search_box::SearchBox;

use leptos::prelude::*;

/// What to show while data loads (only seen during client navigation).
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Wird geladen …"</p> }
}

/// A failed load: say so plainly and offer the way back.
#[component]
pub fn LoadError() -> impl IntoView {
    view! {
        <div class="notice" role="alert">
            <p>"Die Daten konnten gerade nicht geladen werden. Bitte versuchen Sie es gleich noch einmal."</p>
            <p><a href="/">"Zur Startseite"</a></p>
        </div>
    }
}
