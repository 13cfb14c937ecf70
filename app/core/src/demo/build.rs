//! Turning the word lists of [`super::vocab`] into records.

use super::rng::Rng;
use super::vocab::{self, Template, TopicDef};
use crate::domain::{
    Accepting, Accessibility, Address, AgeFocus, ClockTime, Contact, District, Email, Format,
    Group, GroupId, GroupInput, Language, Location, LongText, Name, Nth, Office, OfficeId,
    OfficeInput, OpeningHours, Phone, PostalCode, Recurrence, Schedule, ShortText, Slug, Status,
    Topic, TopicId, TopicInput, Version, Website, Weekday,
};
use crate::records::Records;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use time::macros::{date, datetime};
use time::{Date, Duration, OffsetDateTime};

/// Every record was last changed at this instant plus a small offset.
const BASE_INSTANT: OffsetDateTime = datetime!(2026-11-01 09:00 UTC);
/// Venues are part of the city, not of a particular seed.
const VENUE_SEED: u64 = 0x5EED_0FC1_7E00;
/// Streams of the group seed that are not groups.
const ORDER_STREAM: u64 = u64::MAX;

pub fn generate(groups: usize, seed: u64) -> Records {
    let topics = topics();
    let offices = offices();
    let mut builder = Groups {
        city: City::new(&offices),
        templates: Templates::new(&topics),
        offices: &offices,
        slugs: UniqueSlugs::default(),
    };

    // The first groups go once through every kind of group, in an order
    // that depends on the seed; after that, kinds are drawn by weight.
    let mut order: Vec<usize> = (0..vocab::TEMPLATES.len()).collect();
    Rng::stream(seed, ORDER_STREAM).shuffle(&mut order);

    let groups = (0..groups)
        .map(|i| {
            let mut rng = Rng::stream(seed, i as u64);
            let kind = match order.get(i) {
                Some(&k) => k,
                None => builder.templates.draw(&mut rng),
            };
            builder.group(kind, &mut rng)
        })
        .collect();

    Records {
        topics,
        offices,
        groups,
    }
}

// ---------------------------------------------------------------------------
// Parsing table data: a failure is a bug in the tables, caught by the tests.
// ---------------------------------------------------------------------------

fn name(s: &str) -> Name {
    Name::parse(s).unwrap_or_else(|e| panic!("demo name {s:?}: {e}"))
}

fn short(s: &str) -> ShortText {
    ShortText::parse(s).unwrap_or_else(|e| panic!("demo text {s:?}: {e}"))
}

fn phone(s: &str) -> Phone {
    Phone::parse(s).unwrap_or_else(|e| panic!("demo phone {s:?}: {e}"))
}

fn email(s: &str) -> Email {
    Email::parse(s).unwrap_or_else(|e| panic!("demo e-mail {s:?}: {e}"))
}

fn website(s: &str) -> Website {
    Website::parse(s).unwrap_or_else(|e| panic!("demo website {s:?}: {e}"))
}

fn language(code: &str) -> Language {
    Language::parse(code).unwrap_or_else(|e| panic!("demo language {code:?}: {e}"))
}

fn time_of(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap_or_else(|e| panic!("demo time {s:?}: {e}"))
}

// ---------------------------------------------------------------------------
// Topics and offices: fixed, whatever the seed.
// ---------------------------------------------------------------------------

/// A topic's id depends on its slug alone.
pub fn topic_id(slug: &Slug) -> TopicId {
    TopicId(Rng::keyed(&format!("topic:{slug}")).uuid())
}

fn topics() -> Vec<Topic> {
    let mut ids: HashMap<&str, TopicId> = HashMap::new();
    vocab::TOPICS
        .iter()
        .enumerate()
        .map(|(i, def): (usize, &TopicDef)| {
            let slug = Slug::from_name(def.name);
            let id = topic_id(&slug);
            let parent = def.parent.map(|p| {
                *ids.get(p)
                    .unwrap_or_else(|| panic!("parent {p:?} of {:?} must come first", def.name))
            });
            ids.insert(def.name, id);
            Topic {
                id,
                version: Version::FIRST,
                updated_at: BASE_INSTANT + Duration::minutes(i as i64),
                data: TopicInput {
                    slug,
                    name: name(def.name),
                    parent,
                    synonyms: def.synonyms.iter().map(|s| short(s)).collect(),
                    description: def.description.map(short),
                },
            }
        })
        .collect()
}

