use leptos::prelude::*;
use wegweiser_core::directory::Query;

/// A search form that always leads to the canonical results URL
/// (`/suche?q=…&day=tu`, no empty fields). Without JavaScript it is a plain
/// GET form and the server redirects to the canonical URL; with JavaScript
/// the router navigates there without a reload.
#[component]
pub fn QueryForm(#[prop(into)] class: String, children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    let on_submit = {
        let navigate = leptos_router::hooks::use_navigate();
        move |ev: leptos::ev::SubmitEvent| {
            use wasm_bindgen::JsCast;
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let Ok(data) = web_sys::FormData::new_with_form(&form) else {
                return;
            };
            ev.prevent_default();
            let pairs: Vec<(&str, String)> = Query::KEYS
                .iter()
                .filter_map(|k| data.get(k).as_string().map(|v| (*k, v)))
                .collect();
            let query = Query::parse_lenient(pairs.iter().map(|(k, v)| (*k, v.as_str())));
            navigate(
                &format!("/suche{}", query.to_query_string()),
                Default::default(),
            );
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let on_submit = |_: leptos::ev::SubmitEvent| {};
    view! {
        <form action="/suche" method="get" class=class role="search" on:submit=on_submit>
            {children()}
        </form>
    }
}

/// Pages and links use canonical query strings; anything else (a GET form
/// without JavaScript sends every empty field) is redirected to it.
pub fn canonical_redirect(query: &Query) {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<http::request::Parts>() {
        let raw = parts
            .uri
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        let canonical = query.to_query_string();
        if raw != canonical {
            leptos_axum::redirect(&format!("/suche{canonical}"));
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = query;
}
