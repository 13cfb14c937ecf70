// Offline budgets (issue 4), measured in Debian's headless Chromium against
// the release server. Not part of the test suite; see docs/offline.md.
//
//   cargo leptos build --release && ./scripts/build-offline
//   cd end2end && npm run bench:offline
//
//   1. First sync of a big directory: a fresh SQLite file seeded with
//      BENCH_GROUPS groups (default 100,000; `server seed`), one visit of
//      the home page in a fresh browser context. Measured: from navigation
//      to the replica complete (html[data-replica="complete"]), the JSON
//      received, the longest task on the page's main thread while the
//      sync ran, i.e. after hydration (PerformanceObserver "longtask",
//      which reports tasks over 50 ms; those of loading and hydrating the
//      page are listed apart), and whether the page's replica worker then
//      answers a search.
//   2. Cold start offline: a persistent profile (an installed app keeps
//      one) visits the 250-group demo once and is closed; the browser is
//      started again with the network off and opens "/". Measured: from
//      the start of the navigation to the home page's heading painted
//      (performance.now() in the page, first frame after it appeared).
//
// Environment: BENCH_GROUPS, BENCH_PORT (default 3310), CHROMIUM_PATH.

import { chromium } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { cleanup, closeAtEnd, log, root, round, serverBin, serverEnv, site, startServer, stopServer, tmp } from "./harness.mjs";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 100_000);
const port = Number(process.env.BENCH_PORT ?? 3310);
const launch = (extra = {}) => ({
  executablePath: process.env.CHROMIUM_PATH ?? site.chromium.executablePath,
  args: site.chromium.args,
  handleSIGINT: false,
  handleSIGTERM: false,
  handleSIGHUP: false,
  ...extra,
});

/** Registered before any page script: long tasks on the main thread, and
 * when the page was hydrated (the sync runs after that, in the workers). */
function watchLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver((_, obs) => {
    if (document.body && document.body.dataset.hydrated) {
      window.__hydratedAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
}

async function firstSync(results) {
  const db = path.join(tmp, `sync-${GROUPS}.db`);
  log(`seeding ${GROUPS} groups …`);
  const t0 = Date.now();
  execFileSync(serverBin, ["seed", "--groups", String(GROUPS)], { cwd: root, env: serverEnv(db, port), stdio: ["ignore", "ignore", "inherit"] });
  log(`  seeded in ${round((Date.now() - t0) / 1000, 1)} s`);
  const server = await startServer("sync", db, port);
  const browser = closeAtEnd(await chromium.launch(launch()));
  const context = await browser.newContext({ baseURL: server.base });
  await context.addInitScript(watchLongTasks);
  const page = await context.newPage();
  const start = Date.now();
  await page.goto("/");
  await page.waitForSelector('html[data-replica="complete"]', { timeout: 600_000 });
  const syncS = (Date.now() - start) / 1000;
  await page.waitForSelector('html[data-search-ready="true"]', { timeout: 600_000 });
  const searchableS = (Date.now() - start) / 1000;
  const info = await page.evaluate(async () => {
    const h = document.documentElement.dataset;
    const body = JSON.stringify({ query: { q: "trauer", topic: null, district: null, day: null, step_free: false, language: null, audience: null, format: null, new_members: false, founding: false, page: 1 } });
    const found = JSON.parse((await window.wegweiserAsk("find", body)) ?? "null");
    return {
      received: Number(h.replicaReceived),
      json_bytes: Number(h.replicaBytes),
      index_ms: Number(h.indexMs),
      index_load_ms: Number(h.indexLoadMs),
      index_groups: Number(h.indexGroups),
      // Tasks that began once the page was hydrated: while the sync ran.
      long_tasks: window.__longTasks.filter((t) => t.start >= (window.__hydratedAt ?? 0)).map((t) => t.ms),
      long_tasks_loading: window.__longTasks.filter((t) => t.start < (window.__hydratedAt ?? 0)).map((t) => t.ms),
      hydrated_ms: Math.round(window.__hydratedAt ?? -1),
      search_total: found ? found.total : null,
    };
  });
  results.first_sync = {
    groups: GROUPS,
    seconds_to_complete: round(syncS, 1),
    seconds_to_searchable: round(searchableS, 1),
    ...info,
    longest_task_ms: info.long_tasks.length ? Math.max(...info.long_tasks) : "none over 50 ms",
  };
  log(`first sync of ${GROUPS} groups: complete after ${round(syncS, 1)} s, searchable after ${round(searchableS, 1)} s`);
  log(`  ${info.received} records, ${round(info.json_bytes / 1e6, 1)} MB of JSON; index build ${info.index_ms} ms after reading ${info.index_load_ms} ms`);
  log(`  long tasks on the page (> 50 ms) while the sync ran: ${info.long_tasks.length ? info.long_tasks.join(", ") + " ms" : "none"}; before, while the page loaded and hydrated (${info.hydrated_ms} ms): ${info.long_tasks_loading.join(", ") || "none"}; "trauer" finds ${info.search_total}`);

  // A later visit: the page's new worker reads the copy back from
  // IndexedDB before it searches (until then typing asks the server).
  const again = Date.now();
  await page.reload();
  await page.waitForSelector('html[data-search-ready="true"]', { timeout: 600_000 });
  const later = await page.evaluate(() => ({ load_ms: Number(document.documentElement.dataset.indexLoadMs), index_ms: Number(document.documentElement.dataset.indexMs) }));
  results.next_visit = { seconds_to_searchable: round((Date.now() - again) / 1000, 1), ...later };
  log(`next visit: searchable locally after ${results.next_visit.seconds_to_searchable} s (reading IndexedDB ${later.load_ms} ms, index ${later.index_ms} ms)`);
  await context.close();
  await browser.close();
  stopServer(server.child);
}

async function coldStartOffline(results) {
  const db = path.join(tmp, "demo.db");
  const server = await startServer("demo", db, port + 1);
  const profile = path.join(tmp, "profile");
  const runs = [];
  {
    const context = await chromium.launchPersistentContext(profile, launch({ baseURL: server.base }));
    const page = await context.newPage();
    await page.goto("/");
    await page.waitForSelector('html[data-replica="complete"]', { timeout: 60_000 });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.close();
  }
  for (let i = 0; i < 5; i++) {
    const context = await chromium.launchPersistentContext(profile, launch({ baseURL: server.base, offline: true }));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      // The first frame after the home page's heading is in the document.
      new MutationObserver((_, obs) => {
        const h1 = document.querySelector("main h1");
        if (h1 && /Selbsthilfegruppe/.test(h1.textContent) && !document.getElementById("app-shell")) {
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => (window.__shown = performance.now())));
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto("/");
    await page.waitForFunction(() => window.__shown !== undefined, null, { timeout: 30_000 });
    const ms = await page.evaluate(() => window.__shown);
    runs.push(round(ms, 0));
    await context.close();
  }
  results.cold_start_offline = { runs_ms: runs, max_ms: Math.max(...runs) };
  log(`cold start offline, home page shown: ${runs.join(", ")} ms (from navigation start; browser restarted each time)`);
  stopServer(server.child);
}

async function main() {
  if (!fs.existsSync(serverBin)) throw new Error(`${serverBin} missing: run cargo leptos build --release`);
  const results = { date: new Date().toISOString() };
  await coldStartOffline(results);
  await firstSync(results);
  const budgets = [
    [`first sync of ${GROUPS} groups within 15 s`, results.first_sync.seconds_to_complete < 15, `${results.first_sync.seconds_to_complete} s`],
    ["no task over 100 ms on the page while the sync ran", !results.first_sync.long_tasks.some((t) => t > 100), `longest ${results.first_sync.longest_task_ms}`],
    ["searchable when it ends", results.first_sync.search_total > 0, `searchable after ${results.first_sync.seconds_to_searchable} s`],
    ["cold start offline shows the home page in under 1 s", results.cold_start_offline.max_ms < 1000, `max ${results.cold_start_offline.max_ms} ms`],
  ];
  log("\nbudgets:");
  for (const [what, ok, figure] of budgets) log(`  ${ok ? "ok  " : "FAIL"} ${what}: ${figure}`);
  results.budgets = budgets.map(([what, ok, figure]) => ({ what, ok, figure }));
  fs.writeFileSync(new URL("./results-offline-latest.json", import.meta.url), JSON.stringify(results, null, 1) + "\n");
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(cleanup);
