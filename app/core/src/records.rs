//! A whole directory as plain records: what the database holds, what an
//! import brings and an export writes, and (later) what the browser keeps.

use crate::domain::{Group, Office, Taxonomy, TaxonomyError, Topic};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Records {
    pub topics: Vec<Topic>,
    pub offices: Vec<Office>,
    pub groups: Vec<Group>,
}

impl Records {
    pub fn taxonomy(&self) -> Result<Taxonomy, TaxonomyError> {
        Taxonomy::new(self.topics.clone())
    }
}
