use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Imprint() -> impl IntoView {
    view! {
        <Title text="Impressum"/>
        <h1>"Impressum"</h1>
        <p>"Angaben gemäß § 5 DDG. Dies ist eine Demonstrationsinstallation mit erfundenen Daten; die Angaben der betreibenden Kontaktstelle werden bei der Einrichtung hier eingetragen."</p>
        <h2>"Anbieter"</h2>
        <p>"Selbsthilfe-Kontaktstelle Musterstadt (Beispiel)" <br/> "Musterweg 1" <br/> "12345 Musterstadt"</p>
        <h2>"Kontakt"</h2>
        <p>"E-Mail: " <a href="mailto:info@example.org">"info@example.org"</a></p>
        <h2>"Verantwortlich für den Inhalt"</h2>
        <p>"Die Leitung der Kontaktstelle (Anschrift wie oben)."</p>
    }
}

#[component]
pub fn Privacy() -> impl IntoView {
    view! {
        <Title text="Datenschutz"/>
        <h1>"Datenschutz"</h1>
        <p>"Wer eine Selbsthilfegruppe sucht, sucht oft zu sehr persönlichen Themen. Deshalb ist dieses Verzeichnis so gebaut, dass es möglichst wenig über Sie erfährt."</p>
        <h2>"Was wir nicht tun"</h2>
        <ul>
            <li>"Wir setzen keine Cookies für Besucherinnen und Besucher."</li>
            <li>"Wir verwenden keine Tracker, keine Analysewerkzeuge und keine Werbung."</li>
            <li>"Diese Seiten laden nichts von fremden Servern: keine Schriften, keine Karten, keine Skripte Dritter."</li>
            <li>"Ihre Suchbegriffe werden nicht gespeichert und nicht ausgewertet."</li>
        </ul>
        <h2>"Was technisch nötig ist"</h2>
        <p>"Beim Aufruf einer Seite verarbeitet der Server die IP-Adresse, um die Seite auszuliefern. Sie wird nicht dauerhaft gespeichert."</p>
        <h2>"Links zu OpenStreetMap"</h2>
        <p>"Bei Gruppen mit veröffentlichter Adresse gibt es einen Link zu OpenStreetMap. Erst wenn Sie ihm folgen, wird eine Verbindung zu OpenStreetMap hergestellt."</p>
        <h2>"Kontaktdaten der Gruppen"</h2>
        <p>"Kontaktdaten von Gruppen zeigen wir nur, wenn die Gruppe der Veröffentlichung zugestimmt hat. Sonst vermittelt die Kontaktstelle vertraulich."</p>
        <h2>"Ihre Rechte"</h2>
        <p>"Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Beschwerde bei einer Datenschutz-Aufsichtsbehörde. Wenden Sie sich dazu an die im Impressum genannte Stelle."</p>
    }
}