fn offices() -> Vec<Office> {
    vocab::OFFICES
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let slug = Slug::from_name(def.name);
            let district = &vocab::DISTRICTS[def.district];
            let served: Vec<&str> = vocab::DISTRICTS
                .iter()
                .filter(|d| d.office == i)
                .map(|d| d.name)
                .collect();
            let area = match served.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("Stadtteile {} und {last}", rest.join(", "))
                }
                _ => format!("Stadtteil {}", served.join("")),
            };
            Office {
                id: OfficeId(Rng::keyed(&format!("office:{slug}")).uuid()),
                version: Version::FIRST,
                updated_at: BASE_INSTANT + Duration::minutes(i as i64),
                data: OfficeInput {
                    slug,
                    name: name(def.name),
                    address: Address {
                        street: name(def.street),
                        postal_code: postal_code(district.postal_codes[0]),
                        city: name(vocab::CITY),
                        district: District(name(district.name)),
                    },
                    phone: phone(def.phone),
                    email: email(def.email),
                    website: Some(website(def.website)),
                    opening_hours: def
                        .hours
                        .iter()
                        .map(|(day, opens, closes)| OpeningHours {
                            weekday: Weekday::parse(day).expect("weekday key"),
                            opens_at: time_of(opens),
                            closes_at: time_of(closes),
                        })
                        .collect(),
                    hours_note: Some(short(def.hours_note)),
                    area_served: short(&area),
                },
            }
        })
        .collect()
}

fn postal_code(s: &str) -> PostalCode {
    PostalCode::parse(s).unwrap_or_else(|e| panic!("demo postal code {s:?}: {e}"))
}

// ---------------------------------------------------------------------------
// The city: meeting places per district.
// ---------------------------------------------------------------------------

struct Venue {
    name: Name,
    address: Address,
    accessibility: Accessibility,
    /// Index into [`vocab::DISTRICTS`].
    district: usize,
    /// The contact office's own rooms.
    office: bool,
}

struct City {
    /// Per district, its meeting places; the office's rooms come first.
    venues: Vec<Vec<Venue>>,
    district_weights: Vec<u32>,
}

impl City {
    fn new(offices: &[Office]) -> Self {
        let mut rng = Rng::new(VENUE_SEED);
        let kind_weights: Vec<u32> = vocab::VENUE_KINDS.iter().map(|k| k.weight).collect();
        let venues = vocab::DISTRICTS
            .iter()
            .enumerate()
            .map(|(d, district)| {
                let mut here = Vec::new();
                for (o, def) in vocab::OFFICES.iter().enumerate() {
                    if def.district == d {
                        here.push(Venue {
                            name: name(def.building),
                            address: offices[o].data.address.clone(),
                            accessibility: Accessibility {
                                step_free: true,
                                accessible_toilet: true,
                                hearing_loop: true,
                                details: Some(short("Aufzug und barrierefreies WC vorhanden")),
                            },
                            district: d,
                            office: true,
                        });
                    }
                }
                let streets: Vec<&str> = vocab::STREETS
                    .iter()
                    .skip(d)
                    .step_by(vocab::DISTRICTS.len())
                    .copied()
                    .collect();
                let mut used_kinds = Vec::new();
                while used_kinds.len() < 5 {
                    let k = rng.weighted(&kind_weights);
                    if used_kinds.contains(&k) {
                        continue;
                    }
                    used_kinds.push(k);
                    let kind = &vocab::VENUE_KINDS[k];
                    let venue_name = kind
                        .name
                        .replace("{ort}", district.name)
                        .replace("{heilig}", vocab::SAINTS[d % vocab::SAINTS.len()]);
                    let step_free = rng.chance(kind.step_free);
                    let details = match rng.below(3) {
                        0 if step_free => Some(short(rng.pick(vocab::STEP_FREE_NOTES))),
                        0 => Some(short(rng.pick(vocab::STEPS_NOTES))),
                        _ => None,
                    };
                    let number = rng.range(1, 140);
                    let letter = if rng.chance(10) { "a" } else { "" };
                    here.push(Venue {
                        name: name(&venue_name),
                        address: Address {
                            street: name(&format!("{} {number}{letter}", rng.pick(&streets))),
                            postal_code: postal_code(rng.pick(district.postal_codes)),
                            city: name(vocab::CITY),
                            district: District(name(district.name)),
                        },
                        accessibility: Accessibility {
                            step_free,
                            accessible_toilet: step_free && rng.chance(60),
                            hearing_loop: rng.chance(12),
                            details,
                        },
                        district: d,
                        office: false,
                    });
                }
                here
            })
            .collect();
        Self {
            venues,
            district_weights: vocab::DISTRICTS.iter().map(|d| d.weight).collect(),
        }
    }
}

