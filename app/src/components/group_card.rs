use crate::api::Facets;
use leptos::prelude::*;
use std::sync::Arc;
use time::PrimitiveDateTime;
use wegweiser_core::domain::{Accepting, PublicGroup, Status};
use wegweiser_core::search::Highlighter;

/// Text with the words that matched the search marked.
#[component]
pub fn Highlighted(#[prop(into)] text: String, highlighter: Arc<Highlighter>) -> impl IntoView {
    highlighter
        .runs(&text)
        .into_iter()
        .map(|(run, hit)| {
            if hit {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// One group in a list.
#[component]
pub fn GroupCard(
    group: PublicGroup,
    /// The search that found the group, to mark what matched.
    #[prop(optional, into)]
    query: String,
    facets: Option<Facets>,
    as_of: Option<PrimitiveDateTime>,
    /// 2 where the card sits right under the page's h1, 3 under an h2.
    #[prop(default = 3)]
    heading: u8,
) -> impl IntoView {
    let href = format!("/gruppe/{}", group.slug);
    let highlighter = Arc::new(Highlighter::new(&query));
    let topic_names: Vec<String> = facets
        .map(|f| {
            group
                .topics
                .iter()
                .filter_map(|id| {
                    f.topics
                        .iter()
                        .find(|t| t.id == *id)
                        .map(|t| t.name.clone())
                })
                .collect()
        })
        .unwrap_or_default();
    let rhythm = group
        .rhythm()
        .into_iter()
        .next()
        .or_else(|| group.schedule_note.as_ref().map(|n| n.to_string()));
    let next = as_of.and_then(|now| group.next_meeting_text(now));
    let district = group.district().map(|d| d.to_string());
    let status = match group.status {
        Status::Founding => Some(("badge badge-new", "in Gründung")),
        Status::Paused => Some(("badge badge-muted", "pausiert")),
        _ => None,
    };
    let accepting = match (group.status, group.accepting_new_members) {
        (Status::Active, Accepting::Yes) => Some("nimmt neue Mitglieder auf"),
        (Status::Active, Accepting::OnRequest) => Some("neue Mitglieder nach Absprache"),
        _ => None,
    };
    view! {
        <article class="group-card">
            {
                let link = view! { <a href=href><Highlighted text=group.name.to_string() highlighter=highlighter.clone()/></a> };
                if heading == 2 { view! { <h2 class="card-title">{link}</h2> }.into_any() } else { view! { <h3 class="card-title">{link}</h3> }.into_any() }
            }
            <p class="meta">
                {district.map(|d| view! { <span class="district">{d}</span> })}
                {(!topic_names.is_empty()).then(|| view! { <span class="topics">{topic_names.join(", ")}</span> })}
            </p>
            <p class="description"><Highlighted text=group.description.to_string() highlighter/></p>
            {rhythm.map(|r| view! { <p class="rhythm">{r}</p> })}
            {next.map(|n| view! { <p class="next">"Nächstes Treffen: " {n}</p> })}
            <ul class="badges">
                {status.map(|(class, label)| view! { <li class=class>{label}</li> })}
                {accepting.map(|a| view! { <li class="badge badge-ok">{a}</li> })}
                {group.accessibility.step_free.then(|| view! { <li class="badge">"barrierefrei"</li> })}
                {(group.format != wegweiser_core::domain::Format::InPerson).then(|| view! { <li class="badge">{group.format.label()}</li> })}
            </ul>
        </article>
    }
}
