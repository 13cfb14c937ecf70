// Search in the browser, measured: index build, keystroke → results
// rendered, and MiniSearch side by side in the same headless Chromium, on
// the same data and queries. Not part of the test suite; see
// docs/performance.md ("Search in the browser") and docs/search.md
// ("Compared with MiniSearch").
//
//   cargo leptos build --release
//   cd end2end && npm run bench:search
//
// What it does:
//   1. a fresh SQLite file seeded with 2,000 groups (`server seed --groups
//      2000`), the release server on 127.0.0.1:3300;
//   2. 5 fresh pages of /suche: `data-index-ms` (Directory::from_public in
//      wasm, whole ms by Date.now()) and, in the same page, a MiniSearch
//      index over the same records (built once per page, cold like ours);
//   3. typing: realistic queries character by character; per keystroke,
//      keydown (capture listener on #q, performance.now()) → the frame with
//      the new results rendered (requestAnimationFrame registered in the
//      input event, then setTimeout(0) from the rAF callback: runs after
//      that frame's style, layout and paint); a MutationObserver on <main>
//      checks that the results changed before that frame;
//   4. MiniSearch search() latency (performance.now() around the call) for
//      every query of app/core/relevance/queries.json and every typed prefix;
//   5. relevance: a second server on 127.0.0.1:3301 with a fresh, empty file
//      (it loads the 250-group demo directory the judgments are made for),
//      MiniSearch's ranked ids per query → bench/results-minisearch-*.json,
//      scored by `cargo run --release -p wegweiser-core --example relevance
//      -- --rankings FILE`, next to our engine's table.
// The summary goes to stdout and to bench/results-latest.json (not committed).
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_BUILD_ROOT
// (a checkout whose target/ holds the release build to measure; default
// this repository), BENCH_PORT (default 3300; relevance server on +1).

import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { cleanup, closeAtEnd, log, median, root, round, serverBin, serverEnv, site, startServer, stats, stopServer, tmp } from "./harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const port = Number(process.env.BENCH_PORT ?? 3300);
const require = createRequire(import.meta.url);
// The UMD build (a global MiniSearch), next to the CommonJS entry point.
const miniSearchDist = path.resolve(path.dirname(require.resolve("minisearch")), "..");
const miniSearchPath = path.join(miniSearchDist, "umd/index.js");
const miniSearchVersion = JSON.parse(fs.readFileSync(path.join(miniSearchDist, "../package.json"), "utf8")).version;
const querySet = JSON.parse(fs.readFileSync(path.join(repo, "app/core/relevance/queries.json"), "utf8")).queries;

const GROUPS = 2000;
const INDEX_RUNS = 5;
const MS_RUNS = 5; // timed search() calls per query
// Typed character by character (ASCII: Playwright sends no keydown for ö).
const TYPED = [
  "depression", "angehoerige demenz", "alkohol", "trauer", "diabetes", "alleinerziehend",
  "kind verloren", "selbsthilfe", "trinken aufhoeren", "depresion", "essstorungen",
  "schwerhorig", "tinnitus", "multiple sklerose",
];
const TYPING_ROUNDS = 2;
const PAUSE_MS = 30; // between keystrokes, once the previous one is rendered

let browser = null;

// ---------------------------------------------------------------- in page

/** Runs in the page: fetch the public directory, turn it into MiniSearch
 * documents (topic ids resolved, parent topics included as our engine
 * does), build an index; returns timings. `variant` "readme": the README's
 * setup; "folded": the same plus German umlaut folding in processTerm. */
