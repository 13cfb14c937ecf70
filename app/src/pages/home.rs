use crate::api::load_home;
use crate::components::{GroupCards, LoadError, Loading, OfficeCard, SearchBox};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Home() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_home());
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>"Selbsthilfegruppen finden"</h1>
            <p class="lead">"Menschen mit dem gleichen Anliegen treffen – vertraulich, kostenlos, in Ihrer Nähe."</p>
            <SearchBox value=""/>
        </section>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! {
                        <section aria-labelledby="themen-titel">
                            <h2 id="themen-titel">"Themen"</h2>
                            <ul class="topic-grid">
                                {d.topics.into_iter().map(|t| view! {
                                    <li><a href=format!("/themen/{}", t.topic.slug)>{t.topic.name}<span class="count">{crate::format::groups(t.groups)}</span></a></li>
                                }).collect_view()}
                            </ul>
                            <p><a href="/themen">"Alle Themen"</a> " · " <a href="/a-z">"Alle " {d.total} " Gruppen von A bis Z"</a></p>
                        </section>
                        <section aria-labelledby="neu-titel">
                            <h2 id="neu-titel">"Neue Gruppen in Gründung"</h2>
                            <p>"Diese Gruppen suchen gerade Mitglieder, die von Anfang an dabei sind."</p>
                            <GroupCards groups=d.founding as_of=None/>
                            <p><a href="/suche?founding=1">"Alle Gruppen in Gründung"</a></p>
                        </section>
                        <section aria-labelledby="kontakt-titel">
                            <h2 id="kontakt-titel">"Kontakt zur Selbsthilfe-Kontaktstelle"</h2>
                            <p>"Sie finden keine passende Gruppe oder möchten selbst eine gründen? Wir beraten Sie vertraulich und kostenlos."</p>
                            <div class="cards">
                                {d.offices.into_iter().map(|o| view! { <OfficeCard office=o heading_level=3/> }).collect_view()}
                            </div>
                        </section>
                    }.into_any(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
