use crate::api::load_a_to_z;
use crate::components::{LoadError, Loading};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AToZ() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_a_to_z());
    view! {
        <Title text="Gruppen von A bis Z"/>
        <h1>"Gruppen von A bis Z"</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(letters) => {
                        let index = letters.iter().map(|(c, _)| view! {
                            <li><a href=format!("#buchstabe-{c}")>{c.to_string()}</a></li>
                        }).collect_view();
                        view! {
                            <nav aria-label="Buchstaben"><ul class="letters">{index}</ul></nav>
                            {letters.into_iter().map(|(c, groups)| view! {
                                <section class="letter" aria-labelledby=format!("buchstabe-{c}")>
                                    <h2 id=format!("buchstabe-{c}")>{c.to_string()}</h2>
                                    <ul class="az-list">
                                        {groups.into_iter().map(|g| view! {
                                            <li>
                                                <a href=format!("/gruppe/{}", g.slug)>{g.name.to_string()}</a>
                                                {g.district().map(|d| view! { <span class="district">{d.to_string()}</span> })}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </section>
                            }).collect_view()}
                        }.into_any()
                    }
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
