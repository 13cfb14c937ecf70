//! The topic taxonomy (HSDS: taxonomy_term): a tree of terms, each with the
//! everyday words people use for it.

use super::{Name, ShortText, Slug, TopicId, Version};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: TopicId,
    pub version: Version,
    #[serde(with = "super::iso::instant")]
    pub updated_at: time::OffsetDateTime,
    pub data: TopicInput,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicInput {
    pub slug: Slug,
    pub name: Name,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<TopicId>,
    /// Synonyms and everyday words: "Abhängigkeit" for Sucht, "Zucker" for Diabetes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<ShortText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<ShortText>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TaxonomyError {
    #[error("Thema {0}: ID doppelt")]
    DuplicateId(TopicId),
    #[error("Thema {0}: Kurzname doppelt")]
    DuplicateSlug(Slug),
    #[error("Thema {slug}: übergeordnetes Thema {parent} fehlt")]
    MissingParent { slug: Slug, parent: TopicId },
    #[error("Thema {0}: Kreis in der Themenhierarchie")]
    Cycle(Slug),
}

/// A validated tree: ids and slugs unique, every parent present, no cycles.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    topics: Vec<Topic>,
    by_id: HashMap<TopicId, usize>,
    by_slug: HashMap<String, usize>,
    /// Children by the parent's position in `topics`.
    children: Vec<Vec<TopicId>>,
}

impl Taxonomy {
    pub fn new(mut topics: Vec<Topic>) -> Result<Self, TaxonomyError> {
        crate::order::sort_by(&mut topics, |a, b| {
            a.data.name.as_str().cmp(b.data.name.as_str())
        });
        let mut by_id = HashMap::default();
        let mut by_slug = HashMap::default();
        for (i, t) in topics.iter().enumerate() {
            if by_id.insert(t.id, i).is_some() {
                return Err(TaxonomyError::DuplicateId(t.id));
            }
            if by_slug.insert(t.data.slug.as_str().to_owned(), i).is_some() {
                return Err(TaxonomyError::DuplicateSlug(t.data.slug.clone()));
            }
        }
        let mut children: Vec<Vec<TopicId>> = vec![Vec::new(); topics.len()];
        for t in &topics {
            if let Some(p) = t.data.parent {
                if !by_id.contains_key(&p) {
                    return Err(TaxonomyError::MissingParent {
                        slug: t.data.slug.clone(),
                        parent: p,
                    });
                }
                children[by_id[&p]].push(t.id);
            }
            // Walk up; more steps than topics means a cycle.
            let mut cur = t.data.parent;
            let mut steps = 0;
            while let Some(p) = cur {
                steps += 1;
                if steps > topics.len() {
                    return Err(TaxonomyError::Cycle(t.data.slug.clone()));
                }
                cur = topics[by_id[&p]].data.parent;
            }
        }
        Ok(Self {
            topics,
            by_id,
            by_slug,
            children,
        })
    }

    pub fn get(&self, id: TopicId) -> Option<&Topic> {
        self.by_id.get(&id).map(|&i| &self.topics[i])
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Topic> {
        self.by_slug.get(slug).map(|&i| &self.topics[i])
    }

    /// All topics, sorted by name.
    pub fn all(&self) -> &[Topic] {
        &self.topics
    }

    pub fn roots(&self) -> impl Iterator<Item = &Topic> {
        self.topics.iter().filter(|t| t.data.parent.is_none())
    }

    pub fn children(&self, id: TopicId) -> impl Iterator<Item = &Topic> {
        self.by_id
            .get(&id)
            .map(|&i| self.children[i].as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|c| self.get(*c))
    }

    /// The topic and everything below it: a filter on "Sucht" finds
    /// "Alkohol" groups too.
    pub fn subtree(&self, id: TopicId) -> Vec<TopicId> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            if let Some(&pos) = self.by_id.get(&out[i]) {
                out.extend(self.children[pos].iter().copied());
            }
            i += 1;
        }
        out
    }

    /// From the root down to this topic.
    pub fn path(&self, id: TopicId) -> Vec<&Topic> {
        let mut path = Vec::new();
        let mut cur = self.get(id);
        while let Some(t) = cur {
            path.push(t);
            cur = t.data.parent.and_then(|p| self.get(p));
        }
        path.reverse();
        path
    }

    pub fn len(&self) -> usize {
        self.topics.len()
    }

    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn topic(n: u128, slug: &str, parent: Option<u128>) -> Topic {
        Topic {
            id: TopicId(Uuid::from_u128(n)),
            version: Version::FIRST,
            updated_at: time::OffsetDateTime::UNIX_EPOCH,
            data: TopicInput {
                slug: Slug::parse(slug).unwrap(),
                name: Name::parse(slug).unwrap(),
                parent: parent.map(|p| TopicId(Uuid::from_u128(p))),
                synonyms: vec![],
                description: None,
            },
        }
    }

    #[test]
    fn subtree_and_path() {
        let t = Taxonomy::new(vec![
            topic(1, "gesundheit", None),
            topic(2, "sucht", Some(1)),
            topic(3, "alkohol", Some(2)),
        ])
        .unwrap();
        let sucht = t.by_slug("sucht").unwrap().id;
        assert_eq!(t.subtree(sucht).len(), 2);
        let path: Vec<_> = t
            .path(TopicId(Uuid::from_u128(3)))
            .iter()
            .map(|t| t.data.slug.as_str())
            .collect();
        assert_eq!(path, ["gesundheit", "sucht", "alkohol"]);
    }

    #[test]
    fn broken_trees_are_rejected() {
        assert!(matches!(
            Taxonomy::new(vec![topic(2, "sucht", Some(9))]),
            Err(TaxonomyError::MissingParent { .. })
        ));
        assert!(matches!(
            Taxonomy::new(vec![topic(1, "a-b", Some(2)), topic(2, "b-c", Some(1))]),
            Err(TaxonomyError::Cycle(_))
        ));
        assert!(matches!(
            Taxonomy::new(vec![topic(1, "ab", None), topic(2, "ab", None)]),
            Err(TaxonomyError::DuplicateSlug(_))
        ));
    }
}
