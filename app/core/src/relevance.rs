//! Relevance evaluation: how well a search engine finds the groups people
//! mean when they type what they feel ("trinken aufhören", "depresion",
//! "angeh").
//!
//! A [`QuerySet`] (committed as `app/core/relevance/queries.json`) holds
//! realistic queries of several [`Kind`]s. Each query's relevant groups are
//! defined by [`Rule`]s over the records (topics, audience, name), never by
//! listing group ids, so the judgments do not follow the engine and survive
//! a regenerated demo directory. [`judge`] turns the rules into graded
//! judgments (2 = relevant, 1 = related, 0 = not relevant), [`evaluate`]
//! scores any ranking function against them. The ranking is a closure from
//! the query text to group ids, best first, so the same judgments can score
//! the Rust [`Directory`] ([`rank_with`]) and, later, an engine running in
//! the browser.
//!
//! Measures, per query (see docs/search.md for the reasoning):
//!
//! - nDCG@10: gain `2^grade − 1`, discount `log2(rank + 1)`, normalised by
//!   the best possible order of all judged groups (not only those returned).
//! - recall@10: relevant (grade 2) groups in the top 10, divided by
//!   `min(10, number of relevant groups)`, so 1.0 is reachable when a topic
//!   has more than ten groups.
//! - reciprocal rank: `1 / rank` of the first relevant (grade 2) group in the
//!   whole returned list, 0 if none is returned; its mean is the MRR.
//! - zero results: the query returned nothing. For kind [`Kind::None`] (a
//!   query nothing in the directory answers) that is the right answer, and
//!   the other measures do not apply.
//!
//! Pure: no I/O. The example `relevance` and the test `tests/relevance.rs`
//! read the file and print or assert.

use crate::directory::{Directory, Query};
use crate::domain::{Audience, Group, GroupId, Status, Taxonomy, TaxonomyError, TopicId};
use crate::records::Records;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::fmt::{self, Write as _};

/// Ranks that count for nDCG and recall.
pub const CUTOFF: usize = 10;

/// What a query looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The office's own term: "Depression", "Multiple Sklerose".
    Exact,
    /// Umlauts spelled out or dropped: "angehoerige", "essstorungen".
    Umlaut,
    /// One or two wrong letters: "depresion", "tinitus".
    Typo,
    /// Everyday words: "trinken aufhören", "zucker", "kind verloren".
    Colloquial,
    /// Several words: "angehörige demenz", "diabetes kinder".
    Multi,
    /// While typing: "depr", "angeh", "angehörige dem".
    Prefix,
    /// One long German word: "alkoholsucht", "depressionsgruppe".
    Compound,
    /// Nothing in the directory answers it: "steuererklärung".
    None,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Exact,
        Kind::Umlaut,
        Kind::Typo,
        Kind::Colloquial,
        Kind::Multi,
        Kind::Prefix,
        Kind::Compound,
        Kind::None,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::Umlaut => "umlaut",
            Kind::Typo => "typo",
            Kind::Colloquial => "colloquial",
            Kind::Multi => "multi",
            Kind::Prefix => "prefix",
            Kind::Compound => "compound",
            Kind::None => "none",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// The committed queries with their judgment rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuerySet {
    /// Free text for people reading the file.
    #[serde(default)]
    pub about: Vec<String>,
    pub queries: Vec<JudgedQuery>,
}

impl QuerySet {
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Number of queries of a kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.queries.iter().filter(|q| q.kind == kind).count()
    }
}

/// One query and which groups answer it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgedQuery {
    pub q: String,
    pub kind: Kind,
    /// Nothing should be found (kind `none` only).
    #[serde(default)]
    pub none: bool,
    /// Grade 2: a group matching any of these rules.
    #[serde(default)]
    pub relevant: Rules,
    /// Grade 1: a group matching any of these rules and none of `relevant`.
    #[serde(default)]
    pub related: Rules,
    /// Why the judgment is what it is, for people reading the file.
    #[serde(default)]
    pub note: Option<String>,
}

/// One rule or a list of rules (a group matching any of them counts).
#[derive(Debug, Clone, Default)]
pub struct Rules(pub Vec<Rule>);

impl<'de> Deserialize<'de> for Rules {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Through a value rather than an untagged enum, so that a misspelt
        // condition is reported by name instead of "no variant matched".
        let v = serde_json::Value::deserialize(d)?;
        let rules = if v.is_array() {
            serde_json::from_value(v)
        } else {
            serde_json::from_value(v).map(|r| vec![r])
        };
        rules.map(Rules).map_err(serde::de::Error::custom)
    }
}

