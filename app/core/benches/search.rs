//! Search engine, natively: index build time and memory, and query latency
//! over a fixed query mix, on the demo directory with 2,000 and 100,000
//! groups (budget: p95 under 1 ms at 2,000 groups, under 20 ms at 100,000).
//!
//! `cargo bench -p wegweiser-core --bench search`
//!
//! Two parts in one binary:
//!
//! 1. A plain timing pass (first): builds each directory, reports build time
//!    and the memory the built `Directory` holds (a counting global
//!    allocator), then runs every query of the mix many times, interleaved,
//!    and prints p50/p95/p99/max per query and overall. Criterion does not
//!    report percentiles, so this table is where the budget is checked.
//! 2. Criterion groups (`build/…`, `query/2000/…`, `query/100000/…`), whose
//!    figures are kept under `target/criterion` and compared run to run.
//!
//! Environment, to keep development runs short:
//!
//! - `SEARCH_BENCH_SIZES=2000` (comma-separated group counts; default
//!   `2000,100000`)
//! - `SEARCH_BENCH_REPS=20` (runs of the whole mix per size in the table
//!   pass; default 200 up to 10,000 groups, 30 above)
//! - `SEARCH_BENCH_TABLE=0` skips the table pass, `SEARCH_BENCH_CRITERION=0`
//!   the criterion groups.
//!
//! Criterion arguments still work after `--`, e.g. a filter:
//! `cargo bench -p wegweiser-core --bench search -- query/2000`.
//! `cargo test --benches` runs a small smoke version of everything once.
//!
//! The counting allocator is active for the whole binary (criterion too); it
//! adds a few uncontended atomic operations per allocation.

use criterion::{BenchmarkId, Criterion, SamplingMode};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use wegweiser_core::directory::{Directory, Query};
use wegweiser_core::domain::Weekday;

// ---------------------------------------------------------------------------
// Counting allocator

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

