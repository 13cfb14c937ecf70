//! The word lists behind the demo directory: the topic tree, the invented
//! city of Musterstadt, and the kinds of groups a contact office lists.
//!
//! Everything here is invented. Phone numbers use the unassigned area code
//! 0555, e-mail and web addresses the reserved domains example.org, .net and
//! .com; people appear only as first names or pseudonyms.

use crate::domain::Audience;

// ---------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------

/// One term of the topic tree. Parents are named by their `name` and must
/// come before their children.
pub struct TopicDef {
    pub name: &'static str,
    pub parent: Option<&'static str>,
    /// Synonyms and the everyday words people type.
    pub synonyms: &'static [&'static str],
    pub description: Option<&'static str>,
}

const fn topic(
    name: &'static str,
    parent: Option<&'static str>,
    synonyms: &'static [&'static str],
    description: Option<&'static str>,
) -> TopicDef {
    TopicDef {
        name,
        parent,
        synonyms,
        description,
    }
}

const GESUNDHEIT: Option<&str> = Some("Gesundheit");
const SUCHT: Option<&str> = Some("Sucht");
const PSYCHE: Option<&str> = Some("Psychische Gesundheit");
const CHRONISCH: Option<&str> = Some("Chronische Erkrankungen");
const BEHINDERUNG: Option<&str> = Some("Behinderung");
const SOZIAL: Option<&str> = Some("Soziale Selbsthilfe");

/// The taxonomy, close to how NAKOS and the KISS offices sort their groups.
#[rustfmt::skip]
pub const TOPICS: &[TopicDef] = &[
    topic("Gesundheit", None, &["Krankheit", "Erkrankung", "krank"], Some("Körperliche und seelische Erkrankungen, Sucht und Pflege.")),
    // Sucht
    topic("Sucht", GESUNDHEIT, &["Abhängigkeit", "Suchterkrankung", "süchtig", "Suchtselbsthilfe", "Co-Abhängigkeit"], Some("Abhängigkeit von Stoffen und Verhaltensweisen – für Betroffene und Angehörige.")),
    topic("Alkohol", SUCHT, &["trinken", "Alkoholismus", "Alkoholsucht", "trocken werden", "Alkoholiker", "Alkoholabhängigkeit", "saufen", "Rückfall"], None),
    topic("Medikamente", SUCHT, &["Medikamentenabhängigkeit", "Tabletten", "Schlafmittel", "Beruhigungsmittel", "Benzodiazepine", "Schmerzmittel"], None),
    topic("Glücksspiel", SUCHT, &["Spielsucht", "Zocken", "Glücksspielsucht", "Automaten", "Sportwetten", "Casino", "spielen"], None),
    topic("Drogen", SUCHT, &["Drogensucht", "Cannabis", "kiffen", "Kokain", "illegale Drogen", "Heroin", "clean werden"], None),
    topic("Essstörungen", SUCHT, &["Magersucht", "Bulimie", "Binge Eating", "Anorexie", "Esssucht", "Essbrechsucht", "essen"], None),
    topic("Mediensucht", SUCHT, &["Internetsucht", "Onlinesucht", "Computerspiele", "Gaming", "Handysucht", "Smartphone", "zocken am PC"], None),
    topic("Rauchen", SUCHT, &["Nikotin", "Zigaretten", "Nichtraucher werden", "rauchfrei", "Tabak"], None),
    // Psychische Gesundheit
    topic("Psychische Gesundheit", GESUNDHEIT, &["Psyche", "seelische Gesundheit", "psychische Erkrankung", "seelische Krise", "psychisch krank"], Some("Seelische Krisen und psychische Erkrankungen.")),
    topic("Depression", PSYCHE, &["Schwermut", "Niedergeschlagenheit", "depressiv", "antriebslos", "traurig", "Depressionen", "Stimmungstief"], None),
    topic("Angst und Panik", PSYCHE, &["Angststörung", "Panikattacken", "Phobie", "Angst", "soziale Phobie", "Panik", "Ängste"], None),
    topic("Bipolare Störung", PSYCHE, &["manisch-depressiv", "Manie", "bipolar", "Stimmungsschwankungen"], None),
    topic("Borderline", PSYCHE, &["emotional instabil", "BPS", "Persönlichkeitsstörung", "Selbstverletzung", "ritzen"], None),
    topic("Psychose", PSYCHE, &["Schizophrenie", "Stimmen hören", "psychoseerfahren", "Wahn", "Psychosen"], None),
    topic("Zwang", PSYCHE, &["Zwangsstörung", "Zwangsgedanken", "Waschzwang", "Kontrollzwang", "Zwänge"], None),
    topic("Burnout", PSYCHE, &["Erschöpfung", "ausgebrannt", "Überlastung", "Stress", "Erschöpfungsdepression"], None),
    topic("ADHS", PSYCHE, &["ADS", "Aufmerksamkeitsdefizit", "Hyperaktivität", "zappelig", "unkonzentriert"], None),
    topic("Trauma", PSYCHE, &["PTBS", "posttraumatische Belastungsstörung", "traumatisiert", "Traumafolgen"], None),
    // Chronische Erkrankungen
    topic("Chronische Erkrankungen", GESUNDHEIT, &["chronisch krank", "Langzeiterkrankung", "chronische Krankheit"], Some("Leben mit einer lang andauernden Erkrankung.")),
    topic("Diabetes", CHRONISCH, &["Zucker", "Zuckerkrankheit", "Typ 1", "Typ 2", "Diabetiker", "Insulin", "Diabetes mellitus"], None),
    topic("Multiple Sklerose", CHRONISCH, &["MS", "Encephalomyelitis disseminata", "Schub"], None),
    topic("Rheuma", CHRONISCH, &["Arthritis", "rheumatoide Arthritis", "Morbus Bechterew", "Fibromyalgie", "Gelenkschmerzen", "Arthrose"], None),
    topic("Krebs", CHRONISCH, &["Tumor", "Brustkrebs", "Prostatakrebs", "Krebserkrankung", "Chemotherapie", "Darmkrebs", "Leukämie"], None),
    topic("Herz", CHRONISCH, &["Herzerkrankung", "Herzinfarkt", "Herzschwäche", "Defibrillator", "herzkrank", "Herzfehler"], None),
    topic("Long Covid", CHRONISCH, &["Post-Covid", "ME/CFS", "Fatigue", "chronische Erschöpfung", "Post-Vac", "Long-Covid"], None),
    topic("Schmerz", CHRONISCH, &["chronische Schmerzen", "Rückenschmerzen", "Migräne", "Kopfschmerzen", "Schmerzen"], None),
    topic("Parkinson", CHRONISCH, &["Morbus Parkinson", "Zittern", "Schüttellähmung"], None),
    topic("Schlaganfall", CHRONISCH, &["Apoplex", "Hirninfarkt", "Aphasie", "halbseitig gelähmt", "Hirnblutung"], None),
    topic("Tinnitus", CHRONISCH, &["Ohrgeräusche", "Ohrensausen", "Pfeifen im Ohr", "Hörsturz", "Morbus Menière"], None),
    topic("Darmerkrankungen", CHRONISCH, &["Morbus Crohn", "Colitis ulcerosa", "CED", "chronisch-entzündliche Darmerkrankung", "Reizdarm"], None),
    topic("Lunge", CHRONISCH, &["COPD", "Asthma", "Lungenemphysem", "Atemnot", "Sauerstoff"], None),
    topic("Epilepsie", CHRONISCH, &["Anfälle", "Krampfanfälle", "epileptisch"], None),
    topic("Adipositas", CHRONISCH, &["Übergewicht", "Fettleibigkeit", "Magenbypass", "Schlauchmagen", "abnehmen"], None),
    topic("Seltene Erkrankungen", GESUNDHEIT, &["seltene Krankheit", "Waisenkrankheit", "unklare Diagnose", "Orphan Disease", "Sarkoidose", "Ehlers-Danlos"], Some("Erkrankungen, die weniger als 5 von 10.000 Menschen betreffen.")),
    topic("Demenz und pflegende Angehörige", GESUNDHEIT, &["Demenz", "Alzheimer", "Pflege", "vergesslich", "Vergesslichkeit", "pflegende Angehörige", "Gedächtnis"], Some("Leben mit Demenz und die Pflege von Angehörigen.")),
    // Behinderung
    topic("Behinderung", None, &["Handicap", "Beeinträchtigung", "Inklusion", "Schwerbehinderung", "behindert"], Some("Leben mit Behinderung, Teilhabe und Inklusion.")),
    topic("Sehbehinderung", BEHINDERUNG, &["blind", "Blindheit", "sehbehindert", "Makuladegeneration", "Grüner Star", "Glaukom"], None),
    topic("Hörbehinderung", BEHINDERUNG, &["Schwerhörigkeit", "schwerhörig", "gehörlos", "taub", "Cochlea-Implantat", "CI", "Hörgerät"], None),
    topic("Autismus", BEHINDERUNG, &["Autismus-Spektrum", "Asperger", "autistisch", "ASS"], None),
    topic("Körperbehinderung", BEHINDERUNG, &["Rollstuhl", "Querschnittlähmung", "gehbehindert", "Amputation", "mobilitätseingeschränkt"], None),
    // Trauer
    topic("Trauer", None, &["Verlust", "verwaiste Eltern", "Kind verloren", "Suizid Hinterbliebene", "Witwe", "Witwer", "Tod", "Sternenkind", "trauern"], Some("Abschied, Tod und Verlust eines nahen Menschen.")),
    // Soziale Selbsthilfe
    topic("Soziale Selbsthilfe", None, &["soziale Themen", "Lebenslagen", "Lebenskrise", "Familie"], Some("Familie, Lebenslagen und soziale Fragen.")),
    topic("Alleinerziehende", SOZIAL, &["alleinerziehend", "Single-Mama", "Single-Papa", "getrennt", "Ein-Eltern-Familie"], None),
    topic("Einsamkeit", SOZIAL, &["allein", "einsam", "Alleinsein", "Kontakte knüpfen", "niemand zum Reden"], None),
    topic("Senioren", SOZIAL, &["ältere Menschen", "Rente", "Ruhestand", "älter werden", "60 plus"], None),
    topic("Eltern", SOZIAL, &["Elterncafé", "Eltern behinderter Kinder", "Pflegeeltern", "Erziehung", "Kinder", "Familie"], None),
    topic("Arbeitslosigkeit", SOZIAL, &["Jobverlust", "Bürgergeld", "arbeitslos", "erwerbslos", "Jobcenter", "Kündigung"], None),
    topic("Gewalt", SOZIAL, &["häusliche Gewalt", "Missbrauch", "sexualisierte Gewalt", "Übergriff", "Mobbing"], None),
    topic("Migration", SOZIAL, &["Geflüchtete", "Zuwanderung", "Flucht", "neu in Deutschland", "Integration", "Migranten"], None),
    topic("LGBTQ+", SOZIAL, &["queer", "schwul", "lesbisch", "trans", "bisexuell", "Coming-out", "nicht-binär"], None),
    topic("Trennung und Scheidung", SOZIAL, &["Trennung", "Scheidung", "geschieden", "Umgangsrecht", "Beziehungsende"], None),
    topic("Schulden", SOZIAL, &["Überschuldung", "Geldsorgen", "Insolvenz", "Privatinsolvenz", "Schuldnerberatung"], None),
    topic("Kinderwunsch", SOZIAL, &["unerfüllter Kinderwunsch", "Kinderlosigkeit", "künstliche Befruchtung", "IVF"], None),
    // Junge Selbsthilfe
    topic("Junge Selbsthilfe", None, &["junge Erwachsene", "18–35", "jung", "Studierende", "Azubis", "junge Leute"], Some("Gruppen für junge Erwachsene von 18 bis 35 Jahren.")),
];

