//! How well search finds what people mean: nDCG@10, recall@10 and MRR per
//! kind of query, over the judged queries in `app/core/relevance/queries.json`
//! and the standard demo directory. See docs/search.md.
//!
//! ```sh
//! cargo run -p wegweiser-core --example relevance                 # the table
//! cargo run -p wegweiser-core --example relevance -- --failures   # and the 15 worst queries
//! cargo run -p wegweiser-core --example relevance -- --failures 40
//! cargo run -p wegweiser-core --example relevance -- --all        # every query
//! cargo run -p wegweiser-core --example relevance -- --json       # the whole report as JSON
//! cargo run -p wegweiser-core --example relevance -- --queries other.json
//! cargo run -p wegweiser-core --example relevance -- --rankings minisearch.json
//! ```
//!
//! `--rankings FILE` scores another engine instead of ours: FILE is JSON,
//! `{ "<query>": ["<group uuid>", …], … }`, each query's ranked group ids,
//! best first (as `end2end/bench/search-bench.mjs` writes for MiniSearch).
//! Every query of the set must be there.

use std::collections::{BTreeMap, HashMap};
use std::process::ExitCode;
use wegweiser_core::demo::demo_records;
use wegweiser_core::directory::Directory;
use wegweiser_core::domain::GroupId;
use wegweiser_core::relevance::{evaluate, judge, rank_with, QueryResult, QuerySet};

const QUERIES: &str = include_str!("../relevance/queries.json");

struct Options {
    failures: Option<usize>,
    all: bool,
    json: bool,
    queries: Option<String>,
    rankings: Option<String>,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        failures: None,
        all: false,
        json: false,
        queries: None,
        rankings: None,
    };
    let mut args = std::env::args().skip(1).peekable();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--failures" => {
                let n = match args.peek().map(|n| n.parse::<usize>()) {
                    Some(Ok(n)) => {
                        args.next();
                        n
                    }
                    _ => 15,
                };
                o.failures = Some(n);
            }
            "--all" => o.all = true,
            "--json" => o.json = true,
            "--queries" => o.queries = Some(args.next().ok_or("--queries needs a path")?),
            "--rankings" => o.rankings = Some(args.next().ok_or("--rankings needs a path")?),
            other => {
                return Err(format!(
                    "unknown argument {other:?}; use --failures [N], --all, --json, --queries PATH, --rankings PATH"
                ))
            }
        }
    }
    Ok(o)
}

fn main() -> ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let text = match &o.queries {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => QUERIES.to_owned(),
    };
    let set = match QuerySet::parse(&text) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("queries: {e}");
            return ExitCode::FAILURE;
        }
    };
    let records = demo_records();
    let judgments = match judge(&set, &records) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("judgments: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dir = Directory::build(&records).expect("the demo taxonomy is valid");
    let report = match &o.rankings {
        None => evaluate(&set, &judgments, rank_with(&dir)),
        Some(path) => {
            let rankings = match read_rankings(path) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{path}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let missing: Vec<&str> = set
                .queries
                .iter()
                .map(|q| q.q.as_str())
                .filter(|q| !rankings.contains_key(*q))
                .collect();
            if !missing.is_empty() {
                eprintln!("{path}: no ranking for {missing:?}");
                return ExitCode::FAILURE;
            }
            evaluate(&set, &judgments, |q: &str| rankings[q].clone())
        }
    };

    if o.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("the report serialises")
        );
        return ExitCode::SUCCESS;
    }

    let names: HashMap<GroupId, &str> = records
        .groups
        .iter()
        .map(|g| (g.id, g.data.name.as_str()))
        .collect();
    match &o.rankings {
        Some(path) => println!("Rankings from {path}"),
        None => println!("Rankings of wegweiser_core::directory::Directory"),
    }
    println!(
        "{} queries, {} groups listed; recall@10 = relevant in top 10 / min(10, relevant); \
         MRR over the whole list; zero-res for kind none = share correctly empty",
        set.queries.len(),
        dir.listed().count()
    );
    println!();
    print!("{}", report.table());

    if o.all {
        println!();
        for r in &report.queries {
            print_query(r, &names);
        }
    }
    if let Some(n) = o.failures {
        let worst = report.worst();
        println!();
        println!(
            "Worst {} of {} queries with a fault (grade: 2 relevant, 1 related, 0 not):",
            n.min(worst.len()),
            worst.len()
        );
        for r in worst.into_iter().take(n) {
            print_query(r, &names);
        }
    }
    ExitCode::SUCCESS
}

/// Rankings of another engine: query text → group ids, best first.
fn read_rankings(path: &str) -> Result<BTreeMap<String, Vec<GroupId>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

fn print_query(r: &QueryResult, names: &HashMap<GroupId, &str>) {
    match &r.scores {
        Some(s) => println!(
            "  [{}] {:?}: nDCG {:.2}, recall {:.2}, first relevant at {}, {} returned, {} relevant + {} related",
            r.kind,
            r.q,
            s.ndcg,
            s.recall,
            s.first_relevant
                .map_or_else(|| "–".to_owned(), |p| p.to_string()),
            r.returned,
            r.relevant,
            r.related
        ),
        None => println!(
            "  [{}] {:?}: {} returned (should be none)",
            r.kind, r.q, r.returned
        ),
    }
    for (id, grade) in r.top.iter().zip(&r.top_grades).take(3) {
        println!("      {grade} {}", names.get(id).copied().unwrap_or("?"));
    }
}
