//! Domain types. Each type can only hold valid values: construct it with
//! `parse`/`TryFrom` and get a [`FieldError`] with a German message otherwise.
//! Names follow Open Referral HSDS 3.0 where they fit (see docs/data-model.md).

mod accessibility;
mod address;
mod contact;
mod enums;
mod error;
mod group;
mod ids;
pub mod iso;
mod language;
mod office;
mod schedule;
mod text;
mod topic;

pub use accessibility::Accessibility;
pub use address::{Address, District, Location, PostalCode};
pub use contact::{Contact, Email, Phone, PublicContact, Website};
pub use enums::{Accepting, AgeFocus, Audience, Format, Status};
pub use error::{FieldError, Problem, RecordErrors};
pub use group::{Group, GroupInput, PublicGroup, PublicLocation};
pub use ids::{GroupId, OfficeId, Slug, TopicId, Version};
pub use language::Language;
pub use office::{Office, OfficeInput, OpeningHours};
pub use schedule::{german_date, ClockTime, Nth, Recurrence, Schedule, Weekday};
pub use text::{LongText, Name, ShortText};
pub use topic::{Taxonomy, TaxonomyError, Topic, TopicInput};