async function miniSearchBuild(variant) {
  const t0 = performance.now();
  const resp = await fetch("/fn/directory", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const dir = await resp.json();
  const t1 = performance.now();
  const topics = new Map(dir.topics.map((t) => [t.id, t]));
  const docs = dir.groups.map((g) => {
    const own = [], ownSyn = [], parents = [], parentSyn = [];
    for (const id of g.topics) {
      let t = topics.get(id);
      let depth = 0;
      while (t) {
        (depth === 0 ? own : parents).push(t.data.name);
        (depth === 0 ? ownSyn : parentSyn).push(...(t.data.synonyms ?? []));
        t = t.data.parent ? topics.get(t.data.parent) : null;
        depth++;
      }
    }
    const uniq = (xs) => [...new Set(xs)].join(" ; ");
    return {
      id: g.id,
      status: g.status,
      name: g.name,
      alternate_names: (g.alternate_names ?? []).join(" ; "),
      description: g.description,
      details: g.details ?? "",
      district: g.location?.district ?? "",
      topics: uniq(own),
      synonyms: uniq(ownSyn),
      parent_topics: uniq(parents),
      parent_synonyms: uniq(parentSyn),
    };
  });
  const t2 = performance.now();
  const fold = (term) =>
    term.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  const options = {
    fields: ["name", "alternate_names", "description", "details", "district", "topics", "synonyms", "parent_topics", "parent_synonyms"],
    storeFields: ["status"],
    searchOptions: { boost: { name: 2 }, prefix: true, fuzzy: 0.2 },
    ...(variant === "folded" ? { processTerm: fold } : {}),
  };
  const index = new window.MiniSearch(options);
  index.addAll(docs);
  const t3 = performance.now();
  window.__ms = window.__ms ?? {};
  window.__ms[variant] = index;
  window.__msEnded = new Set(docs.filter((d) => d.status === "ended").map((d) => d.id));
  return {
    fetch_parse_ms: t1 - t0,
    prepare_ms: t2 - t1,
    build_ms: t3 - t2,
    groups: docs.length,
    ended: window.__msEnded.size,
    terms: index.termCount,
  };
}

/** In page: time `search` for each query, `runs` times; ranked ids of the
 * first run, ended groups left out. */
function miniSearchQueries([variant, queries, runs]) {
  const index = window.__ms[variant];
  const times = [];
  const ranked = {};
  const returned = {};
  for (const q of queries) {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = index.search(q);
      const dt = performance.now() - t0;
      times.push(dt);
      if (i === 0) {
        const ids = r.map((x) => x.id).filter((id) => !window.__msEnded.has(id));
        ranked[q] = ids;
        returned[q] = ids.length;
      }
    }
  }
  // Mean per call from one timed batch: performance.now() is coarsened
  // (0.1 ms) outside a cross-origin-isolated page.
  const tb = performance.now();
  for (const q of queries) index.search(q);
  const batchMean = (performance.now() - tb) / queries.length;
  return { times, ranked, returned, batchMean };
}

/** In page: per-keystroke instrumentation of the search field. */
function instrument() {
  const field = document.getElementById("q");
  const main = document.querySelector("main");
  const B = (window.__bench = { queue: [], waiter: null, cur: null, lastMut: 0 });
  const finish = (s) => {
    if (B.cur === s) B.cur = null;
    if (B.waiter) {
      const w = B.waiter;
      B.waiter = null;
      w(s);
    } else B.queue.push(s);
  };
  field.addEventListener(
    "keydown",
    (e) => {
      B.cur = { key: e.key, t0: performance.now(), input: null, firstMut: null, lastMut: null, raf: null, painted: null, lateMut: false, searchUs: null };
      // The app puts the time its search took (the round trip to the
      // service worker's replica) on <body data-search-us>.
      delete document.body.dataset.searchUs;
    },
    true,
  );
  field.addEventListener(
    "input",
    () => {
      const s = B.cur;
      if (s) s.input = performance.now();
    },
    true,
  );
  // The results come back from the service worker a moment later: the
  // first change of <main> after the input starts the wait for the frame
  // that shows it.
  new MutationObserver(() => {
    const s = B.cur;
    const now = performance.now();
    if (!s || s.input === null) return;
    if (s.firstMut === null) {
      s.firstMut = now;
      requestAnimationFrame(() => {
        s.raf = performance.now();
        setTimeout(() => {
          s.painted = performance.now();
          const us = document.body.dataset.searchUs;
          s.searchUs = us === undefined ? null : Number(us);
          // Anything still changing after the frame would mean we measured
          // too early; checked a moment later.
          setTimeout(() => finish(s), 50);
        }, 0);
      });
    }
    s.lastMut = now;
    if (s.raf !== null) s.lateMut = true;
  }).observe(main, { childList: true, subtree: true, characterData: true, attributes: true });
  // A keystroke that changes nothing on the page (a trailing space) ends
  // after a second without a frame to measure.
  field.addEventListener("input", () => {
    const s = B.cur;
    setTimeout(() => s && s.firstMut === null && finish(s), 1000);
  });
  B.take = () =>
    new Promise((res) => {
      if (B.queue.length) res(B.queue.shift());
      else B.waiter = res;
    });
}

