use leptos::prelude::*;
use time::PrimitiveDateTime;
use wegweiser_core::domain::PublicGroup;
pub use wegweiser_core::views::cards::{cards_html, CardStyle};

/// A static list of groups (see [`cards_html`]).
#[component]
pub fn GroupCards(
    groups: Vec<PublicGroup>,
    as_of: Option<PrimitiveDateTime>,
    #[prop(default = 3)] heading: u8,
) -> impl IntoView {
    let style = CardStyle {
        query: "",
        topics: None,
        as_of,
        heading,
    };
    view! { <div class="cards" inner_html=cards_html(&groups, &style)></div> }
}
