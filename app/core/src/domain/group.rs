//! A self-help group (HSDS: service, with its location and schedules).

use super::schedule::{german_date, next_meeting};
use super::{
    Accepting, Accessibility, AgeFocus, Audience, Contact, District, Format, GroupId, Language,
    Location, LongText, Name, OfficeId, Problem, PublicContact, RecordErrors, Schedule, ShortText,
    Slug, Status, TopicId, Version,
};
use serde::{de::Error as _, Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashSet;
use time::{Date, PrimitiveDateTime};

/// A group record as the office keeps it: identity, sync metadata, data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: GroupId,
    pub version: Version,
    #[serde(with = "super::iso::instant")]
    pub updated_at: time::OffsetDateTime,
    pub data: GroupInput,
}

/// Everything about a group that staff edit. Deserialising checks every
/// field and the rules between fields (an in-person group needs a place, at
/// least one topic and language, no duplicates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct GroupInput {
    pub slug: Slug,
    pub name: Name,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternate_names: Vec<Name>,
    pub topics: Vec<TopicId>,
    pub description: ShortText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<LongText>,
    pub audience: Audience,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_focus: Option<AgeFocus>,
    pub format: Format,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default)]
    pub schedules: Vec<Schedule>,
    /// Free text to the rhythm, or the whole rhythm when it is irregular.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_note: Option<ShortText>,
    #[serde(default)]
    pub accessibility: Accessibility,
    pub languages: Vec<Language>,
    #[serde(default)]
    pub contact: Contact,
    pub accepting_new_members: Accepting,
    pub status: Status,
    pub office_id: OfficeId,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::iso::date_opt"
    )]
    pub last_verified: Option<Date>,
}

impl GroupInput {
    /// The rules between fields. Field values are valid by their types.
    pub fn check(&self) -> Result<(), RecordErrors> {
        let mut errs = RecordErrors::default();
        if self.topics.is_empty() {
            errs.push("topics", Problem::AtLeastOne);
        } else if has_duplicates(&self.topics) {
            errs.push("topics", Problem::Duplicate);
        }
        if self.languages.is_empty() {
            errs.push("languages", Problem::AtLeastOne);
        } else if has_duplicates(&self.languages) {
            errs.push("languages", Problem::Duplicate);
        }
        if self.format.meets_in_person() && self.location.is_none() {
            errs.push("location", Problem::LocationRequired);
        }
        if self.schedules.is_empty() && self.schedule_note.is_none() {
            errs.push(
                "schedules",
                Problem::Other(
                    "Rhythmus oder eine Notiz dazu angeben (z. B. „nach Absprache“)".into(),
                ),
            );
        }
        if has_duplicates(&self.schedules) {
            errs.push("schedules", Problem::Duplicate);
        }
        errs.into_result(|| ())
    }

    pub fn next_meeting(&self, now: PrimitiveDateTime) -> Option<PrimitiveDateTime> {
        if matches!(self.status, Status::Paused | Status::Ended)
            || self.format == Format::Online && self.schedules.is_empty()
        {
            return None;
        }
        next_meeting(&self.schedules, now)
    }

    pub fn district(&self) -> Option<&District> {
        self.location.as_ref().map(|l| &l.address.district)
    }
}

fn has_duplicates<T: Eq + std::hash::Hash>(items: &[T]) -> bool {
    let mut seen = HashSet::new();
    !items.iter().all(|i| seen.insert(i))
}

impl<'de> Deserialize<'de> for GroupInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let input = GroupInput::deserialize(d)?;
        input.check().map_err(D::Error::custom)?;
        Ok(input)
    }
}

impl Serialize for GroupInput {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        GroupInput::serialize(self, s)
    }
}

/// The meeting place as the public sees it: the district always, the
/// address only when the group publishes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicLocation {
    pub district: District,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<super::Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_note: Option<ShortText>,
}

/// What leaves the server about a group. Built only through
/// [`PublicGroup::from`], which drops everything the group did not agree to
/// publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicGroup {
    pub id: GroupId,
    pub version: super::Version,
    #[serde(with = "super::iso::instant")]
    pub updated_at: time::OffsetDateTime,
    pub slug: Slug,
    pub name: Name,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternate_names: Vec<Name>,
    pub topics: Vec<TopicId>,
    pub description: ShortText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<LongText>,
    pub audience: Audience,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_focus: Option<AgeFocus>,
    pub format: Format,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<PublicLocation>,
    pub schedules: Vec<Schedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_note: Option<ShortText>,
    pub accessibility: Accessibility,
    pub languages: Vec<Language>,
    pub contact: PublicContact,
    pub accepting_new_members: Accepting,
    pub status: Status,
    pub office_id: OfficeId,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::iso::date_opt"
    )]
    pub last_verified: Option<Date>,
}