// ---------------------------------------------------------------------------
// The city
// ---------------------------------------------------------------------------

pub const CITY: &str = "Musterstadt";

pub struct DistrictDef {
    pub name: &'static str,
    pub postal_codes: &'static [&'static str],
    /// Relative number of groups meeting there.
    pub weight: u32,
    /// Index into [`OFFICES`] of the office serving the district.
    pub office: usize,
}

#[rustfmt::skip]
pub const DISTRICTS: &[DistrictDef] = &[
    DistrictDef { name: "Altstadt", postal_codes: &["55511", "55512"], weight: 14, office: 0 },
    DistrictDef { name: "Neustadt", postal_codes: &["55513"], weight: 11, office: 0 },
    DistrictDef { name: "Hafenviertel", postal_codes: &["55514"], weight: 7, office: 0 },
    DistrictDef { name: "Schlossberg", postal_codes: &["55515"], weight: 5, office: 0 },
    DistrictDef { name: "Nordviertel", postal_codes: &["55521", "55522"], weight: 12, office: 1 },
    DistrictDef { name: "Bergfeld", postal_codes: &["55523"], weight: 7, office: 1 },
    DistrictDef { name: "Kirchdorf", postal_codes: &["55524"], weight: 4, office: 1 },
    DistrictDef { name: "Westend", postal_codes: &["55525", "55526"], weight: 9, office: 1 },
    DistrictDef { name: "Südstadt", postal_codes: &["55531", "55532"], weight: 12, office: 2 },
    DistrictDef { name: "Ostheim", postal_codes: &["55533"], weight: 9, office: 2 },
    DistrictDef { name: "Lindenhof", postal_codes: &["55534"], weight: 6, office: 2 },
    DistrictDef { name: "Wiesengrund", postal_codes: &["55535"], weight: 4, office: 2 },
];

/// Street names; street `i` lies in district `i % DISTRICTS.len()`.
pub const STREETS: &[&str] = &[
    "Marktstraße",
    "Am Stadtgraben",
    "Hafenstraße",
    "Schlossallee",
    "Nordring",
    "Bergfelder Weg",
    "Kirchplatz",
    "Westendstraße",
    "Südring",
    "Ostheimer Straße",
    "Lindenweg",
    "Wiesenstraße",
    "Rathausgasse",
    "Friedrich-Ebert-Platz",
    "Speicherstraße",
    "Parkstraße",
    "Birkenallee",
    "Am Sportpark",
    "Alte Dorfstraße",
    "Humboldtstraße",
    "Bahnhofstraße",
    "Ahornweg",
    "Kastanienallee",
    "Im Wiesengrund",
    "Schulstraße",
    "Goethestraße",
    "Kaiweg",
    "Gartenstraße",
    "Mühlenweg",
    "Am Hang",
    "Brunnenstraße",
    "Bismarckstraße",
    "Rosenstraße",
    "Eichendorffstraße",
    "Lindenplatz",
    "Auenweg",
    "Hinter der Mauer",
    "Theaterplatz",
    "Fischerstraße",
    "Turmstraße",
    "Fliederweg",
    "Sonnenhang",
    "Pfarrgasse",
    "Am Bahndamm",
    "Heinestraße",
    "Fabrikstraße",
    "Gerberstraße",
    "Feldstraße",
];

