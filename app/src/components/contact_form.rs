use leptos::prelude::*;

/// The contact request (Kontaktanfrage) on a group's page: the visitor asks
/// the office to put them in touch. A plain form posted to
/// `/kontaktanfrage`, so it works without JavaScript; without a
/// connection the service worker keeps it and sends it later
/// (docs/offline.md). Field names are those of `ContactForm`.
#[component]
pub fn ContactRequestForm(group_id: String, slug: String, office: Option<String>) -> impl IntoView {
    view! {
        <section class="contact-request" aria-labelledby="anfrage">
            <h2 id="anfrage">"Kontakt über die Kontaktstelle aufnehmen"</h2>
            <p>"Die Selbsthilfe-Kontaktstelle" {office.map(|o| format!(" ({o})"))}
               " meldet sich bei Ihnen und bringt Sie mit der Gruppe in Kontakt. Ohne Verbindung wird die Anfrage auf diesem Gerät gespeichert und gesendet, sobald Sie wieder online sind."</p>
            <form method="post" action="/kontaktanfrage" class="contact-form">
                <input type="hidden" name="id" value=request_id()/>
                <input type="hidden" name="group_id" value=group_id/>
                <input type="hidden" name="slug" value=slug/>
                <div class="field">
                    <label for="k-name">"Name oder Pseudonym"</label>
                    <input id="k-name" name="name" required maxlength="100" autocomplete="name"/>
                </div>
                <div class="field">
                    <label for="k-reach">"Telefon oder E-Mail"</label>
                    <input id="k-reach" name="reach" required maxlength="254" autocomplete="off" aria-describedby="k-reach-hint"/>
                    <p id="k-reach-hint" class="hint">"Wie die Kontaktstelle Sie erreicht."</p>
                </div>
                <div class="field">
                    <label for="k-message">"Nachricht (freiwillig)"</label>
                    <textarea id="k-message" name="message" rows="4" maxlength="1000"></textarea>
                </div>
                <label class="consent">
                    <input type="checkbox" name="consent" value="ja" required/>
                    " Ich bin einverstanden, dass die Kontaktstelle meine Angaben speichert, um mich mit der Gruppe in Kontakt zu bringen ("
                    <a href="/datenschutz">"Datenschutz"</a> ")."
                </label>
                <button type="submit">"Anfrage senden"</button>
            </form>
        </section>
    }
}

/// The request's id, its idempotency key: chosen when the server renders
/// the form, so sending it twice (a lost answer, a double click) stores
/// one request. A form rendered in the browser has none; the service
/// worker gives it one.
pub(crate) fn request_id() -> String {
    #[cfg(feature = "ssr")]
    return uuid::Uuid::new_v4().to_string();
    #[cfg(not(feature = "ssr"))]
    String::new()
}
