//! The Leptos-free core of Wegweiser.
//!
//! Everything here is pure: no I/O, no clock, no framework. The server and the
//! browser both compile it, so a rule (what a valid phone number is, how a
//! schedule reads in German, how search ranks) exists exactly once.

pub mod berlin;
pub mod demo;
pub mod directory;
pub mod domain;
pub mod edit;
#[cfg(feature = "interchange")]
pub mod interchange;
pub mod records;
pub mod relevance;
pub mod sync;
pub mod views;

pub use wegweiser_search as search;
pub use wegweiser_search::order;
