use leptos::prelude::*;
use wegweiser_core::domain::Office;

/// A contact office with address, phone, e-mail and opening hours.
#[component]
pub fn OfficeCard(office: Office, #[prop(optional)] heading_level: u8) -> impl IntoView {
    let o = office.data;
    let name = o.name.to_string();
    let heading = if heading_level == 3 {
        view! { <h3>{name}</h3> }.into_any()
    } else {
        view! { <h2>{name}</h2> }.into_any()
    };
    let hours = o.hours_by_day();
    view! {
        <section class="office-card">
            {heading}
            <p class="address">{o.address.street.to_string()}<br/>{o.address.postal_code.as_str().to_owned()} " " {o.address.city.to_string()}</p>
            <p>
                "Telefon: " <a href=format!("tel:{}", o.phone.e164())>{o.phone.to_string()}</a><br/>
                "E-Mail: " <a href=format!("mailto:{}", o.email)>{o.email.to_string()}</a>
            </p>
            <p class="hours-title">"Öffnungszeiten"</p>
            <dl class="hours">
                {hours.into_iter().map(|(day, text)| view! { <dt>{day.name()}</dt><dd>{text} " Uhr"</dd> }).collect_view()}
            </dl>
            {o.hours_note.map(|n| view! { <p class="note">{n.to_string()}</p> })}
            <p class="area">"Zuständig für: " {o.area_served.to_string()}</p>
        </section>
    }
}

/// "We help you find or start a group": the office's phone, shown where a
/// search found little.
#[component]
pub fn OfficeHelp(office: Option<Office>) -> impl IntoView {
    office.map(|o| {
        view! {
            <aside class="office-help">
                <h2>"Wir helfen Ihnen weiter"</h2>
                <p>
                    "Wir helfen Ihnen, eine Gruppe zu finden oder zu gründen. Rufen Sie uns an: "
                    <a href=format!("tel:{}", o.data.phone.e164())>{o.data.phone.to_string()}</a>
                    " (" {o.data.name.to_string()} ")"
                </p>
            </aside>
        }
    })
}