/// A kind of meeting place. `{ort}` becomes the district, `{heilig}` the
/// patron saint of the district's church.
pub struct VenueKind {
    pub name: &'static str,
    /// Percent of such places with step-free access.
    pub step_free: u32,
    pub weight: u32,
}

#[rustfmt::skip]
pub const VENUE_KINDS: &[VenueKind] = &[
    VenueKind { name: "Nachbarschaftstreff {ort}", step_free: 50, weight: 5 },
    VenueKind { name: "Familienzentrum {ort}", step_free: 60, weight: 4 },
    VenueKind { name: "Bürgerhaus {ort}", step_free: 70, weight: 4 },
    VenueKind { name: "Gemeindehaus St. {heilig}", step_free: 25, weight: 5 },
    VenueKind { name: "Ev. Gemeindezentrum {ort}", step_free: 40, weight: 3 },
    VenueKind { name: "Stadtteilbibliothek {ort}", step_free: 80, weight: 2 },
    VenueKind { name: "Seniorentreff {ort}", step_free: 70, weight: 3 },
    VenueKind { name: "Gesundheitstreffpunkt {ort}", step_free: 60, weight: 2 },
    VenueKind { name: "Volkshochschule, Haus {ort}", step_free: 50, weight: 2 },
    VenueKind { name: "Jugend- und Kulturzentrum {ort}", step_free: 30, weight: 1 },
];

/// One per district.
pub const SAINTS: &[&str] = &[
    "Markus",
    "Lukas",
    "Johannes",
    "Paulus",
    "Marien",
    "Michael",
    "Elisabeth",
    "Josef",
    "Martin",
    "Petrus",
    "Thomas",
    "Andreas",
];

pub const ROOM_NOTES: &[&str] = &[
    "Raum 1 im Erdgeschoss",
    "Raum 2",
    "Gruppenraum im 1. OG",
    "Eingang über den Hof, bitte klingeln",
    "kleiner Saal",
    "Clubraum im Souterrain",
    "Seminarraum 3",
    "Café im Erdgeschoss",
    "Raum „Linde“ im 2. OG",
    "Hintereingang neben dem Fahrradständer",
];

pub const STEP_FREE_NOTES: &[&str] = &[
    "Aufzug vorhanden",
    "ebenerdiger Zugang über den Seiteneingang",
    "Rampe am Haupteingang",
    "Behindertenparkplatz vor dem Haus",
];

pub const STEPS_NOTES: &[&str] = &[
    "drei Stufen am Eingang, kein Aufzug",
    "Raum im 1. OG ohne Aufzug",
    "Eingang mit Stufen; Hilfe beim Hineinkommen nach Absprache",
    "Altbau mit steiler Treppe",
];

// ---------------------------------------------------------------------------
// Contact offices
// ---------------------------------------------------------------------------

pub struct OfficeDef {
    pub name: &'static str,
    /// The building the office and many groups share.
    pub building: &'static str,
    pub street: &'static str,
    /// Index into [`DISTRICTS`].
    pub district: usize,
    pub phone: &'static str,
    pub email: &'static str,
    pub website: &'static str,
    /// (weekday key, opens, closes)
    pub hours: &'static [(&'static str, &'static str, &'static str)],
    pub hours_note: &'static str,
    /// Relative number of online groups the office looks after.
    pub weight: u32,
}

pub const OFFICES: &[OfficeDef] = &[
    OfficeDef {
        name: "Selbsthilfe-Kontaktstelle Mitte",
        building: "Selbsthilfezentrum Mitte",
        street: "Rathausgasse 7",
        district: 0,
        phone: "0555 1234-0",
        email: "mitte@example.org",
        website: "https://example.org/selbsthilfe-mitte",
        hours: &[
            ("mo", "09:00", "12:00"),
            ("tu", "09:00", "12:00"),
            ("tu", "14:00", "18:00"),
            ("we", "09:00", "12:00"),
            ("th", "09:00", "12:00"),
            ("th", "14:00", "17:00"),
        ],
        hours_note: "Freitags nur telefonisch nach Vereinbarung. In den Sommerferien eingeschränkte Öffnungszeiten.",
        weight: 5,
    },
    OfficeDef {
        name: "Selbsthilfe-Kontaktstelle Nord",
        building: "Selbsthilfezentrum Nord",
        street: "Nordring 41",
        district: 4,
        phone: "0555 2468-10",
        email: "nord@example.org",
        website: "https://example.org/selbsthilfe-nord",
        hours: &[
            ("mo", "10:00", "13:00"),
            ("we", "10:00", "13:00"),
            ("we", "15:00", "18:00"),
            ("fr", "10:00", "12:00"),
        ],
        hours_note: "Beratung auch außerhalb der Öffnungszeiten nach Absprache, auf Wunsch per Video.",
        weight: 3,
    },
    OfficeDef {
        name: "KISS Musterstadt Süd-Ost",
        building: "Selbsthilfetreffpunkt Süd-Ost",
        street: "Südring 112",
        district: 8,
        phone: "0555 3690-0",
        email: "kiss-suedost@example.net",
        website: "https://example.net/kiss-suedost",
        hours: &[
            ("mo", "09:00", "12:00"),
            ("tu", "09:00", "12:00"),
            ("th", "13:00", "18:00"),
            ("fr", "09:00", "12:00"),
        ],
        hours_note: "Offene Sprechstunde ohne Anmeldung donnerstags 16–18 Uhr. Gebärdensprachdolmetschung auf Anfrage.",
        weight: 3,
    },
];

// ---------------------------------------------------------------------------
// People and texts shared by all groups
// ---------------------------------------------------------------------------

/// Invented first names and pseudonyms for contact persons.
pub const FIRST_NAMES: &[&str] = &[
    "Anke",
    "Birgit",
    "Claudia",
    "Doris",
    "Elke",
    "Frauke",
    "Gabi",
    "Heike",
    "Ines",
    "Jutta",
    "Karin",
    "Lena",
    "Maren",
    "Nadine",
    "Olga",
    "Petra",
    "Renate",
    "Sabine",
    "Tanja",
    "Ulla",
    "Vera",
    "Wiebke",
    "Yasemin",
    "Zeynep",
    "Aylin",
    "Fatma",
    "Leyla",
    "Oksana",
    "Irina",
    "Mariam",
    "Andreas",
    "Bernd",
    "Christian",
    "Detlef",
    "Erik",
    "Frank",
    "Georg",
    "Holger",
    "Ingo",
    "Jörg",
    "Klaus",
    "Lars",
    "Matthias",
    "Norbert",
    "Olaf",
    "Peter",
    "Ralf",
    "Stefan",
    "Thomas",
    "Uwe",
    "Volker",
    "Wolfgang",
    "Mehmet",
    "Murat",
    "Ahmad",
    "Dmytro",
    "Sergej",
    "Jonas",
    "Luca",
    "Sam",
    "Kim",
    "Robin",
    "Alex",
    "Charlie",
];

pub const INITIALS: &[&str] = &[
    "A.", "B.", "D.", "F.", "G.", "H.", "K.", "L.", "M.", "P.", "R.", "S.", "T.", "W.",
];

/// Additional languages a group may also meet in, besides German.
pub const EXTRA_LANGUAGES: &[&str] = &["en", "tr", "ar", "ru", "uk", "pl", "fa"];

pub const WEEKDAY_GROUP: [&str; 7] = [
    "Montagsgruppe",
    "Dienstagsgruppe",
    "Mittwochsgruppe",
    "Donnerstagsgruppe",
    "Freitagsgruppe",
    "Samstagsgruppe",
    "Sonntagsgruppe",
];