// ---------------------------------------------------------------------------
// Kinds of groups with their topics resolved.
// ---------------------------------------------------------------------------

struct Templates {
    topics: Vec<Vec<TopicId>>,
    related: Vec<Vec<TopicId>>,
    /// Running sums of the weights, for drawing by weight.
    cumulative: Vec<u32>,
}

impl Templates {
    fn new(topics: &[Topic]) -> Self {
        let by_name: HashMap<&str, TopicId> = topics
            .iter()
            .map(|t| (t.data.name.as_str(), t.id))
            .collect();
        let resolve = |names: &[&str]| -> Vec<TopicId> {
            names
                .iter()
                .map(|n| {
                    *by_name
                        .get(n)
                        .unwrap_or_else(|| panic!("unknown demo topic {n:?}"))
                })
                .collect()
        };
        let mut total = 0;
        Self {
            topics: vocab::TEMPLATES.iter().map(|t| resolve(t.topics)).collect(),
            related: vocab::TEMPLATES
                .iter()
                .map(|t| resolve(t.related))
                .collect(),
            cumulative: vocab::TEMPLATES
                .iter()
                .map(|t| {
                    total += t.weight;
                    total
                })
                .collect(),
        }
    }

    fn draw(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().expect("templates");
        let r = rng.below(total as usize) as u32;
        self.cumulative.partition_point(|&c| c <= r)
    }
}

// ---------------------------------------------------------------------------
// Slugs
// ---------------------------------------------------------------------------

/// Hands out unique slugs: the first `base`, then `base-2`, `base-3`, …
#[derive(Default)]
struct UniqueSlugs {
    /// Every slug handed out; for a base, the last suffix tried.
    taken: HashMap<String, u32>,
}

impl UniqueSlugs {
    fn claim(&mut self, base: Slug) -> Slug {
        let mut n = match self.taken.entry(base.as_str().to_owned()) {
            Entry::Vacant(v) => {
                v.insert(1);
                return base;
            }
            Entry::Occupied(o) => *o.get(),
        };
        let slug = loop {
            n += 1;
            let candidate = base.with_suffix(n);
            if !self.taken.contains_key(candidate.as_str()) {
                break candidate;
            }
        };
        self.taken.insert(base.as_str().to_owned(), n);
        self.taken.insert(slug.as_str().to_owned(), 1);
        slug
    }
}

// ---------------------------------------------------------------------------
// One group
// ---------------------------------------------------------------------------

/// What every group draws on, and the slugs handed out so far.
struct Groups<'a> {
    city: City,
    templates: Templates,
    offices: &'a [Office],
    slugs: UniqueSlugs,
}

