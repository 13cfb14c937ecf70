//! A deterministic demo directory for the invented city of Musterstadt:
//! three contact offices, a topic tree close to NAKOS/KISS practice, and as
//! many self-help groups as asked for, across the whole spectrum from
//! addiction to loneliness.
//!
//! The same `(groups, seed)` always gives byte-identical records, so demos,
//! tests and benchmarks can rely on it. Group `i` depends only on the seed
//! and `i` (and, for its slug, on the groups before it), so a larger
//! directory starts with the smaller one. Topic and office ids depend on
//! neither the seed nor the number of groups.
//!
//! All names, addresses, phone numbers (area code 0555) and e-mail addresses
//! (example.org, .net, .com) are invented.

mod build;
mod rng;
mod vocab;

use crate::records::Records;

/// The number of groups in the standard demo directory.
pub const DEFAULT_GROUPS: usize = 250;

/// The seed of the standard demo directory.
pub const DEFAULT_SEED: u64 = 20_261_101;

/// A directory with `groups` groups, three offices and the full topic tree.
/// Deterministic: the same arguments always give the same records.
pub fn generate(groups: usize, seed: u64) -> Records {
    build::generate(groups, seed)
}

/// The standard demo directory: [`DEFAULT_GROUPS`] groups from [`DEFAULT_SEED`].
pub fn demo_records() -> Records {
    generate(DEFAULT_GROUPS, DEFAULT_SEED)
}

#[cfg(test)]
mod tests;
