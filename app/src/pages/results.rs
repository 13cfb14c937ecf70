use crate::api::{load_search, results_data, Facets, ResultsData};
use crate::components::{canonical_redirect, GroupCard, LoadError, Loading, OfficeHelp, QueryForm};
use crate::local::LocalDirectory;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use wegweiser_core::directory::{FormatFilter, Query};
use wegweiser_core::domain::{Audience, Language, Weekday};

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
    let local = expect_context::<LocalDirectory>();
    Effect::new(move |_| local.ensure_loaded());
    view! {
        <Title text=move || {
            let q = query.get();
            if q.q.is_empty() { "Suche".to_owned() } else { format!("Suche: {}", q.q) }
        }/>
        <h1>"Gruppen suchen"</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <LiveResults initial=d local/> }.into_any(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The form and the results. The server's results are shown first; once
/// the browser holds the directory, typing searches it locally and only the
/// list below the form changes, so the field keeps focus and nothing jumps.
#[component]
fn LiveResults(initial: ResultsData, local: LocalDirectory) -> impl IntoView {
    let query = initial.result.query.clone();
    let typed = RwSignal::new(query.q.clone());
    let facets = initial.facets.clone();
    let shown = {
        let query = query.clone();
        move || {
            let text = typed.get();
            match local.get() {
                Some(dir) if text != query.q => {
                    let q = Query {
                        q: text,
                        page: 1,
                        ..query.clone()
                    };
                    results_data(&dir, &q, crate::local::now())
                }
                _ => initial.clone(),
            }
        }
    };
    let on_input = {
        let query = query.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let canonical = Query {
                q: text.trim().to_owned(),
                page: 1,
                ..query.clone()
            };
            crate::local::replace_url(&format!("/suche{}", canonical.to_query_string()));
            typed.set(text);
        }
    };
    view! {
        <FilterForm query=query facets on_input/>
        {move || view! { <ResultsView data=shown()/> }}
    }
}

#[component]
fn ResultsView(data: ResultsData) -> impl IntoView {
    let ResultsData {
        result,
        facets,
        offices,
        as_of,
    } = data;
    let q = result.query.clone();
    let summary = match (result.total, q.q.is_empty()) {
        (0, _) => "Keine Gruppe gefunden".to_owned(),
        (n, true) => crate::format::groups(n),
        (n, false) if result.complete == n || result.complete == 0 => {
            format!("{} für „{}“", crate::format::groups(n), q.q)
        }
        (n, false) => format!(
            "{} für „{}“, davon {} mit allen Suchwörtern",
            crate::format::groups(n),
            q.q,
            result.complete
        ),
    };
    let pager = (result.pages > 1).then(|| {
        let prev = (result.page > 1)
            .then(|| format!("/suche{}", q.with_page(result.page - 1).to_query_string()));
        let next = (result.page < result.pages)
            .then(|| format!("/suche{}", q.with_page(result.page + 1).to_query_string()));
        view! {
            <nav class="pager" aria-label="Seiten">
                {prev.map(|h| view! { <a href=h rel="prev">"← Vorherige"</a> })}
                <span>"Seite " {result.page} " von " {result.pages}</span>
                {next.map(|h| view! { <a href=h rel="next">"Nächste →"</a> })}
            </nav>
        }
    });
    let empty = result.total == 0;
    let suggestions = result.suggestions.clone();
    let help_office = offices.first().cloned();
    view! {
        <p class="result-count" role="status" aria-live="polite">{summary}</p>
        {(!suggestions.is_empty()).then(|| view! {
            <div class="suggestions">
                <p>"Meinten Sie: "
                    {suggestions.into_iter().enumerate().map(|(i, t)| view! {
                        {(i > 0).then_some(", ")}
                        <a href=format!("/themen/{}", t.slug)>{t.name}</a>
                    }).collect_view()}
                    "?"
                </p>
            </div>
        })}
        {empty.then(|| view! {
            <div class="zero-help">
                <p>"Tipps: Versuchen Sie ein anderes Wort (z. B. „Sucht“ statt „Abhängigkeit“), entfernen Sie Filter oder stöbern Sie in den "
                    <a href="/themen">"Themen"</a> " und in den " <a href="/suche?founding=1">"Gruppen in Gründung"</a> "."</p>
            </div>
        })}
        <div class="cards">
            {result.items.into_iter().map(|g| view! {
                <GroupCard group=g query=q.q.clone() facets=Some(facets.clone()) as_of=Some(as_of) heading=2/>
            }).collect_view()}
        </div>
        {pager}
        {(result.total < 3).then(|| view! { <OfficeHelp office=help_office/> })}
    }
}

/// Text and filters as one GET form: the URL holds the whole search.
#[component]
fn FilterForm(
    query: Query,
    facets: Facets,
    on_input: impl FnMut(leptos::ev::Event) + Send + 'static,
) -> impl IntoView {
    let Facets { topics, districts } = facets;
    let q = query.clone();
    view! {
        <QueryForm class="filters">
            <div class="field field-q">
                <label for="q">"Suchbegriff"</label>
                <input id="q" type="search" name="q" value=q.q.clone() placeholder="z. B. Trauer, Sucht, Demenz" autocomplete="off" enterkeyhint="search" on:input=on_input/>
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