// ------------------------------------------------------------------ main

async function newPage(base) {
  const context = await browser.newContext({ locale: "de-DE", timezoneId: "Europe/Berlin", baseURL: base });
  const page = await context.newPage();
  return { context, page };
}

async function openSearch(page) {
  await page.goto("/suche");
  // The service worker has downloaded the directory into its replica,
  // built the index, and controls the page: typing is answered locally.
  await page.waitForSelector('html[data-search-ready="true"]', { timeout: 120_000 });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  return page.evaluate(() => {
    const h = document.documentElement.dataset;
    return {
      index_ms: Number(h.indexMs),
      index_load_ms: Number(h.indexLoadMs),
      index_groups: Number(h.indexGroups),
      replica_bytes: Number(h.replicaBytes),
    };
  });
}

/** In the service worker: the replica's own answer to "find" for each
 * query (the engine's search plus JSON out, no page round trip), timed
 * like MiniSearch's search() in the page. */
async function replicaQueries([queries, runs]) {
  const replica = await engine();
  const body = (q) =>
    JSON.stringify({
      query: { q, topic: null, district: null, day: null, step_free: false, language: null, audience: null, format: null, new_members: false, founding: false, page: 1 },
    });
  const times = [];
  for (let r = 0; r < runs; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      await replica.answer("find", body(q));
      times.push(performance.now() - t0);
    }
  }
  return times;
}