impl Groups<'_> {
    /// One group of the given kind, drawn from `rng`.
    fn group(&mut self, kind: usize, rng: &mut Rng) -> Group {
        let t: &Template = &vocab::TEMPLATES[kind];
        let id = GroupId(rng.uuid());

        let status = match rng.below(1000) {
            0..=9 => Status::Ended,
            10..=49 => Status::Paused,
            50..=109 => Status::Founding,
            _ => Status::Active,
        };
        let format = match rng.below(100) {
            r if r < t.online as usize => Format::Online,
            r if r < t.online as usize + 8 => Format::Hybrid,
            _ => Format::InPerson,
        };

        // Where: sensitive groups meet more often in the office's rooms.
        let venue = format.meets_in_person().then(|| {
            let at_office = rng.chance(if t.sensitive { 30 } else { 15 });
            let district = if at_office {
                vocab::OFFICES[rng.below(vocab::OFFICES.len())].district
            } else {
                rng.weighted(&self.city.district_weights)
            };
            let venues = &self.city.venues[district];
            if at_office && venues[0].office {
                &venues[0]
            } else {
                let own = venues.iter().filter(|v| !v.office).count();
                &venues[venues.len() - own + rng.below(own)]
            }
        });
        let district_index = venue.map(|v| v.district);
        let ort = district_index.map_or("online", |d| vocab::DISTRICTS[d].name);

        let (schedules, mut notes) = schedules(rng, t, status);
        if format == Format::Online {
            notes.push(vocab::ONLINE_NOTE);
        } else if format == Format::Hybrid {
            notes.push(vocab::HYBRID_NOTE);
        }
        let schedule_note = (!notes.is_empty()).then(|| short(&notes.join(" ")));

        // Name and slug.
        let tag = schedules
            .first()
            .map(|s: &Schedule| vocab::WEEKDAY_GROUP[s.recurrence().weekday() as usize]);
        let candidates: Vec<&str> = t
            .names
            .iter()
            .copied()
            .filter(|n| tag.is_some() || !n.contains("{tag}"))
            .collect();
        let pattern = if candidates.is_empty() {
            t.names[0]
        } else {
            rng.pick(&candidates)
        };
        let fill = |p: &str| {
            p.replace("{ort}", ort)
                .replace("{tag}", tag.unwrap_or("Gruppe"))
        };
        let group_name = fill(pattern);
        let base = if group_name.contains(ort) {
            Slug::from_name(&group_name)
        } else {
            Slug::from_name(&format!("{group_name} {ort}"))
        };
        let slug = self.slugs.claim(base);
        let alternate_names = if !t.alternate_names.is_empty() && rng.chance(60) {
            vec![name(&fill(rng.pick(t.alternate_names)))]
        } else {
            vec![]
        };

        let mut topics = self.templates.topics[kind].clone();
        let related = &self.templates.related[kind];
        if !related.is_empty() && topics.len() < 3 && rng.chance(35) {
            let extra = rng.pick(related);
            if !topics.contains(&extra) {
                topics.push(extra);
            }
        }

        let description = short(rng.pick(t.descriptions));
        let details = details(rng, t, status);

        let location = venue.map(|v| Location {
            name: Some(v.name.clone()),
            address: v.address.clone(),
            publish_address: rng.chance(if t.sensitive { 30 } else { 80 }),
            room_note: (v.office || rng.chance(50)).then(|| {
                if v.office {
                    short(&format!("Gruppenraum {}", rng.range(1, 4)))
                } else {
                    short(rng.pick(vocab::ROOM_NOTES))
                }
            }),
        });
        let accessibility = venue.map(|v| v.accessibility.clone()).unwrap_or_default();

        let languages: Vec<Language> = if !t.languages.is_empty() {
            t.languages.iter().map(|c| language(c)).collect()
        } else if rng.chance(9) {
            vec![Language::GERMAN, language(rng.pick(vocab::EXTRA_LANGUAGES))]
        } else {
            vec![Language::GERMAN]
        };

        let contact = contact(rng, t, &slug);
        let accepting_new_members = match status {
            Status::Ended => Accepting::No,
            Status::Founding => Accepting::Yes,
            Status::Paused => {
                if rng.chance(60) {
                    Accepting::OnRequest
                } else {
                    Accepting::No
                }
            }
            Status::Active => match rng.below(100) {
                0..=82 => Accepting::Yes,
                83..=92 => Accepting::OnRequest,
                _ => Accepting::No,
            },
        };

        let office = match district_index {
            Some(d) => vocab::DISTRICTS[d].office,
            None => rng.weighted(&vocab::OFFICES.iter().map(|o| o.weight).collect::<Vec<_>>()),
        };

        let last_verified = Some(if status == Status::Founding {
            day_between(rng, date!(2026 - 05 - 01), date!(2026 - 10 - 30))
        } else {
            day_between(rng, date!(2025 - 01 - 02), date!(2026 - 10 - 30))
        });
        let updated_at = BASE_INSTANT + Duration::seconds(rng.below(14 * 24 * 3600) as i64);

        Group {
            id,
            version: Version::FIRST,
            updated_at,
            data: GroupInput {
                slug,
                name: name(&group_name),
                alternate_names,
                topics,
                description,
                details,
                audience: t.audience,
                age_focus: t.young.then(|| AgeFocus::new(18, 35).expect("valid range")),
                format,
                location,
                schedules,
                schedule_note,
                accessibility,
                languages,
                contact,
                accepting_new_members,
                status,
                office_id: self.offices[office].id,
                last_verified,
            },
        }
    }
}