/// Conditions a group must all meet. Topics are given by slug.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// One of these topics or one of their subtopics.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Each of these topics (or one of its subtopics).
    #[serde(default)]
    pub topics_all: Vec<String>,
    /// One of these topics itself, without subtopics ("sucht" for the
    /// general addiction groups, not every alcohol group).
    #[serde(default)]
    pub topics_exact: Vec<String>,
    /// The group's audience is one of these.
    #[serde(default)]
    pub audience: Vec<Audience>,
    /// A phrase that begins a word of the name or of an alternate name;
    /// case-insensitive, punctuation counts as a space.
    #[serde(default)]
    pub name_contains: Vec<String>,
}

impl Rule {
    fn is_empty(&self) -> bool {
        self.topics.is_empty()
            && self.topics_all.is_empty()
            && self.topics_exact.is_empty()
            && self.audience.is_empty()
            && self.name_contains.is_empty()
    }
}

/// Graded judgments of one query: group → 2 (relevant) or 1 (related).
/// Groups not in the map are not relevant.
pub type Grades = BTreeMap<GroupId, u8>;

/// A judgment that cannot be right: a fault in the query file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JudgeError {
    #[error("taxonomy: {0}")]
    Taxonomy(#[from] TaxonomyError),
    #[error("query {q:?}: {problem}")]
    Query { q: String, problem: String },
}

/// A rule with its topic slugs resolved.
struct Compiled<'r> {
    any: Option<HashSet<TopicId>>,
    all: Vec<HashSet<TopicId>>,
    exact: Option<HashSet<TopicId>>,
    rule: &'r Rule,
    names: Vec<String>,
}

impl Compiled<'_> {
    fn matches(&self, g: &Group) -> bool {
        let d = &g.data;
        let has = |set: &HashSet<TopicId>| d.topics.iter().any(|t| set.contains(t));
        self.any.as_ref().is_none_or(has)
            && self.all.iter().all(has)
            && self.exact.as_ref().is_none_or(has)
            && (self.rule.audience.is_empty() || self.rule.audience.contains(&d.audience))
            && (self.names.is_empty() || {
                let names: Vec<String> = std::iter::once(&d.name)
                    .chain(&d.alternate_names)
                    .map(|n| format!(" {}", plain(n.as_str())))
                    .collect();
                self.names
                    .iter()
                    .any(|p| names.iter().any(|n| n.contains(&format!(" {p}"))))
            })
    }
}

/// Lower case, every run of characters that are not letters or digits one
/// space. Deliberately not the engine's normalisation: judgments must not
/// move when the engine changes.
fn plain(s: &str) -> String {
    let lower: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn compile<'r>(q: &str, rule: &'r Rule, taxonomy: &Taxonomy) -> Result<Compiled<'r>, JudgeError> {
    let fault = |problem: String| JudgeError::Query {
        q: q.to_owned(),
        problem,
    };
    if rule.is_empty() {
        return Err(fault(
            "a rule without conditions would match every group".into(),
        ));
    }
    let topic = |slug: &String| {
        taxonomy
            .by_slug(slug)
            .map(|t| t.id)
            .ok_or_else(|| fault(format!("unknown topic {slug:?}")))
    };
    let subtree = |slugs: &[String]| -> Result<HashSet<TopicId>, JudgeError> {
        let mut set = HashSet::new();
        for s in slugs {
            set.extend(taxonomy.subtree(topic(s)?));
        }
        Ok(set)
    };
    let exact: HashSet<TopicId> = rule
        .topics_exact
        .iter()
        .map(topic)
        .collect::<Result<_, _>>()?;
    Ok(Compiled {
        any: (!rule.topics.is_empty())
            .then(|| subtree(&rule.topics))
            .transpose()?,
        all: rule
            .topics_all
            .iter()
            .map(|s| subtree(std::slice::from_ref(s)))
            .collect::<Result<_, _>>()?,
        exact: (!exact.is_empty()).then_some(exact),
        rule,
        names: rule
            .name_contains
            .iter()
            .map(|n| plain(n.as_str()))
            .collect(),
    })
}

