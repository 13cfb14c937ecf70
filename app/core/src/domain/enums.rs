//! Small closed sets of values. Each has a stable key (used in JSON, CSV and
//! URLs) and a German label.

use super::Problem;
use serde::{Deserialize, Serialize};

macro_rules! keyed_enum {
    ($(#[$doc:meta])* $name:ident, $allowed:literal, { $($variant:ident => $key:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(raw: &str) -> Result<Self, Problem> {
                let raw = raw.trim();
                $(if raw.eq_ignore_ascii_case($key) { return Ok($name::$variant); })+
                Err(Problem::OneOf($allowed))
            }
        }
    };
}

keyed_enum!(
    /// Who the group is for.
    Audience, "affected, relatives, both", {
        Affected => "affected", "Betroffene";
        Relatives => "relatives", "Angehörige";
        Both => "both", "Betroffene und Angehörige";
    }
);

keyed_enum!(
    /// How the group meets.
    Format, "in_person, online, hybrid", {
        InPerson => "in_person", "vor Ort";
        Online => "online", "online";
        Hybrid => "hybrid", "hybrid (vor Ort und online)";
    }
);

keyed_enum!(
    /// Whether the group takes new members.
    Accepting, "yes, no, on_request", {
        Yes => "yes", "nimmt neue Mitglieder auf";
        No => "no", "nimmt derzeit keine neuen Mitglieder auf";
        OnRequest => "on_request", "neue Mitglieder nach Absprache";
    }
);

keyed_enum!(
    /// Where the group stands (HSDS: service.status, refined).
    Status, "active, founding, paused, ended", {
        Active => "active", "aktiv";
        Founding => "founding", "in Gründung";
        Paused => "paused", "pausiert";
        Ended => "ended", "beendet";
    }
);

impl Format {
    pub fn meets_in_person(self) -> bool {
        matches!(self, Format::InPerson | Format::Hybrid)
    }
}

impl Audience {
    /// Does a group for `self` serve people who look for `wanted`?
    pub fn serves(self, wanted: Audience) -> bool {
        self == Audience::Both || wanted == Audience::Both || self == wanted
    }
}

/// An age focus such as "junge Selbsthilfe 18–35": an inclusive range of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "AgeFocusRaw", into = "AgeFocusRaw")]
pub struct AgeFocus {
    min: u8,
    max: u8,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeFocusRaw {
    min: u8,
    max: u8,
}

impl AgeFocus {
    pub fn new(min: u8, max: u8) -> Result<Self, Problem> {
        if max > 120 || min > max {
            Err(Problem::Range("Alter von 0 bis 120, von ≤ bis"))
        } else {
            Ok(Self { min, max })
        }
    }

    /// Parse "18-35" or "18–35".
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let (a, b) = raw
            .trim()
            .split_once(['-', '–'])
            .ok_or(Problem::Range("Alter als von–bis, z. B. 18–35"))?;
        let a = a
            .trim()
            .parse()
            .map_err(|_| Problem::Range("Alter als von–bis, z. B. 18–35"))?;
        let b = b
            .trim()
            .parse()
            .map_err(|_| Problem::Range("Alter als von–bis, z. B. 18–35"))?;
        Self::new(a, b)
    }

    pub fn min(self) -> u8 {
        self.min
    }
    pub fn max(self) -> u8 {
        self.max
    }
    pub fn label(self) -> String {
        format!("{}–{} Jahre", self.min, self.max)
    }
}

impl TryFrom<AgeFocusRaw> for AgeFocus {
    type Error = Problem;
    fn try_from(r: AgeFocusRaw) -> Result<Self, Problem> {
        Self::new(r.min, r.max)
    }
}
impl From<AgeFocus> for AgeFocusRaw {
    fn from(a: AgeFocus) -> Self {
        AgeFocusRaw {
            min: a.min,
            max: a.max,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_values_are_named() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.key()), Ok(*s));
        }
        let err = Status::parse("closed").unwrap_err();
        assert_eq!(
            err.to_string(),
            "ist kein gültiger Wert; erlaubt: active, founding, paused, ended"
        );
    }

    #[test]
    fn age_focus() {
        assert_eq!(AgeFocus::parse("18–35").unwrap().label(), "18–35 Jahre");
        assert!(AgeFocus::parse("35-18").is_err());
        assert!(AgeFocus::parse("jung").is_err());
        assert!(serde_json::from_str::<AgeFocus>(r#"{"min":40,"max":20}"#).is_err());
    }

    #[test]
    fn audience_both_serves_everyone() {
        assert!(Audience::Both.serves(Audience::Relatives));
        assert!(!Audience::Affected.serves(Audience::Relatives));
    }
}