impl Counting {
    fn grow(by: usize) {
        let live = LIVE.fetch_add(by, Ordering::Relaxed) + by;
        PEAK.fetch_max(live, Ordering::Relaxed);
        ALLOCATED.fetch_add(by, Ordering::Relaxed);
    }
    fn shrink(by: usize) {
        LIVE.fetch_sub(by, Ordering::Relaxed);
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            Self::grow(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            Self::grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        Self::shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            Self::shrink(layout.size());
            Self::grow(new_size);
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Heap use of one piece of work, from the counting allocator.
#[derive(Debug, Clone, Copy)]
struct Memory {
    /// Live bytes after minus before: what the result keeps.
    retained: usize,
    /// Highest live bytes during the work, above the start.
    peak: usize,
    /// All bytes allocated during the work (freed ones included).
    allocated: usize,
    allocations: usize,
}

/// Run `f`, measuring its time and heap use. The result is returned, so
/// what it holds counts as retained.
fn measured<T>(f: impl FnOnce() -> T) -> (T, Duration, Memory) {
    let live = LIVE.load(Ordering::Relaxed);
    PEAK.store(live, Ordering::Relaxed);
    let allocated = ALLOCATED.load(Ordering::Relaxed);
    let allocations = ALLOCATIONS.load(Ordering::Relaxed);
    let start = Instant::now();
    let out = f();
    let time = start.elapsed();
    let memory = Memory {
        retained: LIVE.load(Ordering::Relaxed).saturating_sub(live),
        peak: PEAK.load(Ordering::Relaxed).saturating_sub(live),
        allocated: ALLOCATED.load(Ordering::Relaxed) - allocated,
        allocations: ALLOCATIONS.load(Ordering::Relaxed) - allocations,
    };
    (out, time, memory)
}

// ---------------------------------------------------------------------------
// The query mix

fn text(q: &str) -> Query {
    Query {
        q: q.into(),
        ..Query::default()
    }
}

/// What people type, by kind. Fixed: change it only together with a note in
/// docs/performance.md, or figures stop being comparable.
fn mix() -> Vec<(&'static str, Query)> {
    vec![
        // typing, letter by letter
        ("prefix d", text("d")),
        ("prefix de", text("de")),
        ("prefix dep", text("dep")),
        ("prefix depr", text("depr")),
        // whole words
        ("word Trauer", text("Trauer")),
        ("word Sucht", text("Sucht")),
        ("word Diabetes", text("Diabetes")),
        // typos
        ("typo depresion", text("depresion")),
        ("typo alkohl", text("alkohl")),
        // without umlauts
        ("oe angehoerige demenz", text("angehoerige demenz")),
        // everyday words
        ("colloq trinken aufhören", text("trinken aufhören")),
        ("colloq zucker", text("zucker")),
        ("colloq kind verloren", text("kind verloren")),
        // several words
        (
            "words junge selbsthilfe depression",
            text("junge selbsthilfe depression"),
        ),
        // with filters
        (
            "filter sucht+Di+stufenlos",
            Query {
                q: "sucht".into(),
                day: Some(Weekday::Tu),
                step_free: true,
                ..Query::default()
            },
        ),
        (
            "filter trauer+neue+page2",
            Query {
                q: "trauer".into(),
                new_members: true,
                page: 2,
                ..Query::default()
            },
        ),
        (
            "filter only Do+stufenlos",
            Query {
                day: Some(Weekday::Th),
                step_free: true,
                ..Query::default()
            },
        ),
        // nothing to find
        ("nohit steuererklärung", text("steuererklärung")),
    ]
}

// ---------------------------------------------------------------------------
// Settings

fn env_usize_list(key: &str) -> Option<Vec<usize>> {
    let v = std::env::var(key).ok()?;
    let list: Vec<usize> = v
        .split(',')
        .map(|s| s.trim().replace('_', ""))
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse()
                .unwrap_or_else(|_| panic!("{key}: not a number: {s}"))
        })
        .collect();
    Some(list)
}

fn env_flag(key: &str, default: bool) -> bool {
    match std::env::var(key).as_deref() {
        Ok("0" | "false" | "no" | "off") => false,
        Ok(_) => true,
        Err(_) => default,
    }
}

/// `cargo bench` passes `--bench`; `cargo test --benches` does not.
fn bench_mode() -> bool {
    let args: Vec<String> = std::env::args().collect();
    let has = |a: &str| args.iter().any(|x| x == a);
    has("--bench")
        && !has("--test")
        && !has("--list")
        && !args.iter().any(|x| x == "--profile-time")
}

struct Settings {
    sizes: Vec<usize>,
    reps: Option<usize>,
    table: bool,
    criterion: bool,
}

impl Settings {
    fn from_env(bench: bool) -> Self {
        let default_sizes = if bench {
            vec![2_000, 100_000]
        } else {
            vec![200]
        };
        Settings {
            sizes: env_usize_list("SEARCH_BENCH_SIZES").unwrap_or(default_sizes),
            reps: env_usize_list("SEARCH_BENCH_REPS").and_then(|v| v.first().copied()),
            table: env_flag("SEARCH_BENCH_TABLE", true),
            criterion: env_flag("SEARCH_BENCH_CRITERION", true),
        }
    }

    fn reps(&self, size: usize, bench: bool) -> usize {
        match (self.reps, bench) {
            (Some(r), _) => r.max(1),
            (None, false) => 1,
            (None, true) if size <= 10_000 => 200,
            (None, true) => 30,
        }
    }
}

// ---------------------------------------------------------------------------
// The table pass

/// Nearest-rank percentile of sorted samples.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn row(name: &str, hits: &str, samples: &mut [Duration]) -> Duration {
    samples.sort_unstable();
    let p95 = percentile(samples, 95.0);
    println!(
        "  {:<36} {:>7} {:>9} {:>9} {:>9} {:>9}",
        name,
        hits,
        ms(percentile(samples, 50.0)),
        ms(p95),
        ms(percentile(samples, 99.0)),
        ms(*samples.last().unwrap()),
    );
    p95
}