/// Graded judgments for every query of `set`, in the same order, from the
/// listed (not ended) groups of `records`. Fails on a judgment that cannot
/// be right: an unknown topic, a rule without conditions, a query that
/// should find something but has no relevant group, a `none` query with
/// rules, a duplicate query.
pub fn judge(set: &QuerySet, records: &Records) -> Result<Vec<Grades>, JudgeError> {
    let taxonomy = records.taxonomy()?;
    let listed: Vec<&Group> = records
        .groups
        .iter()
        .filter(|g| g.data.status != Status::Ended)
        .collect();
    let mut seen = HashSet::new();
    set.queries
        .iter()
        .map(|jq| {
            let fault = |problem: &str| JudgeError::Query {
                q: jq.q.clone(),
                problem: problem.to_owned(),
            };
            if jq.q.trim().is_empty() {
                return Err(fault("empty query"));
            }
            if !seen.insert(plain(&jq.q)) {
                return Err(fault("duplicate query"));
            }
            if jq.none != (jq.kind == Kind::None) {
                return Err(fault("\"none\": true belongs to kind none, and only there"));
            }
            if jq.none {
                if !jq.relevant.0.is_empty() || !jq.related.0.is_empty() {
                    return Err(fault(
                        "a query that should find nothing has no relevant groups",
                    ));
                }
                return Ok(Grades::new());
            }
            let relevant: Vec<Compiled> = jq
                .relevant
                .0
                .iter()
                .map(|r| compile(&jq.q, r, &taxonomy))
                .collect::<Result<_, _>>()?;
            let related: Vec<Compiled> = jq
                .related
                .0
                .iter()
                .map(|r| compile(&jq.q, r, &taxonomy))
                .collect::<Result<_, _>>()?;
            let mut grades = Grades::new();
            for g in &listed {
                if relevant.iter().any(|r| r.matches(g)) {
                    grades.insert(g.id, 2);
                } else if related.iter().any(|r| r.matches(g)) {
                    grades.insert(g.id, 1);
                }
            }
            if !grades.values().any(|&g| g == 2) {
                return Err(fault("no listed group is relevant"));
            }
            Ok(grades)
        })
        .collect()
}

/// The measures of one query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    pub ndcg: f64,
    pub recall: f64,
    /// Reciprocal rank of the first relevant group (0 if none came back).
    pub rr: f64,
    /// 1-based rank of the first relevant group.
    pub first_relevant: Option<usize>,
}

/// How one query fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryResult {
    pub q: String,
    pub kind: Kind,
    /// The first [`CUTOFF`] groups returned, best first.
    pub top: Vec<GroupId>,
    /// Their grades.
    pub top_grades: Vec<u8>,
    /// How many groups came back in all.
    pub returned: usize,
    /// Judged relevant (grade 2) and related (grade 1) groups.
    pub relevant: usize,
    pub related: usize,
    /// `None` for queries that should find nothing.
    pub scores: Option<Scores>,
}

impl QueryResult {
    pub fn zero_results(&self) -> bool {
        self.returned == 0
    }
}

/// Means over the queries of one kind (or of all kinds).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// `None` for the row over all kinds.
    pub kind: Option<Kind>,
    pub queries: usize,
    /// Means over queries with judged groups; `None` for kind `none`.
    pub ndcg: Option<f64>,
    pub recall: Option<f64>,
    pub mrr: Option<f64>,
    /// Share of queries that returned nothing: a failure for every kind but
    /// `none`, where it is the share answered correctly.
    pub zero_results: f64,
    /// Mean number of groups returned (for `none`: false positives).
    pub mean_returned: f64,
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub queries: Vec<QueryResult>,
    /// One row per kind present, in the order of [`Kind::ALL`].
    pub kinds: Vec<Summary>,
    /// All queries that should find something.
    pub overall: Summary,
}

impl Report {
    pub fn kind(&self, kind: Kind) -> Option<&Summary> {
        self.kinds.iter().find(|s| s.kind == Some(kind))
    }

    /// The worst queries first: those that should find something by nDCG@10
    /// (then reciprocal rank), after them those that should find nothing by
    /// how much they returned. Queries without a fault are left out.
    pub fn worst(&self) -> Vec<&QueryResult> {
        let mut judged: Vec<&QueryResult> = self
            .queries
            .iter()
            .filter(|r| {
                r.scores
                    .as_ref()
                    .is_some_and(|s| s.ndcg < 1.0 || s.recall < 1.0)
            })
            .collect();
        judged.sort_by(|a, b| {
            let (sa, sb) = (a.scores.as_ref().unwrap(), b.scores.as_ref().unwrap());
            sa.ndcg
                .total_cmp(&sb.ndcg)
                .then(sa.rr.total_cmp(&sb.rr))
                .then(sa.recall.total_cmp(&sb.recall))
        });
        let mut none: Vec<&QueryResult> = self
            .queries
            .iter()
            .filter(|r| r.scores.is_none() && r.returned > 0)
            .collect();
        none.sort_by_key(|r| std::cmp::Reverse(r.returned));
        judged.extend(none);
        judged
    }

