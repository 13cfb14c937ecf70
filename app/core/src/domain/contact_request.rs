//! A contact request (Kontaktanfrage): a visitor asks the contact office to
//! put them in touch with a group. The office's main service; what the
//! visitor gives is personal data, kept only for this purpose.

use super::{ContactRequestId, Email, GroupId, Message, Name, Phone, Problem, RecordErrors};
use serde::{Deserialize, Serialize};

/// How the office can reach the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reach {
    Phone(Phone),
    Email(Email),
}

impl Reach {
    /// An e-mail address if it has an `@`, else a phone number.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let raw = raw.trim();
        if raw.is_empty() {
            Err(Problem::Empty)
        } else if raw.contains('@') {
            Email::parse(raw).map(Reach::Email)
        } else {
            Phone::parse(raw).map(Reach::Phone).map_err(|e| match e {
                Problem::Phone(_) if !raw.chars().any(|c| c.is_ascii_digit()) => Problem::Reach,
                e => e,
            })
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Reach::Phone(p) => p.as_str(),
            Reach::Email(e) => e.as_str(),
        }
    }
}

/// A contact request as the browser sends it (and keeps it while offline).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRequestInput {
    pub id: String,
    pub group_id: String,
    /// A name or pseudonym.
    pub name: String,
    /// A phone number or an e-mail address.
    pub reach: String,
    #[serde(default)]
    pub message: Option<String>,
    /// Consent to processing the data for this request.
    pub consent: bool,
}

/// The contact form on a group's page as it is posted
/// (`application/x-www-form-urlencoded`): to the server, or kept by the
/// service worker while offline. Missing fields are empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    /// Empty when the page was rendered in the browser; the service worker
    /// (or, without one, the server) gives the request its id.
    pub id: String,
    pub group_id: String,
    /// The group's page, to return to.
    pub slug: String,
    pub name: String,
    pub reach: String,
    pub message: String,
    /// `"ja"` when the box is ticked.
    pub consent: String,
}

impl ContactForm {
    pub const CONSENT: &'static str = "ja";

    /// The request as the API takes it; `fresh_id` names it when the form
    /// came without an id.
    pub fn input(&self, fresh_id: impl FnOnce() -> String) -> ContactRequestInput {
        let message = self.message.trim();
        ContactRequestInput {
            id: if self.id.trim().is_empty() {
                fresh_id()
            } else {
                self.id.trim().to_owned()
            },
            group_id: self.group_id.clone(),
            name: self.name.clone(),
            reach: self.reach.clone(),
            message: (!message.is_empty()).then(|| message.to_owned()),
            consent: self.consent == Self::CONSENT,
        }
    }
}

/// A valid contact request. Consent is not a field: without it there is no
/// request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRequest {
    pub id: ContactRequestId,
    pub group_id: GroupId,
    pub name: Name,
    pub reach: Reach,
    pub message: Option<Message>,
}

impl ContactRequest {
    pub fn parse(input: &ContactRequestInput) -> Result<Self, RecordErrors> {
        let mut errs = RecordErrors::default();
        let id = errs.check("id", ContactRequestId::parse(&input.id));
        let group_id = errs.check("group_id", GroupId::parse(&input.group_id));
        let name = errs.check("name", Name::parse(&input.name));
        let reach = errs.check("reach", Reach::parse(&input.reach));
        let message = errs.check(
            "message",
            super::text::optional(input.message.as_deref(), Message::parse),
        );
        if !input.consent {
            errs.push("consent", Problem::Consent);
        }
        match (id, group_id, name, reach, message) {
            (Some(id), Some(group_id), Some(name), Some(reach), Some(message))
                if errs.is_empty() =>
            {
                Ok(Self {
                    id,
                    group_id,
                    name,
                    reach,
                    message,
                })
            }
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ContactRequestInput {
        ContactRequestInput {
            id: "6f1c2a5e-8d1b-4c7e-9a34-2f0d5b6c7e81".into(),
            group_id: "0b7d9e3a-1c2f-4e5d-8a9b-3c4d5e6f7a8b".into(),
            name: "Kim".into(),
            reach: "0221 123456".into(),
            message: Some("Ich würde gern einmal vorbeikommen.".into()),
            consent: true,
        }
    }

    #[test]
    fn the_form_becomes_the_request() {
        let form = ContactForm {
            id: String::new(),
            group_id: input().group_id,
            slug: "trauercafe".into(),
            name: "Kim".into(),
            reach: "0221 123456".into(),
            message: "  ".into(),
            consent: "ja".into(),
        };
        let made = form.input(|| input().id);
        assert_eq!(made.id, input().id, "a fresh id when the form has none");
        assert_eq!(made.message, None, "a blank message is no message");
        assert!(made.consent);
        assert!(ContactRequest::parse(&made).is_ok());
        let unticked = ContactForm {
            consent: String::new(),
            id: "given".into(),
            ..form
        };
        let made = unticked.input(|| unreachable!("the form's own id is kept"));
        assert_eq!(made.id, "given");
        assert!(!made.consent);
    }

    #[test]
    fn a_complete_request_parses() {
        let r = ContactRequest::parse(&input()).unwrap();
        assert_eq!(r.name.as_str(), "Kim");
        assert!(matches!(&r.reach, Reach::Phone(p) if p.e164() == "+49221123456"));
        let by_mail = ContactRequestInput {
            reach: " kim@example.org ".into(),
            message: Some("  ".into()),
            ..input()
        };
        let r = ContactRequest::parse(&by_mail).unwrap();
        assert_eq!(
            r.reach,
            Reach::Email(Email::parse("kim@example.org").unwrap())
        );
        assert_eq!(r.message, None, "a blank message is no message");
    }

    #[test]
    fn every_broken_field_is_named() {
        let bad = ContactRequestInput {
            id: "1".into(),
            group_id: "x".into(),
            name: "".into(),
            reach: "gerne abends".into(),
            message: Some("x".repeat(1001)),
            consent: false,
        };
        let errs = ContactRequest::parse(&bad).unwrap_err();
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["id", "group_id", "name", "reach", "message", "consent"]
        );
        assert_eq!(errs.0[3].problem, Problem::Reach);
        assert_eq!(errs.0[5].problem, Problem::Consent);
        let typo = ContactRequestInput {
            reach: "0221 12a".into(),
            ..input()
        };
        assert!(matches!(
            ContactRequest::parse(&typo).unwrap_err().0[0].problem,
            Problem::Phone(_)
        ));
    }

    #[test]
    fn unknown_fields_are_refused() {
        let json = r#"{"id":"6f1c2a5e-8d1b-4c7e-9a34-2f0d5b6c7e81","group_id":"0b7d9e3a-1c2f-4e5d-8a9b-3c4d5e6f7a8b","name":"Kim","reach":"kim@example.org","consent":true,"age":40}"#;
        assert!(serde_json::from_str::<ContactRequestInput>(json).is_err());
    }
}
