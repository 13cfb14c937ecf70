use super::ShortText;
use serde::{Deserialize, Serialize};

/// Accessibility of the meeting place (HSDS: accessibility).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    /// Step-free access to the room (barrierefreier Zugang).
    #[serde(default)]
    pub step_free: bool,
    #[serde(default)]
    pub accessible_toilet: bool,
    /// Induction loop for hearing aids (Induktionsschleife).
    #[serde(default)]
    pub hearing_loop: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<ShortText>,
}

impl Accessibility {
    /// German labels of what the place offers.
    pub fn features(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.step_free {
            v.push("barrierefreier Zugang");
        }
        if self.accessible_toilet {
            v.push("barrierefreies WC");
        }
        if self.hearing_loop {
            v.push("Induktionsschleife");
        }
        v
    }
}
