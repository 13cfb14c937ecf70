//! Domain types. Each type can only hold valid values: construct it with
//! `parse`/`TryFrom` and get a [`FieldError`] with a German message otherwise.
//! Names follow Open Referral HSDS 3.0 where they fit (see docs/data-model.md).

/// Serde through `String`, `Display` and `From<T> for String` for a value
/// type with `parse(&str) -> Result<Self, Problem>` and `as_str()`: the type
/// is written as its text and read back through its parser.
macro_rules! text_value {
    ($t:ty) => {
        impl TryFrom<String> for $t {
            type Error = $crate::domain::Problem;
            fn try_from(raw: String) -> Result<Self, Self::Error> {
                Self::parse(&raw)
            }
        }
        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.as_str().to_owned()
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

mod accessibility;
mod address;
mod contact;
mod contact_request;
mod enums;
mod error;
mod group;
mod ids;
pub mod iso;
mod language;
mod office;
mod schedule;
mod staff;
mod text;
mod topic;

pub use accessibility::Accessibility;
pub use address::{Address, District, Location, PostalCode};
pub use contact::{Contact, Email, Phone, PublicContact, Website};
pub use contact_request::{ContactForm, ContactRequest, ContactRequestInput, Reach};
pub use enums::{Accepting, AgeFocus, Audience, Format, Status};
pub use error::{FieldError, Problem, RecordErrors};
pub use group::{Group, GroupInput, PublicGroup, PublicLocation};
pub use ids::{ContactRequestId, GroupId, OfficeId, Slug, StaffId, TopicId, Version};
pub use language::Language;
pub use office::{Office, OfficeInput, OpeningHours};
pub use schedule::{german_date, ClockTime, Nth, Recurrence, Schedule, Weekday};
pub use staff::{Login, Role};
pub use text::{LongText, Message, Name, ShortText};
pub use topic::{Taxonomy, TaxonomyError, Topic, TopicInput};