fn day_between(rng: &mut Rng, from: Date, to: Date) -> Date {
    let span = (to - from).whole_days() as usize + 1;
    from + Duration::days(rng.below(span) as i64)
}

/// A weekday, mostly Monday to Friday.
fn weekday(rng: &mut Rng, t: &Template) -> Weekday {
    let weekend = if t.weekly { 10 } else { 5 };
    Weekday::ALL[rng.weighted(&[18, 20, 20, 20, 12, weekend, weekend])]
}

/// Opening and closing time, in the daytime or the evening.
fn times(rng: &mut Rng, t: &Template) -> (ClockTime, ClockTime) {
    const DAY: &[(u8, u8)] = &[
        (9, 30),
        (10, 0),
        (10, 0),
        (10, 30),
        (14, 0),
        (14, 30),
        (15, 0),
        (15, 0),
        (16, 0),
    ];
    const EVENING: &[(u8, u8)] = &[
        (17, 30),
        (18, 0),
        (18, 30),
        (19, 0),
        (19, 0),
        (19, 30),
        (20, 0),
    ];
    let slots = if rng.chance(t.daytime) { DAY } else { EVENING };
    let (h, m) = rng.pick(slots);
    let length = rng.pick(&[60u16, 90, 90, 90, 120, 120]);
    let opens = u16::from(h) * 60 + u16::from(m);
    let closes = opens + length;
    (
        ClockTime::hm(h, m),
        ClockTime::hm((closes / 60) as u8, (closes % 60) as u8),
    )
}

fn schedule(recurrence: Recurrence, (opens, closes): (ClockTime, ClockTime)) -> Schedule {
    Schedule::new(recurrence, opens, closes).expect("demo schedules are valid by construction")
}

/// A date on `weekday` between September 2025 and September 2026, for the
/// anchor of an every-n-weeks rhythm.
fn anchor(rng: &mut Rng, weekday: Weekday) -> Date {
    let monday = date!(2025 - 09 - 01);
    debug_assert_eq!(Weekday::of(monday), Weekday::Mo);
    monday + Duration::days(7 * rng.below(52) as i64 + weekday as i64)
}

/// The rules and the notes that go with them.
fn schedules(rng: &mut Rng, t: &Template, status: Status) -> (Vec<Schedule>, Vec<&'static str>) {
    let mut notes = Vec::new();
    let at = times(rng, t);
    let day = weekday(rng, t);
    let founding_without_date = status == Status::Founding && !t.weekly && rng.chance(50);
    let rules = if founding_without_date {
        notes.push(vocab::FOUNDING_NOTE);
        vec![]
    } else if t.weekly {
        let mut rules = vec![schedule(Recurrence::Weekly { weekday: day }, at)];
        if rng.chance(15) {
            let other = Weekday::ALL[(day as usize + 3) % 5];
            rules.push(schedule(Recurrence::Weekly { weekday: other }, at));
        }
        rules
    } else {
        match rng.below(100) {
            0..=21 => vec![schedule(Recurrence::Weekly { weekday: day }, at)],
            22..=41 => vec![schedule(
                Recurrence::EveryNWeeks {
                    weekday: day,
                    interval: 2,
                    anchor: anchor(rng, day),
                },
                at,
            )],
            42..=45 => vec![schedule(
                Recurrence::EveryNWeeks {
                    weekday: day,
                    interval: 3,
                    anchor: anchor(rng, day),
                },
                at,
            )],
            46..=48 => vec![schedule(
                Recurrence::EveryNWeeks {
                    weekday: day,
                    interval: 4,
                    anchor: anchor(rng, day),
                },
                at,
            )],
            49..=76 => {
                let nth = Nth::new(rng.range(1, 4) as u8).expect("1 to 4");
                vec![schedule(Recurrence::MonthlyNth { weekday: day, nth }, at)]
            }
            77..=85 => vec![schedule(Recurrence::MonthlyLast { weekday: day }, at)],
            86..=92 => {
                // Twice a month: the 1st and 3rd, or the 2nd and 4th.
                let first = rng.range(1, 2) as u8;
                [first, first + 2]
                    .into_iter()
                    .map(|n| {
                        schedule(
                            Recurrence::MonthlyNth {
                                weekday: day,
                                nth: Nth::new(n).expect("1 to 4"),
                            },
                            at,
                        )
                    })
                    .collect()
            }
            _ => {
                notes.push(rng.pick(vocab::IRREGULAR_NOTES));
                vec![]
            }
        }
    };
    match status {
        Status::Paused => notes.push(vocab::PAUSED_NOTE),
        Status::Ended => notes.push(vocab::ENDED_NOTE),
        Status::Active if !rules.is_empty() && rng.chance(15) => {
            notes.push(rng.pick(vocab::RHYTHM_NOTES))
        }
        _ => {}
    }
    (rules, notes)
}

