use super::not_found::NotFound;
use crate::api::{load_topic, load_topic_tree, TopicBranch, TopicData};
use crate::components::{GroupCards, LoadError, Loading};
use crate::format::groups;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn Topics() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_topic_tree());
    view! {
        <Title text="Themen"/>
        <h1>"Themen"</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(tree) => view! {
                        <ul class="topic-tree">
                            {tree.into_iter().map(|TopicBranch { topic: t, children }| view! {
                                <li>
                                    <a href=format!("/themen/{}", t.topic.slug)>{t.topic.name}</a>
                                    " " <span class="count">"(" {groups(t.groups)} ")"</span>
                                    {(!children.is_empty()).then(|| view! {
                                        <ul>
                                            {children.into_iter().map(|c| view! {
                                                <li><a href=format!("/themen/{}", c.topic.slug)>{c.topic.name}</a>
                                                " " <span class="count">"(" {groups(c.groups)} ")"</span></li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn TopicPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_topic,
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(d)) => view! { <TopicView data=d/> }.into_any(),
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TopicView(data: TopicData) -> impl IntoView {
    let TopicData {
        topic,
        description,
        synonyms,
        path,
        children,
        groups: list,
        as_of,
    } = data;
    let count = list.len();
    view! {
        <Title text=topic.name.clone()/>
        <nav class="breadcrumbs" aria-label="Themenpfad">
            <ul><li>
                <a href="/themen">"Themen"</a>
                {path.into_iter().map(|t| view! { " › " <a href=format!("/themen/{}", t.slug)>{t.name}</a> }).collect_view()}
            </li></ul>
        </nav>
        <h1>{topic.name.clone()}</h1>
        {description.map(|d| view! { <p class="lead">{d}</p> })}
        {(!synonyms.is_empty()).then(|| view! { <p class="synonyms">"Auch gesucht als: " {synonyms.join(", ")}</p> })}
        {(!children.is_empty()).then(|| view! {
            <ul class="subtopics">
                {children.into_iter().map(|c| view! {
                    <li><a href=format!("/themen/{}", c.topic.slug)>{c.topic.name}</a> " (" {groups(c.groups)} ")"</li>
                }).collect_view()}
            </ul>
        })}
        <p class="result-count">{groups(count)} " zum Thema " {topic.name}</p>
        <GroupCards groups=list as_of=Some(as_of) heading=2/>
    }
}