fn budget(size: usize) -> Option<Duration> {
    match size {
        2_000 => Some(Duration::from_millis(1)),
        100_000 => Some(Duration::from_millis(20)),
        _ => None,
    }
}

fn table(size: usize, reps: usize) {
    let (records, gen_time, records_mem) = measured(|| wegweiser_core::demo::generate(size, 1));
    // A first build warms up the allocator and code; the second is reported.
    drop(Directory::build(&records).unwrap());
    let (dir, build_time, mem) = measured(|| Directory::build(&records).unwrap());
    println!();
    println!("search, {size} groups (demo::generate({size}, 1))");
    println!(
        "  records: generated in {:.0} ms, {} live",
        gen_time.as_secs_f64() * 1e3,
        mib(records_mem.retained)
    );
    println!(
        "  Directory::build: {:.1} ms; retains {} ({} B/group); peak +{}; \
         allocated {} in {} allocations",
        build_time.as_secs_f64() * 1e3,
        mib(mem.retained),
        mem.retained / size.max(1),
        mib(mem.peak),
        mib(mem.allocated),
        mem.allocations,
    );

    let mix = mix();
    let mut samples: Vec<Vec<Duration>> = vec![Vec::with_capacity(reps); mix.len()];
    let mut hits = vec![0usize; mix.len()];
    // One unrecorded round, then `reps` rounds, queries interleaved.
    for (i, (_, q)) in mix.iter().enumerate() {
        hits[i] = black_box(dir.search(q)).total;
    }
    for _ in 0..reps {
        for (i, (_, q)) in mix.iter().enumerate() {
            let start = Instant::now();
            let result = black_box(dir.search(black_box(q)));
            drop(result);
            samples[i].push(start.elapsed());
        }
    }

    println!(
        "  {reps} runs of each query; ms   {:>7} {:>9} {:>9} {:>9} {:>9}",
        "hits", "p50", "p95", "p99", "max"
    );
    let mut all: Vec<Duration> = samples.iter().flatten().copied().collect();
    for (i, (name, _)) in mix.iter().enumerate() {
        row(name, &hits[i].to_string(), &mut samples[i]);
    }
    let p95 = row("ALL", "", &mut all);
    if let Some(limit) = budget(size) {
        println!(
            "  budget p95 < {} ms: {}",
            limit.as_millis(),
            if p95 < limit { "met" } else { "MISSED" }
        );
    }
    drop(dir);
    drop(records);
}

// ---------------------------------------------------------------------------
// Criterion

fn benches(c: &mut Criterion, sizes: &[usize]) {
    for &size in sizes {
        let records = wegweiser_core::demo::generate(size, 1);
        let large = size > 10_000;

        let mut group = c.benchmark_group("build");
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        if large {
            group.measurement_time(Duration::from_secs(5));
        }
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| Directory::build(black_box(&records)).unwrap())
        });
        group.finish();

        let dir = Directory::build(&records).unwrap();
        let mut group = c.benchmark_group(format!("query/{size}"));
        if large {
            // Flat: the same number of iterations per sample, so slow
            // queries stay within the measurement time.
            group.sampling_mode(SamplingMode::Flat);
            group.sample_size(20);
        }
        for (name, q) in mix() {
            group.bench_function(name, |b| b.iter(|| dir.search(black_box(&q))));
        }
        group.finish();
    }
}

fn main() {
    let bench = bench_mode();
    let settings = Settings::from_env(bench);
    if settings.table {
        for &size in &settings.sizes {
            table(size, settings.reps(size, bench));
        }
        println!();
    }
    if settings.criterion {
        let mut c = Criterion::default()
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(2))
            .configure_from_args();
        benches(&mut c, &settings.sizes);
        c.final_summary();
    }
}
