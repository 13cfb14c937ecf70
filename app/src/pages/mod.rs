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
#[cfg(feature = "ssr")]
mod staff;
#[cfg(feature = "ssr")]
mod staff_edit;
#[cfg(not(feature = "ssr"))]
mod staff_offline;
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
#[cfg(feature = "ssr")]
pub use staff::{StaffHome, StaffSignIn};
#[cfg(feature = "ssr")]
pub use staff_edit::{
    StaffConflicts, StaffGroup, StaffGroups, StaffNewGroup, StaffNewOffice, StaffNewTopic,
    StaffOffice, StaffOffices, StaffTopic, StaffTopics,
};
#[cfg(not(feature = "ssr"))]
pub use staff_offline::{
    StaffConflicts, StaffGroup, StaffGroups, StaffHome, StaffNewGroup, StaffNewOffice,
    StaffNewTopic, StaffOffice, StaffOffices, StaffSignIn, StaffTopic, StaffTopics,
};
pub use topics::{TopicPage, Topics};