/// Paragraphs any group may use in its longer text.
pub const GENERIC_DETAILS: &[&str] = &[
    "Alles, was in der Gruppe gesagt wird, bleibt in der Gruppe. Niemand muss etwas erzählen, was er oder sie nicht möchte.",
    "Die Teilnahme ist kostenlos. Wir sind unabhängig von Verbänden, Kliniken und Krankenkassen.",
    "Wer zum ersten Mal kommen möchte, meldet sich am besten vorher kurz bei der Kontaktstelle. Sie stellt den Kontakt zur Gruppe her.",
    "Neue kommen bitte zehn Minuten vor Beginn, damit wir uns kurz kennenlernen können.",
    "Wir sind keine Therapiegruppe und ersetzen keine ärztliche Behandlung. Wir helfen uns gegenseitig mit unseren Erfahrungen.",
    "Einmal im Jahr machen wir einen gemeinsamen Ausflug, im Dezember gibt es ein kleines Jahresabschlusstreffen.",
    "Die Gruppe wird von Betroffenen selbst organisiert; die Moderation wechselt reihum.",
    "Zu manchen Treffen laden wir Fachleute ein, etwa aus Beratungsstellen oder Kliniken.",
    "Wir achten darauf, dass alle zu Wort kommen. Zuhören ist genauso wichtig wie Reden.",
];

pub const FOUNDING_DETAIL: &str =
    "Die Gruppe ist in Gründung und sucht Mitstreiterinnen und Mitstreiter. Wer Interesse hat, \
meldet sich bei der Kontaktstelle; das erste Treffen vereinbaren wir gemeinsam.";

/// Notes that go with a regular rhythm.
pub const RHYTHM_NOTES: &[&str] = &[
    "Nicht in den Sommerferien.",
    "An Feiertagen fällt das Treffen aus.",
    "Neue Teilnehmende bitte vorher bei der Kontaktstelle melden.",
    "Im Dezember nur ein Treffen.",
    "Zusätzlich gelegentlich Ausflüge nach Absprache.",
    "Die ersten 15 Minuten sind für Neue reserviert.",
];

/// The whole rhythm of groups that meet irregularly.
pub const IRREGULAR_NOTES: &[&str] = &[
    "nach Absprache",
    "Termine auf Anfrage über die Kontaktstelle",
    "etwa alle sechs Wochen, Termine nach Absprache",
    "unregelmäßig, meist am Wochenende – bitte vorher anfragen",
    "Treffen nach Vereinbarung, Auskunft über die Kontaktstelle",
];

pub const ONLINE_NOTE: &str =
    "Treffen per Videokonferenz; den Zugangslink gibt es nach einem kurzen Vorgespräch.";
pub const HYBRID_NOTE: &str = "Teilnahme vor Ort oder per Video möglich.";
pub const FOUNDING_NOTE: &str =
    "Erstes Treffen nach Absprache – Interessierte melden sich bei der Kontaktstelle.";
pub const PAUSED_NOTE: &str = "Die Gruppe pausiert zurzeit. Auskunft gibt die Kontaktstelle.";
pub const ENDED_NOTE: &str =
    "Die Gruppe trifft sich nicht mehr. Die Kontaktstelle nennt gern andere Gruppen zum Thema.";

// ---------------------------------------------------------------------------
// Kinds of groups
// ---------------------------------------------------------------------------

/// A kind of group. `{ort}` in a name becomes the district (or "online"),
/// `{tag}` the weekday group ("Dienstagsgruppe") of a weekly group.
pub struct Template {
    pub names: &'static [&'static str],
    pub alternate_names: &'static [&'static str],
    /// Topic names the group always has (the first is the main topic).
    pub topics: &'static [&'static str],
    /// Topic names of which one is sometimes added.
    pub related: &'static [&'static str],
    pub descriptions: &'static [&'static str],
    /// A paragraph for the longer text, specific to this kind of group.
    pub details: Option<&'static str>,
    pub audience: Audience,
    /// Language codes the group always meets in; empty: German, sometimes
    /// with one more language.
    pub languages: &'static [&'static str],
    /// Addiction, violence and the like: address and contact are published
    /// less often.
    pub sensitive: bool,
    /// Meets every week (anonymous fellowships and the like).
    pub weekly: bool,
    /// Junge Selbsthilfe: 18–35.
    pub young: bool,
    /// Percent of such groups meeting only online.
    pub online: u32,
    /// Percent of such groups meeting in the daytime rather than the evening.
    pub daytime: u32,
    /// How common the kind of group is.
    pub weight: u32,
}

const T: Template = Template {
    names: &[],
    alternate_names: &[],
    topics: &[],
    related: &[],
    descriptions: &[],
    details: None,
    audience: Audience::Affected,
    languages: &[],
    sensitive: false,
    weekly: false,
    young: false,
    online: 6,
    daytime: 15,
    weight: 2,
};

const RELATIVES: Audience = Audience::Relatives;
const BOTH: Audience = Audience::Both;

