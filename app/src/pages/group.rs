use super::not_found::{set_status, NotFound};
use crate::api::{load_group, GroupData};
use crate::components::{ContactRequestForm, LoadError, Loading};
use crate::format::short_date;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use wegweiser_core::domain::{Accepting, PublicContact, Status};

#[component]
pub fn GroupPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("slug").unwrap_or_default(),
        load_group,
    );
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(Some(d)) => view! { <GroupView data=d/> }.into_any(),
                    Ok(None) => view! { <NotFound/> }.into_any(),
                    Err(_) => {
                        set_status(500);
                        view! { <LoadError/> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn GroupView(data: GroupData) -> impl IntoView {
    let GroupData {
        group: g,
        topic_paths,
        office,
        as_of,
    } = data;
    let next = g.next_meeting_text(as_of);
    let status_note = match g.status {
        Status::Founding => Some("Diese Gruppe ist in Gründung und sucht Mitglieder."),
        Status::Paused => Some("Diese Gruppe pausiert zurzeit."),
        Status::Ended => Some("Diese Gruppe trifft sich nicht mehr."),
        Status::Active => None,
    };
    let accepting = match g.accepting_new_members {
        Accepting::Yes => "Ja, neue Mitglieder sind willkommen.",
        Accepting::OnRequest => "Nach Absprache – bitte vorher Kontakt aufnehmen.",
        Accepting::No => "Zurzeit nicht.",
    };
    let access = g.accessibility.features();
    let access_text = if access.is_empty() {
        "keine Angaben zur Barrierefreiheit".to_owned()
    } else {
        access.join(", ")
    };
    let languages = g
        .languages
        .iter()
        .map(|l| l.name())
        .collect::<Vec<_>>()
        .join(", ");
    let office_name = office.as_ref().map(|o| o.data.name.to_string());
    // Groups that still meet can be asked for through the office.
    let request_form = (g.status != Status::Ended).then(|| {
        view! { <ContactRequestForm group_id=g.id.0.to_string() slug=g.slug.as_str().to_owned() office=office_name.clone()/> }
    });
    let contact = match g.contact.clone() {
        PublicContact::Direct { person, phone, email, website } => view! {
            <ul class="contact-list">
                {person.map(|p| view! { <li>"Ansprechperson: " {p.to_string()}</li> })}
                {phone.map(|p| view! { <li>"Telefon: " <a href=format!("tel:{}", p.e164())>{p.to_string()}</a></li> })}
                {email.map(|e| view! { <li>"E-Mail: " <a href=format!("mailto:{e}")>{e.to_string()}</a></li> })}
                {website.map(|w| view! { <li>"Website: " <a href=w.to_string() rel="noopener noreferrer">{w.short().to_owned()}</a></li> })}
            </ul>
        }.into_any(),
        PublicContact::ViaOffice => view! {
            <p>"Der Kontakt läuft vertraulich über die Selbsthilfe-Kontaktstelle"
                {office_name.clone().map(|n| format!(" ({n})"))} "."</p>
        }.into_any(),
    };
    view! {
        <Title text=g.name.to_string()/>
        <Meta name="description" content=g.description.to_string()/>
        <nav class="breadcrumbs" aria-label="Themen dieser Gruppe">
            <ul>
                {topic_paths.into_iter().map(|path| view! {
                    <li>{path.into_iter().enumerate().map(|(i, t)| view! {
                        {(i > 0).then_some(" › ")}
                        <a href=format!("/themen/{}", t.slug)>{t.name}</a>
                    }).collect_view()}</li>
                }).collect_view()}
            </ul>
        </nav>
        <article class="group-detail">
            <h1>{g.name.to_string()}</h1>
            {(!g.alternate_names.is_empty()).then(|| view! {
                <p class="alt-names">"Auch: " {g.alternate_names.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")}</p>
            })}
            {status_note.map(|s| view! { <p class="notice">{s}</p> })}
            <p class="lead">{g.description.to_string()}</p>
            {g.details.as_ref().map(|d| view! {
                <div class="details">{d.as_str().split("\n\n").map(|p| view! { <p>{p.to_owned()}</p> }).collect_view()}</div>
            })}
            <dl class="facts">
                <dt>"Für wen"</dt>
                <dd>{g.audience.label()} {g.age_focus.map(|a| format!(", {}", a.label()))}</dd>
                <dt>"Wann"</dt>
                <dd>
                    <ul class="plain">
                        {g.rhythm().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                        {g.schedule_note.as_ref().map(|n| view! { <li>{n.to_string()}</li> })}
                    </ul>
                </dd>
                {next.map(|n| view! { <dt>"Nächstes Treffen"</dt><dd>{n}</dd> })}
                <dt>"Wo"</dt>
                <dd>{match g.location.clone() {
                    Some(loc) => match loc.address {
                        Some(addr) => view! {
                            {loc.name.map(|n| view! { {n.to_string()}<br/> })}
                            {addr.street.to_string()}<br/>
                            {addr.postal_code.as_str().to_owned()} " " {addr.city.to_string()} " (" {addr.district.to_string()} ")"
                            {loc.room_note.map(|r| view! { <br/>{r.to_string()} })}
                            <br/><a href=addr.osm_link() rel="noopener noreferrer">"Auf OpenStreetMap ansehen"</a>
                        }.into_any(),
                        None => view! {
                            {loc.district.to_string()} " – die genaue Adresse erhalten Sie über die Kontaktstelle."
                        }.into_any(),
                    },
                    None => view! { "online" }.into_any(),
                }}</dd>
                <dt>"Form"</dt>
                <dd>{g.format.label()}</dd>
                <dt>"Barrierefreiheit"</dt>
                <dd>{access_text} {g.accessibility.details.as_ref().map(|d| format!(" – {d}"))}</dd>
                <dt>"Sprachen"</dt>
                <dd>{languages}</dd>
                <dt>"Neue Mitglieder"</dt>
                <dd>{accepting}</dd>
            </dl>
            <section class="contact" aria-labelledby="kontakt">
                <h2 id="kontakt">"Kontakt"</h2>
                {contact}
                {office.map(|o| view! {
                    <p>"Selbsthilfe-Kontaktstelle: " {o.data.name.to_string()} ", "
                        <a href=format!("tel:{}", o.data.phone.e164())>{o.data.phone.to_string()}</a> ", "
                        <a href=format!("mailto:{}", o.data.email)>{o.data.email.to_string()}</a></p>
                })}
            </section>
            {request_form}
            {g.last_verified.map(|d| view! { <p class="verified">"Angaben zuletzt geprüft am " {short_date(d)} "."</p> })}
        </article>
    }
}
