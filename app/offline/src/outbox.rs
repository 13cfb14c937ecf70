//! Contact requests made without a connection: checked with the same
//! rules as on the server, kept in the replica's `outbox` under their id,
//! and delivered through `POST /api/v1/contact-requests` when the
//! connection returns. The id makes delivery exactly once: if the first
//! delivery reached the server but its answer was lost, the next one gets
//! the same receipt back (`200`) and nothing is stored twice.

use serde::Serialize;
use wegweiser_core::domain::{ContactForm, ContactRequest, ContactRequestInput};

/// What the service worker does with a form posted offline.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "lowercase")]
pub enum Queued {
    /// Kept: `id` and the request as the API takes it.
    Kept { id: String, json: String },
    /// Not a valid request: the fields to correct.
    Refused { fields: Vec<String> },
}

/// Check a form (its fields as JSON, the id already given) for the outbox.
pub fn queue(form_json: &str) -> Result<Queued, serde_json::Error> {
    let form: ContactForm = serde_json::from_str(form_json)?;
    let input = form.input(String::new);
    Ok(match ContactRequest::parse(&input) {
        Ok(_) => Queued::Kept {
            id: input.id.clone(),
            json: serde_json::to_string(&input)?,
        },
        Err(errors) => {
            let mut fields: Vec<String> = errors.0.into_iter().map(|e| e.field).collect();
            fields.dedup();
            Queued::Refused { fields }
        }
    })
}

/// What the server's answer to a delivery means for the kept request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// `201` (stored now) or `200` (stored before, by a delivery whose
    /// answer was lost): drop it here.
    Delivered,
    /// The server will never take it (`4xx`: the group has ended, the id
    /// belongs to another request): drop it and tell the visitor.
    Refused,
    /// No answer, or the server failed (`5xx`): keep it, try again later.
    Retry,
}

pub fn delivery(status: Option<u16>) -> Delivery {
    match status {
        Some(200 | 201) => Delivery::Delivered,
        Some(400..=499) => Delivery::Refused,
        _ => Delivery::Retry,
    }
}

/// The id of a kept request (its JSON as [`queue`] made it).
pub fn id_of(json: &str) -> Option<String> {
    serde_json::from_str::<ContactRequestInput>(json)
        .ok()
        .map(|i| i.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GROUP: &str = "0b7d9e3a-1c2f-4e5d-8a9b-3c4d5e6f7a8b";
    const ID: &str = "6f1c2a5e-8d1b-4c7e-9a34-2f0d5b6c7e81";

    #[test]
    fn a_valid_form_is_kept_under_its_id() {
        let form = format!(
            r#"{{"id":"{ID}","group_id":"{GROUP}","slug":"x","name":"Kim","reach":"0221 123456","message":"","consent":"ja"}}"#
        );
        let Queued::Kept { id, json } = queue(&form).unwrap() else {
            panic!("refused")
        };
        assert_eq!(id, ID);
        assert_eq!(id_of(&json).as_deref(), Some(ID));
        assert!(json.contains("\"consent\":true"));
    }

    #[test]
    fn an_invalid_form_is_refused_with_its_fields() {
        let form = format!(r#"{{"id":"{ID}","group_id":"{GROUP}","name":"","reach":"?"}}"#);
        assert_eq!(
            queue(&form).unwrap(),
            Queued::Refused {
                fields: vec!["name".into(), "reach".into(), "consent".into()]
            }
        );
    }

    #[test]
    fn answers_decide_what_happens_to_a_kept_request() {
        assert_eq!(delivery(Some(201)), Delivery::Delivered);
        assert_eq!(delivery(Some(200)), Delivery::Delivered);
        assert_eq!(delivery(Some(409)), Delivery::Refused);
        assert_eq!(delivery(Some(422)), Delivery::Refused);
        assert_eq!(delivery(Some(503)), Delivery::Retry);
        assert_eq!(delivery(None), Delivery::Retry);
    }
}