async function main() {
  if (!fs.existsSync(serverBin)) throw new Error(`${serverBin} missing: run cargo leptos build --release`);
  const chromiumPath = process.env.CHROMIUM_PATH ?? site.chromium.executablePath;
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
    build_root: root,
    groups: GROUPS,
  };

  // 1. 2,000 groups.
  const dbA = path.join(tmp, "bench-2000.db");
  log(`seeding ${GROUPS} groups into ${dbA} …`);
  execFileSync(serverBin, ["seed", "--groups", String(GROUPS)], { cwd: root, env: serverEnv(dbA, port), stdio: ["ignore", "ignore", "inherit"] });
  const A = await startServer("bench-2000", dbA, port);
  log(`server ${A.base} up`);

  browser = closeAtEnd(await chromium.launch({
    executablePath: chromiumPath,
    // Our own handlers stop the servers too; Playwright's would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: site.chromium.args,
  }));;
  results.browser = `Chromium ${browser.version()} (headless)`;
  log(results.browser);

  // 2. Index build, ours and MiniSearch's, 5 fresh pages.
  const ours = [];
  const ms = [];
  for (let i = 0; i < INDEX_RUNS; i++) {
    const { context, page } = await newPage(A.base);
    const r = await openSearch(page);
    await page.addScriptTag({ path: miniSearchPath });
    const m = await page.evaluate(miniSearchBuild, "readme");
    ours.push(r);
    ms.push(m);
    log(`  page ${i + 1}: ours ${r.index_ms} ms for ${r.index_groups} groups in the service worker (reading the replica ${r.index_load_ms} ms; first sync ${r.replica_bytes} B of JSON); MiniSearch addAll ${round(m.build_ms, 1)} ms + prepare ${round(m.prepare_ms, 1)} ms`);
    await context.close();
  }
  const oursMs = ours.map((r) => r.index_ms);
  const msBuild = ms.map((m) => m.build_ms);
  const msPrep = ms.map((m) => m.build_ms + m.prepare_ms);
  results.index_build = {
    ours: { groups: ours[0].index_groups, runs: oursMs, median_ms: median(oursMs), max_ms: Math.max(...oursMs), resolution: "1 ms (Date.now)" },
    minisearch: {
      groups: ms[0].groups,
      terms: ms[0].terms,
      runs: msBuild.map((x) => round(x)),
      median_ms: round(median(msBuild)),
      max_ms: round(Math.max(...msBuild)),
      with_prepare_median_ms: round(median(msPrep)),
      with_prepare_max_ms: round(Math.max(...msPrep)),
    },
    where: "ours in the service worker, after the first sync (no page waits for it); MiniSearch in the page",
    replica_load_ms_median: round(median(ours.map((r) => r.index_load_ms))),
    replica_json_bytes: ours[0].replica_bytes,
  };

  // 3. Keystroke → results rendered, ours.
  const { context, page } = await newPage(A.base);
  await openSearch(page);
  await page.evaluate(instrument);
  const field = page.getByLabel("Suchbegriff");
  await field.click();
  const samples = [];
  for (let round_ = 0; round_ < TYPING_ROUNDS; round_++) {
    for (const q of TYPED) {
      await field.fill("");
      await page.waitForTimeout(250);
      await page.evaluate(() => {
        window.__bench.cur = null;
        window.__bench.queue = [];
      });
      let typed = "";
      for (const ch of q) {
        typed += ch;
        await page.keyboard.type(ch);
        const s = await page.evaluate(() => window.__bench.take());
        samples.push({ q: typed, ...s });
        await page.waitForTimeout(PAUSE_MS);
      }
    }
  }
  const url = page.url();
  await page.addScriptTag({ path: miniSearchPath });
  const built = await page.evaluate(miniSearchBuild, "readme");
  await page.evaluate(miniSearchBuild, "folded");

  const changed = samples.filter((s) => s.firstMut !== null);
  const rendered = changed.map((s) => s.painted - s.t0);
  const toDom = changed.map((s) => s.lastMut - s.t0);
  const frameWait = changed.map((s) => s.raf - s.lastMut);
  const frame = changed.map((s) => s.painted - s.raf);
  const work = changed.map((s) => s.lastMut - s.t0 + (s.painted - s.raf));
  results.keystroke = {
    method:
      "keydown (capture listener on #q, performance.now()) → the service worker's answer → setTimeout(0) scheduled from the first requestAnimationFrame after the first change of <main> (runs after that frame's style, layout and paint); a MutationObserver checks nothing changed after that frame",
    queries: TYPED,
    rounds: TYPING_ROUNDS,
    samples: samples.length,
    unchanged: samples.length - changed.length,
    late_mutations: samples.filter((s) => s.lateMut).length,
    rendered_ms: stats(rendered),
    keydown_to_dom_ms: stats(toDom),
    wait_for_frame_ms: stats(frameWait),
    frame_ms: stats(frame),
    work_ms: stats(work),
    // The page's wait for each answer (find_groups through the service
    // worker, timed by the app around the call).
    round_trip_ms: stats(samples.filter((s) => s.searchUs !== null).map((s) => s.searchUs / 1000)),
    slowest: [...changed]
      .sort((a, b) => b.painted - b.t0 - (a.painted - a.t0))
      .slice(0, 5)
      .map((s) => ({ q: s.q, rendered_ms: round(s.painted - s.t0), dom_ms: round(s.lastMut - s.t0) })),
    last_url: url,
  };
  log(`typing: ${samples.length} keystrokes, ${changed.length} changed the results`);

  // Our search alone, in the service worker where it runs: the replica's
  // answer to "find" (search + JSON) for every typed prefix, like for like
  // with MiniSearch's search() on the same prefixes in the page below.
  const typedPrefixes = [...new Set(TYPED.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1))))];
  const [worker] = context.serviceWorkers();
  results.keystroke.search_only_ms = stats(await worker.evaluate(replicaQueries, [typedPrefixes, MS_RUNS]));

  // 4. MiniSearch search() latency, same page, same data.
  const prefixes = [...new Set(TYPED.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1))))];
  const judged = querySet.map((q) => q.q);
  const latency = {};
  for (const variant of ["readme", "folded"]) {
    const a = await page.evaluate(miniSearchQueries, [variant, judged, MS_RUNS]);
    const b = await page.evaluate(miniSearchQueries, [variant, prefixes, MS_RUNS]);
    latency[variant] = {
      judged_queries: { queries: judged.length, ...stats(a.times), batch_mean_ms: round(a.batchMean, 3) },
      typed_prefixes: { queries: prefixes.length, ...stats(b.times), batch_mean_ms: round(b.batchMean, 3) },
      all: stats([...a.times, ...b.times]),
    };
  }
  results.minisearch = {
    version: miniSearchVersion,
    config: {
      fields: ["name", "alternate_names", "description", "details", "district", "topics", "synonyms", "parent_topics", "parent_synonyms"],
      searchOptions: { boost: { name: 2 }, prefix: true, fuzzy: 0.2 },
      combineWith: "OR (default)",
      processTerm: { readme: "default (lowercase)", folded: "lowercase, ä→ae, ö→oe, ü→ue, ß→ss" },
    },
    index_in_typing_page: { build_ms: round(built.build_ms), prepare_ms: round(built.prepare_ms) },
    latency,
  };
  await context.close();

  // 5. Relevance over the 250-group demo directory.
  const dbB = path.join(tmp, "bench-demo.db");
  const B = await startServer("bench-demo", dbB, port + 1);
  log(`server ${B.base} up (demo directory)`);
  const rel = await newPage(B.base);
  await rel.page.goto("/");
  await rel.page.addScriptTag({ path: miniSearchPath });
  const rankingFiles = {};
  for (const variant of ["readme", "folded"]) {
    const info = await rel.page.evaluate(miniSearchBuild, variant);
    const r = await rel.page.evaluate(miniSearchQueries, [variant, judged, 1]);
    const file = path.join(here, `results-minisearch-${variant}-rankings.json`);
    fs.writeFileSync(file, JSON.stringify(r.ranked, null, 1) + "\n");
    rankingFiles[variant] = file;
    log(`MiniSearch (${variant}) over ${info.groups} demo groups: rankings → ${path.relative(repo, file)}`);
  }
  await rel.context.close();
  await browser.close();
  browser = null;
  stopServer(A.child);
  stopServer(B.child);

  const cargo = (args) =>
    execFileSync("cargo", ["run", "--release", "-q", "-p", "wegweiser-core", "--example", "relevance", "--", ...args], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
  log("\n== Relevance, our engine (250 demo groups) ==");
  log(cargo([]));
  const relevance = { ours: JSON.parse(cargo(["--json"])) };
  for (const [variant, file] of Object.entries(rankingFiles)) {
    log(`== Relevance, MiniSearch ${miniSearchVersion} (${variant}) ==`);
    log(cargo(["--rankings", file]));
    relevance[`minisearch_${variant}`] = JSON.parse(cargo(["--rankings", file, "--json"]));
  }
  const kinds = (report) =>
    Object.fromEntries(
      [...report.kinds, { ...report.overall, kind: "all judged" }].map((k) => [
        k.kind ?? "all judged",
        { queries: k.queries, ndcg: round(k.ndcg, 3), recall: round(k.recall, 3), mrr: round(k.mrr, 3), zero_results: round(k.zero_results, 3), mean_returned: round(k.mean_returned, 1) },
      ]),
    );
  results.relevance = Object.fromEntries(Object.entries(relevance).map(([k, v]) => [k, kinds(v)]));

  // Summary.
  const k = results.keystroke;
  const ml = results.minisearch.latency.readme;
  log("\n== Summary ==");
  log(`machine: ${results.machine.cpus} cores (${results.machine.cpu}), ${results.browser}`);
  const row = (a, b, c) => log(`${a.padEnd(44)} ${String(b).padEnd(30)} ${c}`);
  row("", "ours (wasm, service worker)", `MiniSearch ${miniSearchVersion} (page)`);
  row(
    `index build, ${GROUPS} groups, median / max`,
    `${results.index_build.ours.median_ms} / ${results.index_build.ours.max_ms} ms`,
    `${results.index_build.minisearch.median_ms} / ${results.index_build.minisearch.max_ms} ms (addAll; ${results.index_build.minisearch.with_prepare_median_ms} / ${results.index_build.minisearch.with_prepare_max_ms} with documents)`,
  );
  row(
    "per keystroke p50 / p95 / max",
    `${k.rendered_ms.p50} / ${k.rendered_ms.p95} / ${k.rendered_ms.max} ms`,
    `${ml.all.p50} / ${ml.all.p95} / ${ml.all.max} ms`,
  );
  row("  what is measured", "keydown → frame rendered", "search() only, no rendering");
  const mt = results.minisearch.latency.readme.typed_prefixes;
  row(
    "search() only, typed prefixes p50 / p95 / max",
    `${k.search_only_ms.p50} / ${k.search_only_ms.p95} / ${k.search_only_ms.max} ms (${mt.queries} prefixes)`,
    `${mt.p50} / ${mt.p95} / ${mt.max} ms (${mt.queries} prefixes)`,
  );
  row("  ours: keydown → DOM updated p50 / p95", `${k.keydown_to_dom_ms.p50} / ${k.keydown_to_dom_ms.p95} ms`, "");
  row("  ours: round trip to the worker p50 / p95", `${k.round_trip_ms.p50} / ${k.round_trip_ms.p95} ms`, "");
  row("  ours: work (DOM + frame, no vsync wait) p95", `${k.work_ms.p95} ms`, "");
  log("\nrelevance (250 demo groups), nDCG@10 / recall@10 / MRR / zero-res:");
  const names = Object.keys(results.relevance);
  log(`${"kind".padEnd(12)} ${names.map((n) => n.padEnd(30)).join(" ")}`);
  for (const kind of Object.keys(results.relevance.ours)) {
    const cell = (n) => {
      const x = results.relevance[n][kind];
      if (!x) return "";
      if (x.ndcg === null) return `${Math.round((1 - x.zero_results) * 100)}% wrongly non-empty`;
      return `${x.ndcg.toFixed(3)} / ${x.recall.toFixed(3)} / ${x.mrr.toFixed(3)} / ${Math.round(x.zero_results * 100)}%`;
    };
    log(`${kind.padEnd(12)} ${names.map((n) => cell(n).padEnd(30)).join(" ")}`);
  }
  const budgets = [
    [`keystroke → rendered p95 < 16 ms`, k.rendered_ms.p95 < 16, `${k.rendered_ms.p95} ms`],
    [`index build (${GROUPS} groups) < 50 ms, median of ${INDEX_RUNS} first visits`, results.index_build.ours.median_ms < 50, `median ${results.index_build.ours.median_ms} ms`],
    [`index build (${GROUPS} groups) < 50 ms, every first visit`, results.index_build.ours.max_ms < 50, `max ${results.index_build.ours.max_ms} ms (${results.index_build.ours.runs.join(", ")})`],
    [`search() only at least as fast as MiniSearch's (p95, typed prefixes)`, k.search_only_ms.p95 <= mt.p95, `${k.search_only_ms.p95} vs ${mt.p95} ms`],
  ];
  results.budgets = budgets.map(([what, ok, figure]) => ({ what, ok, figure }));
  log("\nbudgets:");
  for (const [what, ok, figure] of budgets) log(`  ${ok ? "ok  " : "FAIL"} ${what}: ${figure}`);

  results.samples = samples.map((s) => ({
    q: s.q,
    changed: s.firstMut !== null,
    rendered_ms: round(s.painted - s.t0),
    dom_ms: s.lastMut === null ? null : round(s.lastMut - s.t0),
    frame_ms: round(s.painted - s.raf),
  }));
  const out = path.join(here, "results-latest.json");
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
  log(`\nwritten: ${path.relative(repo, out)}`);
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
