//! A self-help contact office (Selbsthilfekontaktstelle; HSDS: organization).

use super::{
    Address, ClockTime, Email, Name, OfficeId, Phone, Problem, RecordErrors, ShortText, Slug,
    Version, Website, Weekday,
};
use serde::{de::Error as _, Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: OfficeId,
    pub version: Version,
    #[serde(with = "super::iso::instant")]
    pub updated_at: time::OffsetDateTime,
    pub data: OfficeInput,
}

/// Opening hours on one weekday; several entries per day are allowed
/// (e.g. 9–12 and 14–17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpeningHours {
    pub weekday: Weekday,
    pub opens_at: ClockTime,
    pub closes_at: ClockTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct OfficeInput {
    pub slug: Slug,
    pub name: Name,
    pub address: Address,
    pub phone: Phone,
    pub email: Email,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Website>,
    pub opening_hours: Vec<OpeningHours>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_note: Option<ShortText>,
    /// The area served, e.g. "Stadtbezirke Mitte, Nord und Ost".
    pub area_served: ShortText,
}

impl OfficeInput {
    pub fn check(&self) -> Result<(), RecordErrors> {
        let mut errs = RecordErrors::default();
        for (i, h) in self.opening_hours.iter().enumerate() {
            if h.closes_at <= h.opens_at {
                errs.push(
                    format!("opening_hours[{i}].closes_at"),
                    Problem::EndBeforeStart,
                );
            }
        }
        errs.into_result(|| ())
    }

    /// Opening hours grouped by weekday, in week order, for display:
    /// `[("Montag", "09:00–12:00, 14:00–17:00"), …]`.
    pub fn hours_by_day(&self) -> Vec<(Weekday, String)> {
        Weekday::ALL
            .into_iter()
            .filter_map(|d| {
                let mut slots: Vec<_> = self
                    .opening_hours
                    .iter()
                    .filter(|h| h.weekday == d)
                    .collect();
                crate::order::sort_by_key(&mut slots, |h| h.opens_at);
                (!slots.is_empty()).then(|| {
                    let text = slots
                        .iter()
                        .map(|h| format!("{}–{}", h.opens_at, h.closes_at))
                        .collect::<Vec<_>>()
                        .join(", ");
                    (d, text)
                })
            })
            .collect()
    }
}

impl<'de> Deserialize<'de> for OfficeInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let input = OfficeInput::deserialize(d)?;
        input.check().map_err(D::Error::custom)?;
        Ok(input)
    }
}

impl Serialize for OfficeInput {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        OfficeInput::serialize(self, s)
    }
}