/// The longer text: sometimes, and always for groups in founding.
fn details(rng: &mut Rng, t: &Template, status: Status) -> Option<LongText> {
    let founding = status == Status::Founding;
    if !founding && !rng.chance(35) {
        return None;
    }
    let mut parts = Vec::new();
    if founding {
        parts.push(vocab::FOUNDING_DETAIL);
    }
    if let Some(specific) = t.details {
        if rng.chance(70) {
            parts.push(specific);
        }
    }
    let first = rng.below(vocab::GENERIC_DETAILS.len());
    parts.push(vocab::GENERIC_DETAILS[first]);
    if rng.chance(40) {
        let second = (first + 1 + rng.below(vocab::GENERIC_DETAILS.len() - 1))
            % vocab::GENERIC_DETAILS.len();
        parts.push(vocab::GENERIC_DETAILS[second]);
    }
    Some(LongText::parse(&parts.join("\n\n")).expect("demo details fit"))
}

/// The group's own contact: the office always holds something for most
/// groups, but only some agreed to publish it.
fn contact(rng: &mut Rng, t: &Template, slug: &Slug) -> Contact {
    let publish = rng.chance(if t.sensitive { 18 } else { 45 });
    if !publish && rng.chance(35) {
        return Contact::default();
    }
    let person = (rng.chance(if t.sensitive { 40 } else { 80 })).then(|| {
        let first = rng.pick(vocab::FIRST_NAMES);
        if rng.chance(40) {
            format!("{first} {}", rng.pick(vocab::INITIALS))
        } else {
            first.to_owned()
        }
    });
    // At least one way to reach the group.
    let with_phone = rng.chance(60);
    let with_email = !with_phone || rng.chance(70);
    let phone_number = with_phone.then(|| {
        let number = rng.range(200_000, 989_999);
        let text = if rng.chance(50) {
            format!("0555 {number}")
        } else {
            format!(
                "0555 {:02} {:02} {:02}",
                number / 10_000,
                number / 100 % 100,
                number % 100
            )
        };
        phone(&text)
    });
    let domain = rng.pick(&["example.org", "example.net", "example.com"]);
    let email_address = with_email.then(|| {
        let local = match &person {
            Some(p) if rng.chance(50) => Slug::from_name(p).as_str().replace('-', "."),
            // The group's slug, shortened at a word, e.g. "trauercafe-suedstadt".
            _ => {
                let mut local = String::new();
                for word in slug.as_str().split('-') {
                    if !local.is_empty() && local.len() + word.len() >= 48 {
                        break;
                    }
                    if !local.is_empty() {
                        local.push('-');
                    }
                    local.push_str(word);
                }
                local
            }
        };
        email(&format!("{local}@{domain}"))
    });
    let site = rng
        .chance(12)
        .then(|| website(&format!("https://{domain}/gruppen/{slug}")));
    Contact {
        person: person.map(|p| name(&p)),
        phone: phone_number,
        email: email_address,
        website: site,
        publish,
    }
}
