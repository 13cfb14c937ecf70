//! One module per route.

mod a_to_z;
mod app_shell;
mod contact;
mod group;
mod home;
mod legal;
mod not_found;
mod offices;
mod results;
mod staff;
mod staff_edit;
mod topics;

pub use a_to_z::AToZ;
pub use app_shell::AppShell;
pub use contact::{ContactCheck, ContactQueued, ContactSent};
pub use group::GroupPage;
pub use home::Home;
pub use legal::{Imprint, Privacy};
pub use not_found::NotFound;
pub use offices::Offices;
pub use results::Results;
pub use staff::{StaffHome, StaffSignIn};
pub use staff_edit::{StaffConflicts, StaffGroup, StaffGroups};
pub use topics::{TopicPage, Topics};
