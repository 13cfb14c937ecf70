//! Relevance is measured, not guessed: the judged queries in
//! `app/core/relevance/queries.json` against the standard demo directory,
//! with floors per kind of query. See docs/search.md; for the per-query
//! picture run `cargo run -p wegweiser-core --example relevance -- --failures`.

use wegweiser_core::demo::demo_records;
use wegweiser_core::directory::Directory;
use wegweiser_core::relevance::{evaluate, judge, rank_with, Kind, QuerySet, Report};

const QUERIES: &str = include_str!("../relevance/queries.json");

/// Floors per kind: (kind, nDCG@10, recall@10, MRR).
///
/// Set from what the engine achieves, minus 0.02 and rounded down, so a
/// change that makes search worse for any kind of query fails here.
/// Measured 2026-11-21 (stems, compounds, typos, prefix while typing):
///
/// | kind       | nDCG@10 | recall@10 | MRR   | first engine (nDCG) |
/// |------------|---------|-----------|-------|---------------------|
/// | exact      | 0.962   | 0.992     | 1.000 | 0.948 |
/// | umlaut     | 0.890   | 0.920     | 1.000 | 0.533 |
/// | typo       | 0.963   | 0.993     | 1.000 | 0.112 |
/// | colloquial | 0.750   | 0.756     | 0.765 | 0.750 |
/// | multi      | 0.873   | 0.955     | 1.000 | 0.822 |
/// | prefix     | 0.967   | 0.959     | 1.000 | 0.967 |
/// | compound   | 0.754   | 0.697     | 0.929 | 0.345 |
/// | all judged | 0.873   | 0.888     | 0.946 | 0.646 |
const FLOORS: &[(Kind, f64, f64, f64)] = &[
    (Kind::Exact, 0.94, 0.97, 0.98),
    (Kind::Umlaut, 0.87, 0.90, 0.98),
    (Kind::Typo, 0.94, 0.97, 0.98),
    (Kind::Colloquial, 0.73, 0.73, 0.74),
    (Kind::Multi, 0.85, 0.93, 0.98),
    (Kind::Prefix, 0.94, 0.93, 0.98),
    (Kind::Compound, 0.73, 0.67, 0.90),
];

/// Floor over all queries that should find something: (nDCG@10, recall@10, MRR).
const OVERALL_FLOOR: (f64, f64, f64) = (0.85, 0.86, 0.92);

/// Share of the `none` queries that must return nothing (measured: 10 of
/// 11; "gitarre lernen" finds groups through "lernen").
const NONE_EMPTY_FLOOR: f64 = 0.88;

fn set() -> QuerySet {
    QuerySet::parse(QUERIES).expect("queries.json parses")
}

fn report(set: &QuerySet) -> Report {
    let records = demo_records();
    let judgments = judge(set, &records).expect("every judgment is consistent");
    let dir = Directory::build(&records).expect("demo taxonomy");
    evaluate(set, &judgments, rank_with(&dir))
}

#[test]
fn the_query_set_covers_every_kind() {
    let set = set();
    assert!(
        set.queries.len() >= 60,
        "{} queries, want at least 60",
        set.queries.len()
    );
    for kind in Kind::ALL {
        assert!(
            set.count(kind) >= 6,
            "kind {kind}: {} queries, want at least 6",
            set.count(kind)
        );
    }
    // Every query that should find something has at least one relevant
    // listed group; unknown topics and rules without conditions fail here.
    judge(&set, &demo_records()).unwrap();
}

#[test]
fn relevance_stays_above_the_floors() {
    let set = set();
    let report = report(&set);
    let mut failures = Vec::new();
    let mut check = |what: String, measured: Option<f64>, floor: f64| {
        let m = measured.unwrap_or(0.0);
        if m < floor {
            failures.push(format!("{what}: {m:.3} < {floor:.2}"));
        }
    };
    for &(kind, ndcg, recall, mrr) in FLOORS {
        let s = report.kind(kind).expect("every kind has queries");
        check(format!("{kind} nDCG@10"), s.ndcg, ndcg);
        check(format!("{kind} recall@10"), s.recall, recall);
        check(format!("{kind} MRR"), s.mrr, mrr);
    }
    let (ndcg, recall, mrr) = OVERALL_FLOOR;
    check("all nDCG@10".into(), report.overall.ndcg, ndcg);
    check("all recall@10".into(), report.overall.recall, recall);
    check("all MRR".into(), report.overall.mrr, mrr);
    let none = report.kind(Kind::None).expect("none queries");
    check(
        "none: share correctly empty".into(),
        Some(none.zero_results),
        NONE_EMPTY_FLOOR,
    );
    let worst: Vec<String> = report
        .worst()
        .iter()
        .take(8)
        .map(|r| match &r.scores {
            Some(s) => format!(
                "  [{}] {:?}: nDCG {:.2}, recall {:.2}, {} returned",
                r.kind, r.q, s.ndcg, s.recall, r.returned
            ),
            None => format!("  [{}] {:?}: {} returned", r.kind, r.q, r.returned),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "relevance below the floors:\n  {}\n\nmeasured:\n{}\nworst queries:\n{}\n",
        failures.join("\n  "),
        report.table(),
        worst.join("\n")
    );
    // Shown with --nocapture.
    println!("{}", report.table());
}