    /// The per-kind table as text.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<11} {:>7} {:>8} {:>10} {:>6} {:>9} {:>9}",
            "kind", "queries", "nDCG@10", "recall@10", "MRR", "zero-res", "returned"
        );
        let num = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"));
        for row in self.kinds.iter().chain(std::iter::once(&self.overall)) {
            let label = row.kind.map_or("all judged", Kind::key);
            let zero = if row.kind == Some(Kind::None) {
                format!("{:.0}% ok", row.zero_results * 100.0)
            } else {
                format!("{:.0}%", row.zero_results * 100.0)
            };
            let _ = writeln!(
                s,
                "{:<11} {:>7} {:>8} {:>10} {:>6} {:>9} {:>9.1}",
                label,
                row.queries,
                num(row.ndcg),
                num(row.recall),
                num(row.mrr),
                zero,
                row.mean_returned
            );
        }
        s
    }
}

/// Score `rank` (query text → group ids, best first, as many as it
/// returns) against `judgments` (from [`judge`], in the order of
/// `set.queries`).
pub fn evaluate(
    set: &QuerySet,
    judgments: &[Grades],
    rank: impl Fn(&str) -> Vec<GroupId>,
) -> Report {
    assert_eq!(
        set.queries.len(),
        judgments.len(),
        "one set of judgments per query"
    );
    let queries: Vec<QueryResult> = set
        .queries
        .iter()
        .zip(judgments)
        .map(|(jq, grades)| score(jq, grades, &rank(&jq.q)))
        .collect();
    let kinds = Kind::ALL
        .iter()
        .filter_map(|&k| {
            let rows: Vec<&QueryResult> = queries.iter().filter(|r| r.kind == k).collect();
            (!rows.is_empty()).then(|| summarize(Some(k), &rows))
        })
        .collect();
    let judged: Vec<&QueryResult> = queries.iter().filter(|r| r.scores.is_some()).collect();
    let overall = summarize(None, &judged);
    Report {
        queries,
        kinds,
        overall,
    }
}

fn score(jq: &JudgedQuery, grades: &Grades, ranked: &[GroupId]) -> QueryResult {
    let grade = |id: &GroupId| grades.get(id).copied().unwrap_or(0);
    let top: Vec<GroupId> = ranked.iter().take(CUTOFF).copied().collect();
    let top_grades: Vec<u8> = top.iter().map(grade).collect();
    let relevant = grades.values().filter(|&&g| g == 2).count();
    let related = grades.values().filter(|&&g| g == 1).count();
    let scores = (!jq.none).then(|| {
        let gain = |g: u8| f64::from((1u32 << g) - 1);
        let dcg = |gs: &mut dyn Iterator<Item = u8>| -> f64 {
            gs.take(CUTOFF)
                .enumerate()
                .fold(0.0, |sum, (i, g)| sum + gain(g) / ((i + 2) as f64).log2())
        };
        let mut ideal: Vec<u8> = grades.values().copied().collect();
        ideal.sort_unstable();
        ideal.reverse();
        let idcg = dcg(&mut ideal.into_iter());
        let ndcg = if idcg > 0.0 {
            dcg(&mut top_grades.iter().copied()) / idcg
        } else {
            0.0
        };
        let found = top_grades.iter().filter(|&&g| g == 2).count();
        let recall = if relevant > 0 {
            found as f64 / relevant.min(CUTOFF) as f64
        } else {
            0.0
        };
        let first_relevant = ranked.iter().position(|id| grade(id) == 2).map(|i| i + 1);
        Scores {
            ndcg,
            recall,
            rr: first_relevant.map_or(0.0, |r| 1.0 / r as f64),
            first_relevant,
        }
    });
    QueryResult {
        q: jq.q.clone(),
        kind: jq.kind,
        top,
        top_grades,
        returned: ranked.len(),
        relevant,
        related,
        scores,
    }
}

fn summarize(kind: Option<Kind>, rows: &[&QueryResult]) -> Summary {
    let n = rows.len();
    let mean = |f: &dyn Fn(&QueryResult) -> f64| -> f64 {
        if n == 0 {
            0.0
        } else {
            rows.iter().map(|&r| f(r)).sum::<f64>() / n as f64
        }
    };
    let judged = rows.iter().all(|r| r.scores.is_some());
    let measure = |f: fn(&Scores) -> f64| {
        judged.then(|| mean(&|r: &QueryResult| r.scores.as_ref().map_or(0.0, f)))
    };
    Summary {
        kind,
        queries: n,
        ndcg: measure(|s| s.ndcg),
        recall: measure(|s| s.recall),
        mrr: measure(|s| s.rr),
        zero_results: mean(&|r: &QueryResult| f64::from(u8::from(r.zero_results()))),
        mean_returned: mean(&|r: &QueryResult| r.returned as f64),
    }
}