impl From<&Group> for PublicGroup {
    fn from(g: &Group) -> Self {
        let d = &g.data;
        PublicGroup {
            id: g.id,
            version: g.version,
            updated_at: g.updated_at,
            slug: d.slug.clone(),
            name: d.name.clone(),
            alternate_names: d.alternate_names.clone(),
            topics: d.topics.clone(),
            description: d.description.clone(),
            details: d.details.clone(),
            audience: d.audience,
            age_focus: d.age_focus,
            format: d.format,
            location: d.location.as_ref().map(|l| PublicLocation {
                district: l.address.district.clone(),
                name: l.publish_address.then(|| l.name.clone()).flatten(),
                address: l.publish_address.then(|| l.address.clone()),
                room_note: l.publish_address.then(|| l.room_note.clone()).flatten(),
            }),
            schedules: d.schedules.clone(),
            schedule_note: d.schedule_note.clone(),
            accessibility: d.accessibility.clone(),
            languages: d.languages.clone(),
            contact: d.contact.public(),
            accepting_new_members: d.accepting_new_members,
            status: d.status,
            office_id: d.office_id,
            last_verified: d.last_verified,
        }
    }
}

impl PublicGroup {
    pub fn rhythm(&self) -> Vec<String> {
        self.schedules.iter().map(Schedule::describe).collect()
    }

    pub fn next_meeting(&self, now: PrimitiveDateTime) -> Option<PrimitiveDateTime> {
        if matches!(self.status, Status::Paused | Status::Ended) {
            return None;
        }
        next_meeting(&self.schedules, now)
    }

    pub fn next_meeting_text(&self, now: PrimitiveDateTime) -> Option<String> {
        self.next_meeting(now).map(|m| {
            format!(
                "{}, {} Uhr",
                german_date(m.date()),
                super::ClockTime::hm(m.hour(), m.minute())
            )
        })
    }

    pub fn district(&self) -> Option<&District> {
        self.location.as_ref().map(|l| &l.district)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    pub fn sample_json() -> serde_json::Value {
        json!({
            "id": "6f1c1f0e-4b7a-4c1e-9d2a-0a1b2c3d4e5f",
            "version": 3,
            "updated_at": "2026-11-01T10:00:00Z",
            "data": {
                "slug": "angehoerige-demenz-altstadt",
                "name": "Angehörige von Menschen mit Demenz",
                "topics": ["00000000-0000-4000-8000-000000000001"],
                "description": "Austausch für pflegende Angehörige.",
                "audience": "relatives",
                "format": "in_person",
                "location": {
                    "address": {"street": "Lindenweg 4", "postal_code": "12345", "city": "Musterstadt", "district": "Altstadt"},
                    "publish_address": false,
                    "room_note": "Raum 2"
                },
                "schedules": [{"freq": "monthly_nth", "weekday": "tu", "nth": 2, "opens_at": "18:00", "closes_at": "20:00"}],
                "accessibility": {"step_free": true, "accessible_toilet": false, "hearing_loop": false},
                "languages": ["de", "tr"],
                "contact": {"person": "Anke", "phone": "0555 123456", "email": "anke@example.org", "publish": false},
                "accepting_new_members": "yes",
                "status": "active",
                "office_id": "00000000-0000-4000-8000-0000000000aa",
                "last_verified": "2026-10-15"
            }
        })
    }

    #[test]
    fn a_valid_group_parses_and_round_trips() {
        let g: Group = serde_json::from_value(sample_json()).unwrap();
        assert_eq!(
            g.data.schedules[0].describe(),
            "jeden 2. Dienstag im Monat, 18:00–20:00 Uhr"
        );
        let back = serde_json::to_value(&g).unwrap();
        assert_eq!(back, sample_json());
    }

    #[test]
    fn invalid_fields_are_rejected_with_their_message() {
        let mut v = sample_json();
        v["data"]["contact"]["phone"] = json!("12345");
        let err = serde_json::from_value::<Group>(v).unwrap_err().to_string();
        assert!(err.contains("keine gültige Telefonnummer"), "{err}");

        let mut v = sample_json();
        v["data"]["last_verified"] = json!("2026-02-30");
        assert!(serde_json::from_value::<Group>(v).is_err());

        let mut v = sample_json();
        v["data"]["colour"] = json!("blue");
        let err = serde_json::from_value::<Group>(v).unwrap_err().to_string();
        assert!(err.contains("unknown field `colour`"), "{err}");
    }

    #[test]
    fn rules_between_fields() {
        let mut v = sample_json();
        v["data"]["location"] = serde_json::Value::Null;
        v["data"]["topics"] = json!([]);
        let err = serde_json::from_value::<Group>(v).unwrap_err().to_string();
        assert!(
            err.contains("topics: braucht mindestens einen Eintrag"),
            "{err}"
        );
        assert!(err.contains("location: fehlt"), "{err}");

        let mut v = sample_json();
        v["data"]["format"] = json!("online");
        v["data"]["location"] = serde_json::Value::Null;
        assert!(
            serde_json::from_value::<Group>(v).is_ok(),
            "online groups need no place"
        );
    }

    #[test]
    fn public_view_hides_what_is_not_published() {
        let g: Group = serde_json::from_value(sample_json()).unwrap();
        let public = serde_json::to_string(&PublicGroup::from(&g)).unwrap();
        for secret in ["Lindenweg", "Anke", "0555", "anke@example.org", "Raum 2"] {
            assert!(!public.contains(secret), "{secret} leaked: {public}");
        }
        assert!(public.contains("Altstadt"));
        assert!(public.contains(r#""contact":{"path":"via_office"}"#));
    }
}
