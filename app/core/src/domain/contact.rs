//! How to reach a group: phone, e-mail, website, a first name or pseudonym,
//! and whether the group agreed to publish them.

use super::text::optional;
use super::{Name, Problem, RecordErrors};
use serde::{Deserialize, Serialize};

/// A phone number, German or international. Kept as typed (tidied) for
/// display and as E.164 (`+49…`) for `tel:` links.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone {
    display: String,
    e164: String,
}

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(Problem::Empty);
        }
        if let Some(bad) = raw
            .chars()
            .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '/' | '-' | '(' | ')' | '+' | '.')))
        {
            let _ = bad;
            return Err(Problem::Phone(
                "nur Ziffern, Leerzeichen und + / - ( ) erlaubt",
            ));
        }
        if raw.rfind('+').is_some_and(|i| i != 0) {
            return Err(Problem::Phone("+ nur am Anfang"));
        }
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        let e164 = if raw.starts_with('+') {
            format!("+{digits}")
        } else if let Some(rest) = digits.strip_prefix("00") {
            format!("+{rest}")
        } else if let Some(rest) = digits.strip_prefix('0') {
            format!("+49{rest}")
        } else {
            return Err(Problem::Phone("mit Vorwahl angeben, z. B. 0221 123456"));
        };
        let national = e164.strip_prefix("+49");
        if national.is_some_and(|n| n.starts_with('0')) || e164.starts_with("+0") {
            return Err(Problem::Phone("Vorwahl ungültig"));
        }
        let count = e164.len() - 1;
        if !(8..=15).contains(&count) {
            return Err(Problem::Phone("zu wenige oder zu viele Ziffern"));
        }
        let display = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        Ok(Self { display, e164 })
    }

    /// For `tel:` links.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    pub fn as_str(&self) -> &str {
        &self.display
    }
}

/// An e-mail address of the ordinary `name@domain.tld` form; the domain is
/// stored in lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let s = raw.trim();
        let (local, domain) = s.rsplit_once('@').ok_or(Problem::Email)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
        if local_ok && domain_ok && s.len() <= 254 {
            Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
        } else {
            Err(Problem::Email)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A web address with `http://` or `https://` and a host with a dot.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Website(String);

impl Website {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let s = raw.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or(Problem::Website)?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once(':').map_or(host, |(h, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                ""
            }
        });
        let ok = s.len() <= 300
            && !s
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
            && host.contains('.')
            && host
                .split('.')
                .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(Problem::Website)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address without the scheme, for display.
    pub fn short(&self) -> &str {
        let s = self
            .0
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        s.trim_end_matches('/')
    }
}

/// The group's own contact details as the office holds them. They leave the
/// server only when `publish` is true: the group agreed to it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// First name or pseudonym of the contact person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Name>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Website>,
    /// The group agreed to publish these details.
    #[serde(default)]
    pub publish: bool,
}

impl Contact {
    /// Parse the loose form fields of a contact (blank means absent).
    pub fn parse(
        person: Option<&str>,
        phone: Option<&str>,
        email: Option<&str>,
        website: Option<&str>,
        publish: bool,
    ) -> Result<Self, RecordErrors> {
        let mut errs = RecordErrors::default();
        let person = errs
            .check("person", optional(person, Name::parse))
            .flatten();
        let phone = errs.check("phone", optional(phone, Phone::parse)).flatten();
        let email = errs.check("email", optional(email, Email::parse)).flatten();
        let website = errs
            .check("website", optional(website, Website::parse))
            .flatten();
        errs.into_result(|| Contact {
            person,
            phone,
            email,
            website,
            publish,
        })
    }

    fn has_direct_channel(&self) -> bool {
        self.phone.is_some() || self.email.is_some() || self.website.is_some()
    }

    /// What the public may see.
    pub fn public(&self) -> PublicContact {
        if self.publish && self.has_direct_channel() {
            PublicContact::Direct {
                person: self.person.clone(),
                phone: self.phone.clone(),
                email: self.email.clone(),
                website: self.website.clone(),
            }
        } else {
            PublicContact::ViaOffice
        }
    }
}

/// The contact path shown to the public: the group directly (only when it
/// agreed), or else the contact office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "path", rename_all = "snake_case")]
pub enum PublicContact {
    ViaOffice,
    Direct {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<Name>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        phone: Option<Phone>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        email: Option<Email>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        website: Option<Website>,
    },
}

text_value!(Phone);

text_value!(Email);

text_value!(Website);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_numbers_become_e164() {
        let p = Phone::parse("0221 / 12 34 56").unwrap();
        assert_eq!(p.e164(), "+49221123456");
        assert_eq!(p.as_str(), "0221 / 12 34 56");
        assert_eq!(
            Phone::parse("+49 30 1234567").unwrap().e164(),
            "+49301234567"
        );
        assert_eq!(
            Phone::parse("0049 30 1234567").unwrap().e164(),
            "+49301234567"
        );
        assert_eq!(Phone::parse("+43 1 5123456").unwrap().e164(), "+4315123456");
    }

    #[test]
    fn bad_numbers_are_rejected_with_a_reason() {
        for bad in [
            "",
            "123456",
            "0221-ABC",
            "0221 12+34",
            "+49 0221 1234",
            "01",
            "0123456789012345678",
        ] {
            let err = Phone::parse(bad).unwrap_err();
            assert!(
                matches!(err, Problem::Phone(_) | Problem::Empty),
                "{bad}: {err}"
            );
        }
        assert!(Phone::parse("123456")
            .unwrap_err()
            .to_string()
            .contains("Vorwahl"));
    }

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse(" Info@KISS-Beispiel.DE ").unwrap().as_str(),
            "Info@kiss-beispiel.de"
        );
        for bad in [
            "",
            "a",
            "a@b",
            "a@b.c",
            "a b@c.de",
            "a@-b.de",
            ".a@b.de",
            "a..b@c.de",
            "a@b..de",
        ] {
            assert_eq!(Email::parse(bad), Err(Problem::Email), "{bad}");
        }
    }

    #[test]
    fn websites() {
        assert!(Website::parse("https://beispiel.de/gruppe?x=1").is_ok());
        assert!(Website::parse("http://beispiel.de:8080").is_ok());
        assert_eq!(
            Website::parse("https://beispiel.de/").unwrap().short(),
            "beispiel.de"
        );
        for bad in [
            "beispiel.de",
            "ftp://beispiel.de",
            "https://localhost",
            "https://a b.de",
            "javascript:alert(1)",
            "https://x.de/\"><script>",
        ] {
            assert_eq!(Website::parse(bad), Err(Problem::Website), "{bad}");
        }
    }

    #[test]
    fn contact_is_private_unless_published() {
        let mut c = Contact::parse(Some("Anke"), Some("0221 1234567"), None, None, false).unwrap();
        assert_eq!(c.public(), PublicContact::ViaOffice);
        c.publish = true;
        assert!(matches!(
            c.public(),
            PublicContact::Direct { phone: Some(_), .. }
        ));
        // A name alone is no way to reach anybody: still via the office.
        let only_name = Contact::parse(Some("Anke"), None, None, None, true).unwrap();
        assert_eq!(only_name.public(), PublicContact::ViaOffice);
    }

    #[test]
    fn contact_reports_every_bad_field() {
        let errs = Contact::parse(None, Some("12"), Some("x"), Some("y"), true).unwrap_err();
        let fields: Vec<_> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["phone", "email", "website"]);
    }
}
