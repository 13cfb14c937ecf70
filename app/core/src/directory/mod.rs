//! The public directory: what visitors can see and search. Built from
//! [`Records`] by keeping only public fields ([`PublicGroup`]), so nothing
//! private can reach a page or the read API through it.

mod query;

pub use query::{encode, FormatFilter, Query, QueryError, PER_PAGE};

use crate::domain::{
    Accepting, District, GroupId, Office, OfficeId, PublicGroup, Status, Taxonomy, TaxonomyError,
    Topic, TopicId,
};
use crate::order::{sort_by, sort_by_key};
use crate::records::Records;
use crate::search::{normalize, tokens, Index};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// Listed groups per topic, subtopics included.
pub type TopicCounts = HashMap<TopicId, usize>;

/// A topic as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicRef {
    pub id: TopicId,
    pub slug: String,
    pub name: String,
}

impl From<&Topic> for TopicRef {
    fn from(t: &Topic) -> Self {
        TopicRef {
            id: t.id,
            slug: t.data.slug.to_string(),
            name: t.data.name.to_string(),
        }
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResult {
    pub query: Query,
    pub total: usize,
    /// How many of `total` match every word of the query (the others, ranked
    /// after them, match some).
    pub complete: usize,
    pub page: usize,
    pub pages: usize,
    pub items: Vec<PublicGroup>,
    /// With few or no results: topics close to what was typed ("Meinten Sie …").
    pub suggestions: Vec<TopicRef>,
}

pub struct Directory {
    taxonomy: Taxonomy,
    offices: Vec<Office>,
    /// Public groups, sorted by name; ended groups are kept for their
    /// detail page but left out of lists and search.
    groups: Vec<PublicGroup>,
    index: Index,
    by_slug: HashMap<String, usize>,
    by_id: HashMap<GroupId, usize>,
    districts: Vec<District>,
    /// Every topic's words (name and synonyms), normalised, for suggestions.
    topic_words: Vec<(TopicId, Vec<String>)>,
    /// Listed groups per topic (subtopics included), counted once at build.
    topic_counts: HashMap<TopicId, usize>,
}

/// Field weights: a match in the name counts most.
mod weight {
    pub const NAME: u8 = 10;
    pub const ALT_NAME: u8 = 8;
    pub const TOPIC: u8 = 8;
    pub const SYNONYM: u8 = 6;
    pub const PARENT_TOPIC: u8 = 5;
    pub const PARENT_SYNONYM: u8 = 4;
    pub const DESCRIPTION: u8 = 3;
    pub const DISTRICT: u8 = 2;
    pub const DETAILS: u8 = 1;
}

impl Directory {
    pub fn build(records: &Records) -> Result<Self, TaxonomyError> {
        Self::from_public(
            records.topics.clone(),
            records.offices.clone(),
            records.groups.iter().map(PublicGroup::from).collect(),
        )
    }

    /// Build from public records only: what the browser holds.
    pub fn from_public(
        topics: Vec<Topic>,
        mut offices: Vec<Office>,
        groups: Vec<PublicGroup>,
    ) -> Result<Self, TaxonomyError> {
        let taxonomy = Taxonomy::new(topics)?;
        sort_by(&mut offices, |a, b| a.data.name.cmp(&b.data.name));
        let mut keyed: Vec<(String, PublicGroup)> = groups
            .into_iter()
            .map(|g| (normalize(g.name.as_str()), g))
            .collect();
        sort_by(&mut keyed, |a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
        let groups: Vec<PublicGroup> = keyed.into_iter().map(|(_, g)| g).collect();

        let index = Index::build(groups.iter().map(|g| document(g, &taxonomy)));
        let by_slug = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.slug.as_str().to_owned(), i))
            .collect();
        let by_id = groups.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
        let mut districts: Vec<District> = groups
            .iter()
            .filter_map(|g| g.district().cloned())
            .collect();
        sort_by(&mut districts, |a, b| a.cmp(b));
        districts.dedup();
        let topic_words = taxonomy
            .all()
            .iter()
            .map(|t| {
                let mut words = tokens(t.data.name.as_str());
                for s in &t.data.synonyms {
                    words.extend(tokens(s.as_str()));
                }
                (t.id, words)
            })
            .collect();
        let mut dir = Self {
            taxonomy,
            offices,
            groups,
            index,
            by_slug,
            by_id,
            districts: districts.into_iter().collect(),
            topic_words,
            topic_counts: HashMap::default(),
        };
        dir.topic_counts = dir.count_topics();
        Ok(dir)
    }

    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    pub fn offices(&self) -> &[Office] {
        &self.offices
    }

    pub fn office(&self, id: OfficeId) -> Option<&Office> {
        self.offices.iter().find(|o| o.id == id)
    }

    pub fn districts(&self) -> &[District] {
        &self.districts
    }

    pub fn group_by_slug(&self, slug: &str) -> Option<&PublicGroup> {
        self.by_slug.get(slug).map(|&i| &self.groups[i])
    }

    pub fn group(&self, id: GroupId) -> Option<&PublicGroup> {
        self.by_id.get(&id).map(|&i| &self.groups[i])
    }

    /// Every public group, ended ones included, by name: what the browser
    /// replica holds.
    pub fn all_groups(&self) -> &[PublicGroup] {
        &self.groups
    }

    /// Listed groups (not ended), by name.
    pub fn listed(&self) -> impl Iterator<Item = &PublicGroup> {
        self.groups.iter().filter(|g| g.status != Status::Ended)
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn topic_refs(&self, ids: &[TopicId]) -> Vec<TopicRef> {
        ids.iter()
            .filter_map(|id| self.taxonomy.get(*id))
            .map(TopicRef::from)
            .collect()
    }

    /// Groups in founding, for the home page.
    pub fn founding(&self) -> Vec<&PublicGroup> {
        self.groups
            .iter()
            .filter(|g| g.status == Status::Founding)
            .collect()
    }

    /// Number of listed groups per topic, the topic's subtopics included.
    pub fn topic_counts(&self) -> &TopicCounts {
        &self.topic_counts
    }

    fn count_topics(&self) -> HashMap<TopicId, usize> {
        let mut counts = HashMap::default();
        for g in self.listed() {
            // A group counts once per topic even when two of its topics
            // share a parent (a handful of ids: a list is enough).
            let mut seen: Vec<TopicId> = Vec::new();
            for t in &g.topics {
                for p in self.taxonomy.path(*t) {
                    if !seen.contains(&p.id) {
                        seen.push(p.id);
                        *counts.entry(p.id).or_insert(0) += 1;
                    }
                }
            }
        }
        counts
    }

    /// Search and filter, one page of results. An empty text lists every
    /// group that passes the filters, by name.
    pub fn search(&self, query: &Query) -> SearchResult {
        let (mut found, complete) = self.ranked(query);
        let total = found.len();
        let pages = total.div_ceil(PER_PAGE).max(1);
        let page = query.page().min(pages);
        let items = found
            .drain(..)
            .skip((page - 1) * PER_PAGE)
            .take(PER_PAGE)
            .map(|i| self.groups[i].clone())
            .collect();
        let suggestions = if total < 3 {
            self.suggest(&query.q)
        } else {
            Vec::new()
        };
        SearchResult {
            query: query.clone(),
            total,
            complete,
            page,
            pages,
            items,
            suggestions,
        }
    }

    /// Every result of a search, best first (no pages).
    pub fn search_all(&self, query: &Query) -> Vec<&PublicGroup> {
        self.ranked(query)
            .0
            .into_iter()
            .map(|i| &self.groups[i])
            .collect()
    }

    /// Every listed group of a topic and its subtopics, by name.
    pub fn in_topic(&self, slug: &str) -> Vec<&PublicGroup> {
        let query = Query {
            topic: Some(slug.to_owned()),
            ..Query::default()
        };
        self.ranked(&query)
            .0
            .into_iter()
            .map(|i| &self.groups[i])
            .collect()
    }

    /// All groups passing the query's filters, best first, and how many of
    /// them match every word.
    fn ranked(&self, query: &Query) -> (Vec<usize>, usize) {
        let topic_filter: Option<Vec<TopicId>> = match &query.topic {
            Some(slug) => match self.taxonomy.by_slug(slug) {
                Some(t) => Some(self.taxonomy.subtree(t.id)),
                // An unknown topic matches nothing rather than everything.
                None => Some(Vec::new()),
            },
            None => None,
        };
        let district = query.district.as_deref().map(normalize);
        let passes = |g: &PublicGroup| {
            g.status != Status::Ended
                && topic_filter
                    .as_ref()
                    .is_none_or(|set| g.topics.iter().any(|t| set.contains(t)))
                && district
                    .as_ref()
                    .is_none_or(|d| g.district().is_some_and(|gd| normalize(gd.as_str()) == *d))
                && query
                    .day
                    .is_none_or(|day| g.schedules.iter().any(|s| s.recurrence().weekday() == day))
                && (!query.step_free || g.accessibility.step_free)
                && query.language.is_none_or(|l| g.languages.contains(&l))
                && query.audience.is_none_or(|a| g.audience.serves(a))
                && query.format.is_none_or(|f| f.admits(g.format))
                && (!query.new_members
                    || matches!(
                        g.accepting_new_members,
                        Accepting::Yes | Accepting::OnRequest
                    ))
                && (!query.founding || g.status == Status::Founding)
        };
        if query.q.trim().is_empty() {
            let all: Vec<usize> = (0..self.groups.len())
                .filter(|&i| passes(&self.groups[i]))
                .collect();
            let n = all.len();
            return (all, n);
        }
        // One packed key per hit: more words matched, then a higher score,
        // then (within equal relevance) groups that can be joined, then name
        // order (documents are sorted by name).
        let mut keyed: Vec<(u64, usize)> = self
            .index
            .search_unordered(&query.q)
            .into_iter()
            .filter(|h| passes(&self.groups[h.doc]))
            .map(|h| {
                let key = (u64::from(u8::MAX - h.words_matched.min(255) as u8) << 56)
                    | (u64::from(u32::MAX - h.score) << 24)
                    | (u64::from(openness(&self.groups[h.doc])) << 20)
                    | (h.doc as u64 & 0xF_FFFF);
                (key, h.doc)
            })
            .collect();
        sort_by(&mut keyed, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let words = self.index.word_count(&query.q);
        let complete = keyed
            .iter()
            .filter(|(k, _)| (u8::MAX - (k >> 56) as u8) as usize == words)
            .count();
        (keyed.into_iter().map(|(_, doc)| doc).collect(), complete)
    }

    /// Topics whose words share a beginning with a query word.
    fn suggest(&self, q: &str) -> Vec<TopicRef> {
        let words = tokens(q);
        let counts = self.topic_counts();
        let mut scored: Vec<(usize, &TopicId)> = self
            .topic_words
            .iter()
            .filter_map(|(id, tw)| {
                let best = words
                    .iter()
                    .flat_map(|w| tw.iter().map(move |t| closeness(w, t)))
                    .max()
                    .unwrap_or(0);
                (best >= 4 && counts.get(id).copied().unwrap_or(0) > 0).then_some((best, id))
            })
            .collect();
        sort_by_key(&mut scored, |s| std::cmp::Reverse(s.0));
        scored
            .into_iter()
            .take(5)
            .filter_map(|(_, id)| self.taxonomy.get(*id))
            .map(TopicRef::from)
            .collect()
    }

    /// Listed groups grouped by first letter (A–Z; umlauts under their base
    /// letter, digits and others under "#").
    pub fn a_to_z(&self) -> Vec<(char, Vec<&PublicGroup>)> {
        let mut out: Vec<(char, Vec<&PublicGroup>)> = Vec::new();
        for g in self.listed() {
            let first = normalize(g.name.as_str())
                .chars()
                .find(|c| c.is_alphanumeric())
                .unwrap_or('#');
            let letter = if first.is_ascii_alphabetic() {
                first.to_ascii_uppercase()
            } else {
                '#'
            };
            match out.iter_mut().find(|(l, _)| *l == letter) {
                Some((_, v)) => v.push(g),
                None => out.push((letter, vec![g])),
            }
        }
        sort_by_key(&mut out, |(l, _)| if *l == '#' { '~' } else { *l });
        out
    }
}

fn openness(g: &PublicGroup) -> u8 {
    match (g.status, g.accepting_new_members) {
        (Status::Active, Accepting::Yes) => 0,
        (Status::Founding, _) => 1,
        (Status::Active, Accepting::OnRequest) => 2,
        (Status::Active, Accepting::No) => 3,
        _ => 4,
    }
}

/// How close a typed word is to a topic word: the length of their common
/// beginning, or of the word when it is within two typos of it.
fn closeness(typed: &str, topic_word: &str) -> usize {
    let prefix = typed
        .chars()
        .zip(topic_word.chars())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b): (Vec<char>, Vec<char>) = (typed.chars().collect(), topic_word.chars().collect());
    let typo = crate::search::within(&a, &b, 2).map_or(0, |d| b.len().saturating_sub(d));
    prefix.max(typo)
}

/// The searchable text of a group, field by field.
fn document<'a>(g: &'a PublicGroup, taxonomy: &'a Taxonomy) -> Vec<(u8, &'a str)> {
    let mut d = vec![
        (weight::NAME, g.name.as_str()),
        (weight::DESCRIPTION, g.description.as_str()),
    ];
    d.extend(
        g.alternate_names
            .iter()
            .map(|n| (weight::ALT_NAME, n.as_str())),
    );
    if let Some(details) = &g.details {
        d.push((weight::DETAILS, details.as_str()));
    }
    if let Some(district) = g.district() {
        d.push((weight::DISTRICT, district.as_str()));
    }
    for t in &g.topics {
        let path = taxonomy.path(*t);
        for (depth, topic) in path.iter().rev().enumerate() {
            let (name_w, syn_w) = if depth == 0 {
                (weight::TOPIC, weight::SYNONYM)
            } else {
                (weight::PARENT_TOPIC, weight::PARENT_SYNONYM)
            };
            d.push((name_w, topic.data.name.as_str()));
            d.extend(topic.data.synonyms.iter().map(|s| (syn_w, s.as_str())));
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_records;
    use crate::domain::Weekday;

    fn dir() -> Directory {
        Directory::build(&demo_records()).unwrap()
    }

    fn q(text: &str) -> Query {
        Query {
            q: text.into(),
            ..Query::default()
        }
    }

    #[test]
    fn empty_query_lists_all_listed_groups_by_name() {
        let d = dir();
        let r = d.search(&Query::default());
        assert_eq!(r.total, d.listed().count());
        assert!(r.total < d.len(), "ended groups are not listed");
        assert_eq!(r.items.len(), PER_PAGE);
        let names: Vec<_> = r.items.iter().map(|g| normalize(g.name.as_str())).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn a_topic_filter_includes_subtopics() {
        let d = dir();
        let sucht = d
            .search(&Query {
                topic: Some("sucht".into()),
                ..Query::default()
            })
            .total;
        let alkohol = d
            .search(&Query {
                topic: Some("alkohol".into()),
                ..Query::default()
            })
            .total;
        assert!(
            alkohol > 0 && sucht > alkohol,
            "sucht {sucht}, alkohol {alkohol}"
        );
        assert_eq!(
            d.search(&Query {
                topic: Some("gibt-es-nicht".into()),
                ..Query::default()
            })
            .total,
            0
        );
    }

    #[test]
    fn the_words_people_use_find_the_topic() {
        let d = dir();
        for (word, topic) in [
            ("Abhängigkeit", "sucht"),
            ("Zucker", "diabetes"),
            ("trinken", "alkohol"),
            ("trauer", "trauer"),
        ] {
            let r = d.search(&Query { page: 1, ..q(word) });
            assert!(r.total > 0, "{word} finds nothing");
            let t = d.taxonomy().by_slug(topic).unwrap();
            let subtree = d.taxonomy().subtree(t.id);
            assert!(
                r.items[0].topics.iter().any(|id| subtree.contains(id)),
                "{word}: first hit {} is not about {topic}",
                r.items[0].name
            );
        }
    }

    #[test]
    fn filters_hold_for_every_result() {
        let d = dir();
        let query = Query {
            day: Some(Weekday::Tu),
            step_free: true,
            new_members: true,
            ..Query::default()
        };
        let r = d.search(&query);
        assert!(r.total > 0);
        for f in &r.items {
            let g = f;
            assert!(g
                .schedules
                .iter()
                .any(|s| s.recurrence().weekday() == Weekday::Tu));
            assert!(g.accessibility.step_free);
            assert_ne!(g.accepting_new_members, Accepting::No);
        }
    }

    #[test]
    fn groups_with_every_word_come_before_those_with_some() {
        let d = dir();
        let r = d.search(&q("angehörige demenz"));
        assert!(
            r.complete > 0 && r.complete < r.total,
            "{} of {}",
            r.complete,
            r.total
        );
        let all = d.search_all(&q("angehörige demenz"));
        let demenz = d
            .taxonomy()
            .by_slug("demenz-und-pflegende-angehoerige")
            .map(|t| t.id);
        for g in &all[..r.complete] {
            assert!(
                demenz.is_none_or(|id| g.topics.contains(&id)),
                "{} is not about dementia",
                g.name
            );
        }
    }

    #[test]
    fn zero_results_suggest_close_topics() {
        let r = dir().search(&q("alkoholxyz"));
        assert_eq!(r.total, 0);
        assert!(
            r.suggestions.iter().any(|t| t.slug == "alkohol"),
            "{:?}",
            r.suggestions
        );
    }

    #[test]
    fn pages_are_clamped() {
        let d = dir();
        let r = d.search(&Query {
            page: 999,
            ..Query::default()
        });
        assert_eq!(r.page, r.pages);
        assert!(!r.items.is_empty());
    }

    #[test]
    fn a_to_z_covers_every_listed_group_once() {
        let d = dir();
        let az = d.a_to_z();
        let n: usize = az.iter().map(|(_, gs)| gs.len()).sum();
        assert_eq!(n, d.listed().count());
        let letters: Vec<char> = az.iter().map(|(c, _)| *c).collect();
        let mut sorted = letters.clone();
        sorted.sort_by_key(|c| if *c == '#' { '~' } else { *c });
        assert_eq!(letters, sorted);
    }
}
