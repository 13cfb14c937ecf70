use crate::api::load_offices;
use crate::components::{LoadError, Loading, OfficeCard};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Offices() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_offices());
    view! {
        <Title text="Kontaktstellen"/>
        <h1>"Selbsthilfe-Kontaktstellen"</h1>
        <p>"Die Kontaktstellen beraten vertraulich und kostenlos, vermitteln in Gruppen und helfen bei der Gründung neuer Gruppen."</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! {
                        <div class="cards">
                            {list.into_iter().map(|o| view! { <OfficeCard office=o/> }).collect_view()}
                        </div>
                    }.into_any(),
                    Err(_) => view! { <LoadError/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