pub const TEMPLATES: &[Template] = &[
    // --- Sucht -------------------------------------------------------------
    Template {
        names: &["Anonyme Alkoholiker {ort}", "Anonyme Alkoholiker {ort} – {tag}", "AA-Meeting {ort}"],
        alternate_names: &["AA {ort}"],
        topics: &["Alkohol"],
        descriptions: &[
            "Offenes Meeting der Anonymen Alkoholiker: Einzige Voraussetzung ist der Wunsch, mit dem Trinken aufzuhören.",
            "Trockene Alkoholikerinnen und Alkoholiker teilen Erfahrung, Kraft und Hoffnung.",
        ],
        details: Some("Wir arbeiten nach dem Zwölf-Schritte-Programm. Es gibt keine Mitgliedsbeiträge; Nachnamen spielen keine Rolle."),
        sensitive: true,
        weekly: true,
        online: 5,
        weight: 9,
        ..T
    },
    Template {
        names: &["Suchtselbsthilfe {ort}", "Gesprächsgruppe Alkohol und Medikamente", "Neuer Weg – Suchtselbsthilfegruppe {ort}"],
        topics: &["Alkohol", "Medikamente"],
        related: &["Depression"],
        descriptions: &[
            "Gesprächsgruppe für Menschen mit Alkohol- oder Medikamentenproblemen und ihre Partnerinnen und Partner.",
            "Wir unterstützen uns auf dem Weg in ein zufriedenes, suchtmittelfreies Leben.",
        ],
        details: Some("Viele von uns kommen nach einer Entwöhnungsbehandlung zu uns, manche ganz ohne. Beides ist in Ordnung."),
        audience: BOTH,
        sensitive: true,
        weekly: true,
        weight: 6,
        ..T
    },
    Template {
        names: &["Frauen-Suchtgruppe {ort}", "Frauen stärken sich – Sucht"],
        topics: &["Alkohol"],
        related: &["Medikamente", "Essstörungen"],
        descriptions: &["Eine Gruppe nur für Frauen mit Suchterfahrung – in geschütztem Rahmen."],
        sensitive: true,
        weight: 2,
        ..T
    },
    Template {
        names: &["Angehörigengruppe Sucht {ort}", "Angehörige und Freunde von Suchtkranken"],
        topics: &["Sucht"],
        related: &["Alkohol", "Drogen", "Glücksspiel"],
        descriptions: &[
            "Für Partnerinnen, Partner, Eltern und Kinder von Menschen mit einer Suchterkrankung.",
            "Austausch für Angehörige: Wie kann ich helfen, ohne mich selbst zu verlieren?",
        ],
        audience: RELATIVES,
        sensitive: true,
        weekly: true,
        weight: 4,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Medikamentenabhängigkeit", "Gesprächskreis Tabletten und Schlafmittel"],
        topics: &["Medikamente"],
        related: &["Schmerz", "Angst und Panik"],
        descriptions: &["Für Menschen, die von Schlaf-, Beruhigungs- oder Schmerzmitteln loskommen wollen."],
        sensitive: true,
        weight: 2,
        ..T
    },
    Template {
        names: &["Anonyme Spieler {ort}", "Selbsthilfegruppe Glücksspielsucht {ort}"],
        topics: &["Glücksspiel"],
        related: &["Schulden"],
        descriptions: &["Für Menschen, die mit dem Spielen an Automaten, im Internet oder bei Sportwetten aufhören wollen."],
        sensitive: true,
        weekly: true,
        weight: 3,
        ..T
    },
    Template {
        names: &["Angehörige von Glücksspielern"],
        topics: &["Glücksspiel"],
        related: &["Schulden"],
        descriptions: &["Austausch für Partnerinnen, Partner und Familien von Menschen mit Spielsucht."],
        audience: RELATIVES,
        sensitive: true,
        online: 20,
        weight: 1,
        ..T
    },
    Template {
        names: &["NA-Meeting {ort}", "Clean leben – Selbsthilfegruppe Drogen {ort}"],
        alternate_names: &["Narcotics Anonymous {ort}"],
        topics: &["Drogen"],
        descriptions: &["Für Menschen, die ohne Drogen leben wollen – egal welche Substanz."],
        sensitive: true,
        weekly: true,
        weight: 3,
        ..T
    },
    Template {
        names: &["Eltern drogenabhängiger Kinder", "Elternkreis Sucht {ort}"],
        topics: &["Drogen", "Eltern"],
        descriptions: &["Eltern, deren Söhne oder Töchter Drogen nehmen, finden hier Verständnis und Rat."],
        audience: RELATIVES,
        sensitive: true,
        weight: 2,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Essstörungen {ort}", "Gesprächskreis Magersucht und Bulimie"],
        topics: &["Essstörungen"],
        related: &["Depression", "Adipositas"],
        descriptions: &[
            "Für Menschen mit Magersucht, Bulimie oder Binge Eating – ohne Wiegen und ohne Kalorienzählen.",
            "Austausch über Essen, Körpergefühl und den Weg aus der Essstörung.",
        ],
        weight: 3,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Medien- und Onlinesucht", "Offline-Gruppe {ort}"],
        topics: &["Mediensucht"],
        related: &["Einsamkeit"],
        descriptions: &["Für alle, denen Computerspiele, Social Media oder das Handy über den Kopf wachsen."],
        weight: 1,
        ..T
    },
    Template {
        names: &["Eltern von Kindern mit exzessivem Medienkonsum"],
        topics: &["Mediensucht", "Eltern"],
        descriptions: &["Wenn das Kind nur noch zockt: Eltern tauschen sich aus und stärken einander."],
        audience: RELATIVES,
        online: 25,
        weight: 1,
        ..T
    },
    Template {
        names: &["Rauchfrei-Gruppe {ort}", "Nichtraucher-Treff"],
        topics: &["Rauchen"],
        descriptions: &["Gemeinsam mit dem Rauchen aufhören und rauchfrei bleiben."],
        weight: 1,
        ..T
    },
    // --- Psychische Gesundheit ---------------------------------------------
    Template {
        names: &["Selbsthilfegruppe Depression {ort}", "Gesprächskreis Depression", "Lichtblick – Selbsthilfe bei Depression"],
        topics: &["Depression"],
        related: &["Angst und Panik", "Burnout"],
        descriptions: &[
            "Austausch für Menschen mit Depressionen: verstanden werden, Mut machen, Alltag bewältigen.",
            "Wir sprechen offen über schwere Tage und über das, was uns hilft.",
        ],
        details: Some("Viele von uns sind in Behandlung, manche warten noch auf einen Therapieplatz. Die Gruppe ist eine Ergänzung, kein Ersatz."),
        weight: 8,
        ..T
    },
    Template {
        names: &["Angehörige psychisch erkrankter Menschen {ort}", "Gesprächskreis für Angehörige – Psyche"],
        topics: &["Psychische Gesundheit"],
        related: &["Psychose", "Depression", "Bipolare Störung"],
        descriptions: &["Für Eltern, Partner, Kinder und Geschwister von Menschen mit einer psychischen Erkrankung."],
        audience: RELATIVES,
        weight: 3,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Angst und Panik {ort}", "Mut statt Angst"],
        topics: &["Angst und Panik"],
        related: &["Depression"],
        descriptions: &[
            "Für Menschen mit Panikattacken, Phobien oder ständiger Sorge.",
            "Gemeinsam lernen wir, mit Angst umzugehen – in kleinen Schritten.",
        ],
        weight: 5,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Bipolare Störung", "Gesprächskreis Manie und Depression"],
        topics: &["Bipolare Störung"],
        related: &["Depression"],
        descriptions: &["Austausch über das Leben zwischen Hochs und Tiefs."],
        audience: BOTH,
        weight: 2,
        ..T
    },
    Template {
        names: &["Borderline-Selbsthilfegruppe", "Angehörige von Menschen mit Borderline"],
        topics: &["Borderline"],
        related: &["Trauma"],
        descriptions: &["Für Menschen mit Borderline-Persönlichkeitsstörung und ihre Angehörigen."],
        audience: BOTH,
        weight: 2,
        ..T
    },
    Template {
        names: &["Trialog Psychose {ort}", "Psychoseerfahrene im Gespräch"],
        topics: &["Psychose"],
        descriptions: &["Psychoseerfahrene, Angehörige und Fachleute sprechen auf Augenhöhe miteinander."],
        audience: BOTH,
        weight: 2,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Zwangserkrankungen", "Zwänge – Austausch und Ermutigung"],
        topics: &["Zwang"],
        related: &["Angst und Panik"],
        descriptions: &["Für Menschen mit Zwangsgedanken und Zwangshandlungen."],
        weight: 2,
        ..T
    },
    Template {
        names: &["Burnout-Selbsthilfegruppe {ort}", "Gesprächskreis Erschöpfung und Burnout"],
        topics: &["Burnout"],
        related: &["Depression", "Arbeitslosigkeit"],
        descriptions: &["Wenn nichts mehr geht: Austausch über Erschöpfung, Grenzen und den Weg zurück."],
        weight: 3,
        ..T
    },
    Template {
        names: &["ADHS bei Erwachsenen {ort}", "Selbsthilfegruppe ADHS für Erwachsene"],
        topics: &["ADHS"],
        descriptions: &["Für Erwachsene mit ADHS oder ADS – auch für alle, die spät ihre Diagnose bekommen haben."],
        weight: 2,
        ..T
    },
    Template {
        names: &["Elterngruppe ADHS {ort}"],
        topics: &["ADHS", "Eltern"],
        descriptions: &["Eltern von Kindern mit ADHS tauschen Erfahrungen zu Schule, Alltag und Therapie aus."],
        audience: RELATIVES,
        daytime: 30,
        weight: 2,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Trauma und PTBS", "Gesprächskreis Traumafolgen"],
        topics: &["Trauma"],
        related: &["Gewalt", "Angst und Panik"],
        descriptions: &["Für Menschen, die mit den Folgen traumatischer Erlebnisse leben."],
        sensitive: true,
        weight: 2,
        ..T
    },
    // --- Chronische Erkrankungen -------------------------------------------
    Template {
        names: &["Diabetiker-Selbsthilfegruppe {ort}", "Selbsthilfegruppe Diabetes Typ 2", "Diabetes-Treff {ort}"],
        topics: &["Diabetes"],
        related: &["Herz", "Adipositas"],
        descriptions: &[
            "Austausch rund um Diabetes: Ernährung, Messen, Insulin und Alltag.",
            "Für Menschen mit Diabetes Typ 1 und Typ 2 und alle, die sie begleiten.",
        ],
        details: Some("Regelmäßig laden wir Diabetesberaterinnen oder Podologen zu Vorträgen ein."),
        audience: BOTH,
        daytime: 40,
        weight: 5,
        ..T
    },
    Template {
        names: &["Eltern von Kindern mit Typ-1-Diabetes"],
        topics: &["Diabetes", "Eltern"],
        descriptions: &["Eltern diabetischer Kinder tauschen sich zu Kita, Schule und Technik aus."],
        audience: RELATIVES,
        online: 15,
        weight: 1,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Multiple Sklerose {ort}", "MS-Gesprächskreis"],
        topics: &["Multiple Sklerose"],
        related: &["Körperbehinderung"],
        descriptions: &["Für Menschen mit MS und ihre Angehörigen: Informationen, Austausch und Ermutigung."],
        audience: BOTH,
        daytime: 40,
        weight: 3,
        ..T
    },
    Template {
        names: &["Rheuma-Selbsthilfegruppe {ort}", "Gesprächskreis Fibromyalgie"],
        topics: &["Rheuma"],
        related: &["Schmerz"],
        descriptions: &["Austausch über Leben mit Rheuma, Bewegung, Schmerz und Medikamente."],
        daytime: 50,
        weight: 3,
        ..T
    },
    Template {
        names: &["Frauenselbsthilfe nach Krebs {ort}", "Gesprächskreis Brustkrebs"],
        topics: &["Krebs"],
        descriptions: &["Frauen mit einer Krebserkrankung begleiten sich gegenseitig – von der Diagnose bis zur Nachsorge."],
        daytime: 40,
        weight: 3,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Prostatakrebs", "Männer mit Krebs – Gesprächsgruppe"],
        topics: &["Krebs"],
        descriptions: &["Männer mit Prostatakrebs und anderen Krebserkrankungen sprechen über Behandlung und Folgen."],
        weight: 2,
        ..T
    },
    Template {
        names: &["Angehörige von Krebskranken"],
        topics: &["Krebs"],
        related: &["Trauer"],
        descriptions: &["Für Partnerinnen, Partner und Familien, die einen krebskranken Menschen begleiten."],
        audience: RELATIVES,
        weight: 1,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Herzkranke {ort}", "Defi-Träger-Treff"],
        topics: &["Herz"],
        descriptions: &["Für Menschen nach Herzinfarkt, mit Herzschwäche oder Defibrillator."],
        daytime: 50,
        weight: 2,
        ..T
    },
    Template {
        names: &["Eltern herzkranker Kinder"],
        topics: &["Herz", "Eltern"],
        related: &["Seltene Erkrankungen"],
        descriptions: &["Familien mit einem herzkranken Kind tauschen sich aus und helfen einander."],
        audience: RELATIVES,
        online: 20,
        weight: 1,
        ..T
    },
    Template {
        names: &["Long-Covid-Gesprächskreis", "Selbsthilfegruppe ME/CFS und Long Covid"],
        topics: &["Long Covid"],
        related: &["Burnout"],
        descriptions: &[
            "Für Menschen mit Long Covid, Post-Covid oder ME/CFS – mit Rücksicht auf die Kräfte aller.",
            "Austausch über Pacing, Anträge und den Alltag mit wenig Energie.",
        ],
        details: Some("Wer nicht kommen kann, darf jederzeit liegend oder mit ausgeschalteter Kamera teilnehmen."),
        online: 45,
        weight: 3,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe chronischer Schmerz {ort}", "Migräne-Selbsthilfegruppe"],
        topics: &["Schmerz"],
        related: &["Rheuma", "Depression"],
        descriptions: &["Für Menschen, die mit dauerhaften Schmerzen leben."],
        daytime: 40,
        weight: 3,
        ..T
    },
    Template {
        names: &["Parkinson-Selbsthilfegruppe {ort}", "Parkinson-Treff für Betroffene und Angehörige"],
        topics: &["Parkinson"],
        descriptions: &["Austausch, Bewegung und Informationen für Menschen mit Parkinson und ihre Familien."],
        audience: BOTH,
        daytime: 70,
        weight: 2,
        ..T
    },
    Template {
        names: &["Schlaganfall-Selbsthilfegruppe {ort}", "Aphasie-Gesprächsgruppe"],
        topics: &["Schlaganfall"],
        related: &["Körperbehinderung"],
        descriptions: &["Für Menschen nach einem Schlaganfall und ihre Angehörigen – auch mit Sprachstörungen."],
        audience: BOTH,
        daytime: 60,
        weight: 2,
        ..T
    },
    Template {
        names: &["Tinnitus-Selbsthilfegruppe {ort}"],
        topics: &["Tinnitus"],
        related: &["Hörbehinderung"],
        descriptions: &["Für Menschen mit Ohrgeräuschen, Hörsturz oder Morbus Menière."],
        weight: 2,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Morbus Crohn und Colitis ulcerosa", "CED-Gesprächskreis {ort}"],
        topics: &["Darmerkrankungen"],
        descriptions: &["Austausch über das Leben mit einer chronisch-entzündlichen Darmerkrankung."],
        weight: 2,
        ..T
    },
    Template {
        names: &["Luftikus – Selbsthilfe bei COPD", "Selbsthilfegruppe Lungenemphysem und Asthma"],
        topics: &["Lunge"],
        descriptions: &["Für Menschen mit COPD, Asthma oder Lungenemphysem – mit Atemübungen."],
        daytime: 60,
        weight: 2,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Epilepsie {ort}", "Eltern epilepsiekranker Kinder"],
        topics: &["Epilepsie"],
        descriptions: &["Austausch für Menschen mit Epilepsie und Familien mit betroffenen Kindern."],
        audience: BOTH,
        weight: 1,
        ..T
    },
    Template {
        names: &["Adipositas-Selbsthilfegruppe {ort}", "Selbsthilfe nach Magen-OP"],
        topics: &["Adipositas"],
        related: &["Essstörungen"],
        descriptions: &["Für Menschen mit starkem Übergewicht – vor und nach einer Operation oder ganz ohne."],
        weight: 2,
        ..T
    },
    // --- Seltene Erkrankungen, Behinderung ----------------------------------
    Template {
        names: &["Gesprächskreis seltene Erkrankungen", "Selbsthilfegruppe Sarkoidose", "Ehlers-Danlos-Gesprächsgruppe"],
        topics: &["Seltene Erkrankungen"],
        descriptions: &["Für Menschen mit einer seltenen oder noch unklaren Diagnose: Niemand soll allein suchen müssen."],
        audience: BOTH,
        online: 40,
        weight: 3,
        ..T
    },
    Template {
        names: &["Treff für blinde und sehbehinderte Menschen {ort}", "Selbsthilfegruppe Makuladegeneration"],
        topics: &["Sehbehinderung"],
        descriptions: &["Austausch über Hilfsmittel, Mobilität und Alltag mit wenig oder ohne Sehvermögen."],
        daytime: 70,
        weight: 2,
        ..T
    },
    Template {
        names: &["Schwerhörigen-Treff {ort}", "CI-Selbsthilfegruppe"],
        topics: &["Hörbehinderung"],
        related: &["Tinnitus"],
        descriptions: &["Für schwerhörige Menschen und Menschen mit Cochlea-Implantat; der Raum hat eine Induktionsschleife."],
        daytime: 40,
        weight: 2,
        ..T
    },
    Template {
        names: &["Gehörlosen-Gesprächskreis {ort}"],
        topics: &["Hörbehinderung"],
        descriptions: &["Treffen in Deutscher Gebärdensprache für gehörlose und ertaubte Menschen."],
        languages: &["gsg", "de"],
        weight: 1,
        ..T
    },
    Template {
        names: &["Autismus-Selbsthilfe für Erwachsene", "Treffpunkt Autismus {ort}"],
        topics: &["Autismus"],
        descriptions: &["Austausch für autistische Erwachsene in ruhiger Runde und mit klaren Absprachen."],
        online: 25,
        weight: 2,
        ..T
    },
    Template {
        names: &["Elternkreis Autismus {ort}"],
        topics: &["Autismus", "Eltern"],
        descriptions: &["Eltern autistischer Kinder tauschen sich zu Diagnose, Schule und Unterstützung aus."],
        audience: RELATIVES,
        weight: 2,
        ..T
    },
    Template {
        names: &["Rollstuhlfahrer-Treff {ort}", "Selbsthilfegruppe Querschnittlähmung"],
        topics: &["Körperbehinderung"],
        descriptions: &["Austausch über Mobilität, Hilfsmittel, Barrieren und Rechte."],
        weight: 2,
        ..T
    },
    Template {
        names: &["Eltern behinderter Kinder {ort}", "Familien mit besonderen Kindern"],
        topics: &["Eltern"],
        related: &["Körperbehinderung", "Autismus", "Seltene Erkrankungen"],
        descriptions: &["Eltern von Kindern mit Behinderung finden hier Austausch, Rat und Entlastung."],
        audience: RELATIVES,
        daytime: 35,
        weight: 3,
        ..T
    },
    // --- Demenz ---------------------------------------------------------------
    Template {
        names: &[
            "Angehörige von Menschen mit Demenz",
            "Gesprächskreis pflegende Angehörige {ort}",
            "Alzheimer-Angehörigengruppe {ort}",
        ],
        topics: &["Demenz und pflegende Angehörige"],
        related: &["Senioren"],
        descriptions: &[
            "Austausch und Entlastung für alle, die einen Menschen mit Demenz begleiten oder pflegen.",
            "Pflegende Angehörige sprechen über Alltag, Belastung und Hilfen.",
        ],
        details: Some("Während des Treffens kann auf Wunsch eine Betreuung für die erkrankten Angehörigen organisiert werden."),
        audience: RELATIVES,
        daytime: 45,
        weight: 6,
        ..T
    },
    Template {
        names: &["Türkischsprachige Angehörigengruppe Demenz"],
        alternate_names: &["Demans hastası yakınları grubu"],
        topics: &["Demenz und pflegende Angehörige", "Migration"],
        descriptions: &["Angehörige von Menschen mit Demenz treffen sich auf Türkisch und Deutsch."],
        audience: RELATIVES,
        languages: &["tr", "de"],
        daytime: 50,
        weight: 1,
        ..T
    },
    Template {
        names: &["Gesprächsgruppe für Menschen mit beginnender Demenz"],
        topics: &["Demenz und pflegende Angehörige"],
        descriptions: &["Für Menschen, die die Diagnose Demenz erhalten haben und noch selbst darüber sprechen möchten."],
        daytime: 80,
        weight: 1,
        ..T
    },
    // --- Trauer ---------------------------------------------------------------
    Template {
        names: &["Trauercafé {ort}", "Offener Trauertreff {ort}"],
        topics: &["Trauer"],
        related: &["Einsamkeit"],
        descriptions: &[
            "Bei Kaffee und Kuchen über Verlust und Trauer sprechen – ohne Anmeldung.",
            "Ein offener Ort für Menschen, die einen nahen Menschen verloren haben.",
        ],
        audience: BOTH,
        daytime: 70,
        weight: 4,
        ..T
    },
    Template {
        names: &["Trauercafé für verwaiste Eltern", "Verwaiste Eltern {ort}"],
        topics: &["Trauer", "Eltern"],
        descriptions: &["Für Mütter und Väter, die ein Kind verloren haben – gleich wie alt es war und wie lange es her ist."],
        details: Some("Auch Eltern von Sternenkindern sind herzlich willkommen."),
        audience: RELATIVES,
        weight: 2,
        ..T
    },
    Template {
        names: &["Gesprächskreis für Hinterbliebene nach Suizid"],
        topics: &["Trauer"],
        related: &["Depression"],
        descriptions: &["Für Menschen, die einen nahen Menschen durch Suizid verloren haben."],
        audience: RELATIVES,
        sensitive: true,
        weight: 1,
        ..T
    },
    Template {
        names: &["Witwen- und Witwertreff {ort}", "Trauergruppe für Verwitwete"],
        topics: &["Trauer"],
        related: &["Einsamkeit", "Senioren"],
        descriptions: &["Für Frauen und Männer, die ihre Partnerin oder ihren Partner verloren haben."],
        daytime: 70,
        weight: 2,
        ..T
    },
    Template {
        names: &["Sternenkinder-Eltern {ort}"],
        topics: &["Trauer", "Kinderwunsch"],
        descriptions: &["Für Eltern, deren Kind vor, während oder kurz nach der Geburt gestorben ist."],
        audience: RELATIVES,
        weight: 1,
        ..T
    },
    // --- Soziale Selbsthilfe --------------------------------------------------
    Template {
        names: &["Alleinerziehende treffen sich", "Alleinerziehenden-Treff {ort}", "Single-Eltern-Frühstück {ort}"],
        topics: &["Alleinerziehende"],
        related: &["Trennung und Scheidung"],
        descriptions: &[
            "Austausch, Tipps und Entlastung für Mütter und Väter, die allein erziehen – Kinder sind willkommen.",
            "Gemeinsam ist vieles leichter: Alleinerziehende unterstützen sich gegenseitig.",
        ],
        details: Some("Während des Treffens gibt es eine Kinderbetreuung im Nebenraum."),
        daytime: 50,
        weight: 4,
        ..T
    },
    Template {
        names: &["Gemeinsam statt einsam {ort}", "Gesprächskreis gegen Einsamkeit"],
        topics: &["Einsamkeit"],
        related: &["Senioren", "Depression"],
        descriptions: &["Für alle, die sich allein fühlen und neue Kontakte suchen – jeden Alters."],
        daytime: 50,
        weight: 3,
        ..T
    },
    Template {
        names: &["Seniorenselbsthilfe {ort}", "Älter werden – Gesprächskreis 60 plus"],
        topics: &["Senioren"],
        related: &["Einsamkeit"],
        descriptions: &["Ältere Menschen sprechen über Ruhestand, Gesundheit und das, was das Leben jetzt ausmacht."],
        daytime: 85,
        weight: 3,
        ..T
    },
    Template {
        names: &["Elterncafé {ort}", "Elternkreis Schreibabys"],
        topics: &["Eltern"],
        descriptions: &["Eltern kleiner Kinder tauschen sich bei einer Tasse Kaffee aus – Babys und Kleinkinder kommen mit."],
        daytime: 80,
        weight: 3,
        ..T
    },
    Template {
        names: &["Pflegeeltern-Stammtisch {ort}"],
        topics: &["Eltern"],
        descriptions: &["Pflege- und Adoptiveltern tauschen Erfahrungen aus."],
        weight: 1,
        ..T
    },
    Template {
        names: &["Erwerbslosentreff {ort}", "Selbsthilfegruppe 50 plus und arbeitslos"],
        topics: &["Arbeitslosigkeit"],
        related: &["Schulden", "Burnout"],
        descriptions: &["Austausch bei Jobverlust und Bürgergeld: Bewerbungen, Ämter und Mut für den nächsten Schritt."],
        daytime: 70,
        weight: 2,
        ..T
    },
    Template {
        names: &["Frauen nach häuslicher Gewalt", "Selbsthilfegruppe für Betroffene sexualisierter Gewalt"],
        topics: &["Gewalt"],
        related: &["Trauma"],
        descriptions: &["Ein geschützter Raum für Frauen, die Gewalt erlebt haben. Der Treffpunkt wird nur nach einem Vorgespräch genannt."],
        sensitive: true,
        weight: 3,
        ..T
    },
    Template {
        names: &["Männer-Gesprächsgruppe gegen Gewalt"],
        topics: &["Gewalt"],
        descriptions: &["Für Männer, die Gewalt erlebt oder ausgeübt haben und etwas ändern wollen."],
        sensitive: true,
        weight: 1,
        ..T
    },
    Template {
        names: &["Internationales Frauencafé {ort}", "Mütter-Treff international {ort}"],
        topics: &["Migration"],
        related: &["Eltern", "Einsamkeit"],
        descriptions: &["Frauen aus aller Welt treffen sich, sprechen Deutsch und helfen einander im Alltag."],
        languages: &["de", "ar", "tr", "fa"],
        daytime: 80,
        weight: 2,
        ..T
    },
    Template {
        names: &["Gesprächskreis für Geflüchtete aus der Ukraine"],
        alternate_names: &["Розмовне коло для українців"],
        topics: &["Migration"],
        related: &["Trauma"],
        descriptions: &["Austausch auf Ukrainisch und Russisch über das Ankommen und das Leben in Musterstadt."],
        languages: &["uk", "ru", "de"],
        weight: 1,
        ..T
    },
    Template {
        names: &["Arabischsprachige Elterngruppe {ort}"],
        topics: &["Migration", "Eltern"],
        descriptions: &["Eltern sprechen auf Arabisch über Erziehung, Schule und das Leben in Deutschland."],
        languages: &["ar", "de"],
        daytime: 60,
        weight: 1,
        ..T
    },
    Template {
        names: &["Queerer Gesprächskreis {ort}", "Trans* Selbsthilfegruppe", "Coming-out-Gruppe"],
        topics: &["LGBTQ+"],
        descriptions: &[
            "Für lesbische, schwule, bisexuelle, trans*, inter* und queere Menschen.",
            "Ein sicherer Ort für Fragen rund um Identität, Coming-out und Transition.",
        ],
        online: 15,
        weight: 2,
        ..T
    },
    Template {
        names: &["Eltern queerer Kinder"],
        topics: &["LGBTQ+", "Eltern"],
        descriptions: &["Eltern tauschen sich aus, wenn ihr Kind sich als queer oder trans* outet."],
        audience: RELATIVES,
        online: 30,
        weight: 1,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Trennung und Scheidung {ort}", "Neuanfang nach der Trennung"],
        topics: &["Trennung und Scheidung"],
        related: &["Alleinerziehende", "Einsamkeit"],
        descriptions: &["Für Menschen in und nach einer Trennung: Austausch über Gefühle, Kinder und Neuanfang."],
        weight: 3,
        ..T
    },
    Template {
        names: &["Väter nach Trennung"],
        topics: &["Trennung und Scheidung", "Eltern"],
        descriptions: &["Getrennte Väter tauschen sich zu Umgang, Unterhalt und Beziehung zu ihren Kindern aus."],
        weight: 1,
        ..T
    },
    Template {
        names: &["Selbsthilfegruppe Schulden und Geldsorgen"],
        topics: &["Schulden"],
        related: &["Arbeitslosigkeit", "Glücksspiel"],
        descriptions: &["Ohne Scham über Geldsorgen sprechen und sich gegenseitig den Weg zur Beratung erleichtern."],
        sensitive: true,
        weight: 1,
        ..T
    },
    Template {
        names: &["Gesprächskreis unerfüllter Kinderwunsch"],
        topics: &["Kinderwunsch"],
        descriptions: &["Für Frauen und Paare mit unerfülltem Kinderwunsch – vor, während und nach einer Behandlung."],
        online: 20,
        weight: 1,
        ..T
    },
    // --- Junge Selbsthilfe (18–35) ------------------------------------------
    Template {
        names: &["Junge Selbsthilfe Depression (18–35)", "Junge Menschen mit Depression {ort}"],
        topics: &["Depression", "Junge Selbsthilfe"],
        related: &["Angst und Panik"],
        descriptions: &["Für junge Erwachsene von 18 bis 35 mit Depressionen: Studium, Job, Beziehungen und schlechte Tage."],
        young: true,
        online: 15,
        weight: 3,
        ..T
    },
    Template {
        names: &["Junge Menschen mit Angst (18–35)", "Junge Selbsthilfe Angst und Panik"],
        topics: &["Angst und Panik", "Junge Selbsthilfe"],
        descriptions: &["Junge Erwachsene mit Ängsten und Panikattacken unterstützen sich gegenseitig."],
        young: true,
        online: 15,
        weight: 2,
        ..T
    },
    Template {
        names: &["Junge Sucht-Selbsthilfe {ort}"],
        topics: &["Drogen", "Junge Selbsthilfe"],
        related: &["Alkohol", "Mediensucht"],
        descriptions: &["Für junge Leute, die mit Alkohol, Cannabis, anderen Drogen oder Zocken aufhören wollen."],
        young: true,
        sensitive: true,
        weight: 2,
        ..T
    },
    Template {
        names: &["Junge Erwachsene mit Krebs"],
        topics: &["Krebs", "Junge Selbsthilfe"],
        descriptions: &["Krebs mit 20 oder 30: Austausch über Ausbildung, Familienplanung und das Leben danach."],
        young: true,
        online: 30,
        weight: 1,
        ..T
    },
    Template {
        names: &["Junge Trauernde (18–35)"],
        topics: &["Trauer", "Junge Selbsthilfe"],
        descriptions: &["Für junge Erwachsene, die ein Elternteil, Geschwister, Freunde oder den Partner verloren haben."],
        young: true,
        weight: 1,
        ..T
    },
    Template {
        names: &["Jung und chronisch krank"],
        topics: &["Chronische Erkrankungen", "Junge Selbsthilfe"],
        related: &["Multiple Sklerose", "Rheuma", "Darmerkrankungen"],
        descriptions: &["Junge Erwachsene mit einer chronischen Erkrankung – egal welcher – treffen sich zum Austausch."],
        young: true,
        online: 25,
        weight: 1,
        ..T
    },
    Template {
        names: &["Junge Erwachsene mit ADHS (18–35)"],
        topics: &["ADHS", "Junge Selbsthilfe"],
        descriptions: &["Austausch über Studium, Ausbildung, Organisation und Diagnose als junger Mensch."],
        young: true,
        weight: 1,
        ..T
    },
    Template {
        names: &["Junge Selbsthilfe Essstörungen (18–35)"],
        topics: &["Essstörungen", "Junge Selbsthilfe"],
        descriptions: &["Junge Menschen mit Essstörungen sprechen offen über Druck, Körperbild und Genesung."],
        young: true,
        weight: 1,
        ..T
    },
    Template {
        names: &["Junge Selbsthilfe Einsamkeit {ort}"],
        topics: &["Einsamkeit", "Junge Selbsthilfe"],
        descriptions: &["Neu in der Stadt, kaum Freunde? Junge Erwachsene lernen sich in entspannter Runde kennen."],
        young: true,
        weight: 1,
        ..T
    },
];