/// The ranking of the public [`Directory`] for a free-text search: every
/// result, in order.
pub fn rank_with(dir: &Directory) -> impl Fn(&str) -> Vec<GroupId> + '_ {
    move |q: &str| {
        let query = Query {
            q: q.to_owned(),
            ..Query::default()
        };
        dir.search_all(&query).iter().map(|g| g.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn id(n: u128) -> GroupId {
        GroupId(Uuid::from_u128(n))
    }

    fn query(q: &str, kind: Kind) -> JudgedQuery {
        JudgedQuery {
            q: q.into(),
            kind,
            none: kind == Kind::None,
            relevant: Rules::default(),
            related: Rules::default(),
            note: None,
        }
    }

    #[test]
    fn measures_by_hand() {
        // Relevant: 1, 2; related: 3. Ranking: 9 (not judged), 1, 3.
        let grades: Grades = [(id(1), 2), (id(2), 2), (id(3), 1)].into();
        let r = score(&query("x", Kind::Exact), &grades, &[id(9), id(1), id(3)]);
        let s = r.scores.unwrap();
        let dcg = 3.0 / 3f64.log2() + 1.0 / 4f64.log2();
        let idcg = 3.0 + 3.0 / 3f64.log2() + 1.0 / 4f64.log2();
        assert!((s.ndcg - dcg / idcg).abs() < 1e-12);
        assert_eq!(s.recall, 0.5);
        assert_eq!(s.rr, 0.5);
        assert_eq!(s.first_relevant, Some(2));
        assert_eq!((r.relevant, r.related, r.returned), (2, 1, 3));
    }

    #[test]
    fn recall_is_capped_at_ten_relevant() {
        let grades: Grades = (1..=30).map(|n| (id(n), 2)).collect();
        let ranked: Vec<GroupId> = (1..=10).map(id).collect();
        let s = score(&query("x", Kind::Exact), &grades, &ranked)
            .scores
            .unwrap();
        assert_eq!(s.recall, 1.0);
        assert!((s.ndcg - 1.0).abs() < 1e-12);
    }

    #[test]
    fn none_queries_count_zero_results_as_success() {
        let set = QuerySet {
            about: vec![],
            queries: vec![query("a", Kind::None), query("b", Kind::None)],
        };
        let judgments = vec![Grades::new(), Grades::new()];
        let report = evaluate(&set, &judgments, |q| {
            if q == "a" {
                vec![]
            } else {
                vec![id(1), id(2)]
            }
        });
        let none = report.kind(Kind::None).unwrap();
        assert_eq!(none.zero_results, 0.5);
        assert_eq!(none.mean_returned, 1.0);
        assert_eq!(none.ndcg, None);
        assert_eq!(report.worst().len(), 1);
        assert_eq!(report.overall.queries, 0);
    }

    #[test]
    fn rules_parse_as_one_or_many_and_reject_typos() {
        let set = QuerySet::parse(
            r#"{"queries": [
                {"q": "a", "kind": "exact", "relevant": {"topics": ["x"]}},
                {"q": "b", "kind": "multi", "relevant": [{"topics": ["x"]}, {"audience": ["relatives"]}]}
            ]}"#,
        )
        .unwrap();
        assert_eq!(set.queries[0].relevant.0.len(), 1);
        assert_eq!(set.queries[1].relevant.0.len(), 2);
        let err = QuerySet::parse(
            r#"{"queries": [{"q": "a", "kind": "exact", "relevant": {"topic": ["x"]}}]}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("topic"), "{err}");
    }

    #[test]
    fn names_match_at_word_starts() {
        assert_eq!(
            plain("Alzheimer-Angehörigengruppe  Süd"),
            "alzheimer angehörigengruppe süd"
        );
        let rule = Rule {
            name_contains: vec!["aa".into()],
            ..Rule::default()
        };
        let records = crate::demo::demo_records();
        let taxonomy = records.taxonomy().unwrap();
        let c = compile("aa", &rule, &taxonomy).unwrap();
        let names: Vec<&str> = records
            .groups
            .iter()
            .filter(|g| c.matches(g))
            .map(|g| g.data.name.as_str())
            .collect();
        assert!(!names.is_empty());
        assert!(
            names
                .iter()
                .all(|n| n.contains("AA") || n.contains("Alkoholiker")),
            "{names:?}"
        );
    }
}
