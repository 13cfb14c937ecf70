use crate::api::{load_search, Facets, ResultsData};
use crate::components::{canonical_redirect, CardStyle, LoadError, Loading, OfficeHelp, QueryForm};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use wegweiser_core::directory::{FormatFilter, Query};
use wegweiser_core::domain::Office;
use wegweiser_core::domain::{Audience, Language, Weekday};
use wegweiser_core::views::Found;

#[component]
pub fn Results() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let map = params.read();
        let pairs: Vec<(String, String)> = Query::KEYS
            .iter()
            .filter_map(|k| map.get(k).map(|v| ((*k).to_owned(), v)))
            .collect();
        Query::parse_lenient(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    });
    canonical_redirect(&query.get_untracked());
    let data = Resource::new(move || query.get(), load_search);
    view! {
        <Title text=move || {
            let q = query.get();
            if q.q.is_empty() { "Suche".to_owned() } else { format!("Suche: {}", q.q) }
        }/>
        <h1>"Gruppen suchen"</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <LiveResults initial=d/> }.into_any(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The form and the results. The server's results are shown first; while
/// the visitor types, each change asks the browser's replica (the server
/// when there is none yet, `local::find`), and only the list below the
/// form changes, so the field
/// keeps focus and nothing jumps. An answer to an older keystroke that
/// arrives late is dropped.
#[component]
fn LiveResults(initial: ResultsData) -> impl IntoView {
    let ResultsData {
        result: first,
        facets,
        offices,
        as_of,
    } = initial;
    let query = first.query.clone();
    let first = Found::new(
        first,
        &CardStyle {
            query: &query.q,
            topics: Some(&facets),
            as_of: Some(as_of),
            heading: 2,
        },
    );
    let result = RwSignal::new(first);
    let asked = StoredValue::new(0u32);
    let url = crate::local::UrlFollower::new();
    let on_input = {
        let query = query.clone();
        move |ev: leptos::ev::Event| {
            let wanted = Query {
                q: event_target_value(&ev).trim().to_owned(),
                page: 1,
                ..query.clone()
            };
            url.show_later(format!("/suche{}", wanted.to_query_string()));
            let n = asked.get_value().wrapping_add(1);
            asked.set_value(n);
            if let Some(found) = crate::local::find_now(&wanted) {
                result.set(found);
                return;
            }
            leptos::task::spawn_local(async move {
                if let Some(found) = crate::local::find(wanted).await {
                    if asked.get_value() == n {
                        result.set(found);
                    }
                }
            });
        }
    };
    view! {
        <FilterForm query=query facets=facets.clone() on_input on_blur=move |_| url.flush()/>
        <ResultsView result=result.read_only() office=offices.into_iter().next()/>
    }
}

#[component]
fn ResultsView(
    result: ReadSignal<Found>,
    /// The office to call when little or nothing is found.
    office: Option<Office>,
) -> impl IntoView {
    let summary = move || {
        let r = result.read();
        let q = &r.query.q;
        match (r.total, q.is_empty()) {
            (0, _) => "Keine Gruppe gefunden".to_owned(),
            (n, true) => crate::format::groups(n),
            (n, false) if r.complete == n || r.complete == 0 => {
                format!("{} für „{}“", crate::format::groups(n), q)
            }
            (n, false) => format!(
                "{} für „{}“, davon {} mit allen Suchwörtern",
                crate::format::groups(n),
                q,
                r.complete
            ),
        }
    };
    let suggestions = move || {
        let suggestions = result.read().suggestions.clone();
        (!suggestions.is_empty()).then(|| {
            view! {
                <div class="suggestions">
                    <p>"Meinten Sie: "
                        {suggestions.into_iter().enumerate().map(|(i, t)| view! {
                            {(i > 0).then_some(", ")}
                            <a href=format!("/themen/{}", t.slug)>{t.name}</a>
                        }).collect_view()}
                        "?"
                    </p>
                </div>
            }
        })
    };
    let pager = move || {
        let r = result.read();
        let q = &r.query;
        (r.pages > 1).then(|| {
            let prev = (r.page > 1)
                .then(|| format!("/suche{}", q.with_page(r.page - 1).to_query_string()));
            let next = (r.page < r.pages)
                .then(|| format!("/suche{}", q.with_page(r.page + 1).to_query_string()));
            view! {
                <nav class="pager" aria-label="Seiten">
                    {prev.map(|h| view! { <a href=h rel="prev">"← Vorherige"</a> })}
                    <span>"Seite " {r.page} " von " {r.pages}</span>
                    {next.map(|h| view! { <a href=h rel="next">"Nächste →"</a> })}
                </nav>
            }
        })
    };
    view! {
        <p class="result-count" role="status" aria-live="polite">{summary}</p>
        {suggestions}
        {move || (result.read().total == 0).then(|| view! {
            <div class="zero-help">
                <p>"Tipps: Versuchen Sie ein anderes Wort (z. B. „Sucht“ statt „Abhängigkeit“), entfernen Sie Filter oder stöbern Sie in den "
                    <a href="/themen">"Themen"</a> " und in den " <a href="/suche?founding=1">"Gruppen in Gründung"</a> "."</p>
            </div>
        })}
        <div class="cards" inner_html=move || result.read().cards.clone()></div>
        {pager}
        {move || (result.read().total < 3).then(|| view! { <OfficeHelp office=office.clone()/> })}
    }
}

/// Text and filters as one GET form: the URL holds the whole search.
#[component]
fn FilterForm(
    query: Query,
    facets: Facets,
    on_input: impl FnMut(leptos::ev::Event) + Send + 'static,
    on_blur: impl FnMut(leptos::ev::FocusEvent) + Send + 'static,
) -> impl IntoView {
    let Facets { topics, districts } = facets;
    let q = query.clone();
    view! {
        <QueryForm class="filters">
            <div class="field field-q">
                <label for="q">"Suchbegriff"</label>
                <input id="q" type="search" name="q" value=q.q.clone() placeholder="z. B. Trauer, Sucht, Demenz" autocomplete="off" enterkeyhint="search" on:input=on_input on:blur=on_blur/>
            </div>
            <details class="filter-details" open=query.topic.is_some() || query.district.is_some() || query.day.is_some() || query.language.is_some() || query.audience.is_some() || query.format.is_some() || query.step_free || query.new_members || query.founding>
                <summary>"Filter"</summary>
                <div class="filter-grid">
                    <SelectField id="f-topic" name="topic" label="Thema" any="alle Themen" selected=q.topic.clone()
                        options=topics.into_iter().map(|t| (t.slug, t.name)).collect()/>
                    <SelectField id="f-district" name="district" label="Stadtteil" any="alle Stadtteile" selected=q.district.clone()
                        options=districts.into_iter().map(|d| (d.clone(), d)).collect()/>
                    <SelectField id="f-day" name="day" label="Wochentag" any="jeder Tag" selected=q.day.map(|d| d.key().to_owned())
                        options=Weekday::ALL.into_iter().map(|d| (d.key().to_owned(), d.name().to_owned())).collect()/>
                    <SelectField id="f-language" name="language" label="Sprache" any="alle Sprachen" selected=q.language.map(|l| l.code().to_owned())
                        options=Language::all().map(|l| (l.code().to_owned(), l.name().to_owned())).collect()/>
                    <SelectField id="f-audience" name="audience" label="Für wen" any="alle" selected=q.audience.map(|a| a.key().to_owned())
                        options=vec![(Audience::Affected.key().to_owned(), "für Betroffene".to_owned()), (Audience::Relatives.key().to_owned(), "für Angehörige".to_owned())]/>
                    <SelectField id="f-format" name="format" label="Form" any="vor Ort und online" selected=q.format.map(|f| f.key().to_owned())
                        options=[FormatFilter::InPerson, FormatFilter::Online].into_iter().map(|f| (f.key().to_owned(), f.label().to_owned())).collect()/>
                </div>
                <fieldset class="checks">
                    <legend>"Nur Gruppen, die …"</legend>
                    <label><input type="checkbox" name="step_free" value="1" checked=q.step_free/>" barrierefrei erreichbar sind"</label>
                    <label><input type="checkbox" name="new_members" value="1" checked=q.new_members/>" neue Mitglieder aufnehmen"</label>
                    <label><input type="checkbox" name="founding" value="1" checked=q.founding/>" sich gerade gründen"</label>
                </fieldset>
            </details>
            <div class="actions">
                <button type="submit">"Suchen"</button>
                {(!query.is_empty()).then(|| view! { <a class="reset" href="/suche">"Alles zurücksetzen"</a> })}
            </div>
        </QueryForm>
    }
}

/// A labelled choice with an "any" first option; `selected` is the value
/// from the URL.
#[component]
fn SelectField(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    any: &'static str,
    options: Vec<(String, String)>,
    selected: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="">{any}</option>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let sel = (selected.as_deref() == Some(value.as_str())).then_some("");
                        view! { <option value=value selected=sel>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
