import { expect, Page, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hydrated, jsEnabled, visit } from "./helpers";
import { ownServer, root, serverBin } from "./own-server";

// After one visit the directory works without a connection (docs/offline.md):
// the service worker keeps a replica in IndexedDB and answers from it.


test.beforeEach(async ({}, info) => {
  test.skip(!jsEnabled(info), "offline use needs JavaScript (the service worker)");
});

/** Page errors and console errors, to assert that there are none. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // Requests that fail because the test took the network away are
    // expected; anything else logged as an error is not.
    if (m.type() === "error" && !m.text().includes("ERR_INTERNET_DISCONNECTED")) errors.push(m.text());
  });
  return errors;
}

async function replicaComplete(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-replica", "complete", { timeout: 30_000 });
}

async function shownSlugs(page: Page): Promise<string[]> {
  return page.locator(".group-card .card-title a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
}

/** The result links of the server-rendered page, as without JavaScript. */
async function serverSlugs(page: Page, search: string): Promise<string[]> {
  const html = await (await page.request.get(`/suche${search}`)).text();
  return [...html.matchAll(/<h2 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);
}

function cli(...args: string[]): string {
  return execFileSync(serverBin, args, {
    env: { ...process.env, DATABASE_URL: `sqlite://${process.env.WEGWEISER_E2E_DATA}/wegweiser.db`, RUST_LOG: "warn" },
    encoding: "utf8",
  });
}

test("after one visit, the directory works offline: pages, search, a group never opened", async ({ page, context }) => {
  const errors = errorsOf(page);
  await visit(page, "/");
  await replicaComplete(page);
  await expect(page.locator("#verbindung")).toContainText(/Online, auch offline verfügbar · Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d/);
  // It came as the compact snapshot (about 205 KB of JSON before
  // compression), not as feed pages (about 300 KB).
  expect(Number(await page.locator("html").getAttribute("data-replica-bytes"))).toBeLessThan(250_000);

  // What the server shows, to hold the offline pages against.
  const wanted = await serverSlugs(page, "?q=selbsthilfe+eltern");
  expect(wanted.length).toBeGreaterThan(0);
  const az = await (await page.request.get("/a-z")).text();
  const groups = [...az.matchAll(/href="(\/gruppe\/[^"]+)"/g)].map((m) => m[1]);
  const neverOpened = groups[groups.length - 3];
  const groupHtml = await (await page.request.get(neverOpened)).text();
  const name = groupHtml
    .match(/<h1[^>]*>(.*?)<\/h1>/s)![1]
    .replace(/<[^>]*>/g, "")
    .replace(/&amp;/g, "&")
    .trim();

  await context.setOffline(true);
  await page.reload();
  await hydrated(page);
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("#verbindung")).toContainText("Offline · Stand:");
  await expect(page.locator("html")).toHaveAttribute("data-online", "false");

  await visit(page, neverOpened);
  await expect(page.locator("h1")).toHaveText(name);
  await expect(page.locator("#verbindung")).toContainText("Offline · Stand:");

  // The same engine over the same records: the same results as the server.
  await visit(page, "/suche?q=selbsthilfe+eltern");
  await expect.poll(() => shownSlugs(page)).toEqual(wanted);
  // Typing searches the replica too.
  await page.getByLabel("Suchbegriff").fill("trauer");
  await expect(page.locator(".result-count")).toContainText("für „trauer“");
  expect((await shownSlugs(page)).length).toBeGreaterThan(0);

  for (const [url, heading] of [
    ["/a-z", "Gruppen von A bis Z"],
    ["/themen", "Themen"],
    ["/kontaktstellen", "Kontaktstellen"],
  ]) {
    await visit(page, url);
    await expect(page.locator("h1").first(), url).toContainText(heading);
  }
  await visit(page, "/themen/sucht");
  await expect(page.locator(".group-card").first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("a change made on the server while offline arrives after reconnecting, as a one-record delta, once for all tabs", async ({
  page,
  context,
}) => {
  await visit(page, "/");
  await replicaComplete(page);
  // A second tab of the same browser shares the replica.
  const other = await context.newPage();
  await visit(other, "/");
  await replicaComplete(other);
  await context.setOffline(true);

  // Staff change where one group meets: an import from the command line
  // into the running server's database. (The room is not searchable, so
  // the search tests running beside this one are not disturbed.)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-delta-")), "directory.json");
  cli("export", file);
  const directory = JSON.parse(fs.readFileSync(file, "utf8"));
  const group = directory.groups.find((g: any) => g.data.location?.publish_address);
  const room = `Raum Zitronenfalter ${Date.now() % 1_000_000}, 2. OG`;
  group.data.location.room_note = room;
  fs.writeFileSync(file, JSON.stringify(directory));
  expect(cli("import", file)).toContain("geändert: 1");
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/groups/${group.id}`)).json()).location?.room_note)
    .toBe(room);

  // Both tabs look for changes when the connection returns; they take
  // turns (a Web Lock), so the one change is downloaded once.
  const tabs = [page, other];
  for (const tab of tabs) await tab.evaluate(() => delete document.documentElement.dataset.replicaReceived);
  await context.setOffline(false);
  for (const tab of tabs) await expect(tab.locator("html")).toHaveAttribute("data-replica-received", /\d+/);
  const received = await Promise.all(tabs.map(async (tab) => Number(await tab.locator("html").getAttribute("data-replica-received"))));
  expect(received.sort()).toEqual([0, 1]);
  // One record's JSON, before compression (the wire size is tested in
  // server/tests/changes.rs).
  const syncedBy = (await page.locator("html").getAttribute("data-replica-received")) === "1" ? page : other;
  expect(Number(await syncedBy.locator("html").getAttribute("data-replica-bytes"))).toBeLessThan(2000);

  await context.setOffline(true);
  for (const tab of tabs) {
    await visit(tab, `/gruppe/${group.data.slug}`);
    await expect(tab.locator("main")).toContainText(room);
  }
});


test("a new deployment is offered, and after the reload the new version runs without errors", async ({ browser }) => {
  // A server of its own, on a copy of the built site that the test then
  // changes as a new deployment would.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-deploy-"));
  fs.cpSync(path.join(root, "target/site"), path.join(dir, "site"), { recursive: true });
  const server = ownServer(dir, path.join(dir, "site"), 17);
  const base = server.base;
  const context = await browser.newContext({ baseURL: base });
  try {
    await server.start();
    const page = await context.newPage();
    const errors = errorsOf(page);
    await visit(page, "/");
    await replicaComplete(page);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await server.stop();
    const pkg = path.join(dir, "site/pkg");
    const css = fs.readdirSync(pkg).find((f) => f.endsWith(".css"))!;
    fs.appendFileSync(path.join(pkg, css), "\n:root{--deployment:2}\n");
    await server.start();
    const version = (await (await fetch(`${base}/sw.js`)).text()).match(/const VERSION = "([0-9a-f]+)"/)![1];

    await page.reload();
    await hydrated(page);
    await expect(page.locator("#verbindung")).toContainText("Neue Version verfügbar", { timeout: 20_000 });
    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: "neu laden" }).click(),
    ]);
    await hydrated(page);
    const deployed = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue("--deployment").trim(),
    );
    expect(deployed).toBe("2");
    expect(await page.evaluate(() => caches.keys())).toEqual([`wegweiser-${version}`]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.stop();
  }
});

test("an interrupted first download resumes where it stopped", async ({ browser }) => {
  // The feed is read by the page's replica worker; Playwright's routing
  // reaches a worker's requests (and, with the experimental service
  // worker network events switched on in playwright.config.ts, the
  // service worker's own).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-resume-"));
  const server = ownServer(dir, path.join(root, "target/site"), 18);
  // More than one page of the feed (2,000 changes a page).
  server.seed(2500);
  try {
    await server.start();
    const context = await browser.newContext({ baseURL: server.base });
    let connected = true;
    let cut = 0;
    // The connection drops after the first page.
    await context.route(/\/api\/v1\/changes\?since=[1-9]/, (route) => {
      if (connected) return route.continue();
      cut++;
      return route.abort("internetdisconnected");
    });
    connected = false;
    const page = await context.newPage();
    await page.goto("/");
    await expect.poll(() => cut, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(page.locator("html")).toHaveAttribute("data-replica", "partial");
    await expect(page.locator("#verbindung")).not.toContainText("Stand:");

    // Back: the page's next try goes on from the stored cursor.
    connected = true;
    await expect(page.locator("html")).toHaveAttribute("data-replica", "complete", { timeout: 30_000 });
    const received = Number(await page.locator("html").getAttribute("data-replica-received"));
    const records = Number(await page.locator("html").getAttribute("data-replica-records"));
    expect(records).toBeGreaterThan(2500);
    expect(received).toBe(records - 2000);
    // The records of both tries were kept in memory: the page's worker
    // searches without reading them back from IndexedDB.
    await expect(page.locator("html")).toHaveAttribute("data-search-ready", "true");
    await expect(page.locator("html")).toHaveAttribute("data-index-load-ms", "0");
    await context.close();
  } finally {
    await server.stop();
  }
});

test("without room for the offline copy the page says so and keeps working online", async ({ page, context, baseURL }) => {
  // Chromium's own quota, made tiny for this site before it is opened.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(baseURL!).origin, quotaSize: 16 * 1024 });
  const errors = errorsOf(page);
  await visit(page, "/");
  await expect(page.locator("#verbindung")).toContainText("nicht für die Offline-Nutzung gespeichert werden", { timeout: 30_000 });
  await expect(page.locator("html")).not.toHaveAttribute("data-replica", "complete");
  // Online everything still works, from the server.
  await visit(page, "/suche?q=trauer");
  await expect(page.locator(".group-card").first()).toBeVisible();
  await page.getByLabel("Suchbegriff").fill("sucht");
  await expect(page.locator(".result-count")).toContainText("für „sucht“");
  expect(errors).toEqual([]);
});

test("when storage runs out while the copy is written, the page says so and keeps working online", async ({ page, context, baseURL }) => {
  // The directory's download waits until the app itself is installed;
  // then the quota is set just above what the browser holds already.
  let release!: () => void;
  const installed = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\/api\/v1\/(snapshot|changes)/, async (route) => {
    await installed;
    await route.continue();
  });
  const errors = errorsOf(page);
  await visit(page, "/");
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(baseURL!).origin, quotaSize: usage + 20 * 1024 });
  release();

  await expect(page.locator("#verbindung")).toContainText("Der Speicherplatz des Browsers ist voll", { timeout: 30_000 });
  await expect(page.locator("html")).not.toHaveAttribute("data-replica", "complete");
  // Nothing half-written counts as a copy, and the pages work from the server.
  await visit(page, "/suche?q=trauer");
  await expect(page.locator(".group-card").first()).toBeVisible();
  await page.getByLabel("Suchbegriff").fill("sucht");
  await expect(page.locator(".result-count")).toContainText("für „sucht“");
  expect(errors).toEqual([]);
});

test("a replica stored by the previous version is kept when the schema moves on", async ({ page }) => {
  // Version 1 of the database had `records` and `meta` but no `outbox`
  // (version 2) or `staff` (version 3).
  // Made here as version 1 made it, from the feed, on a page that does
  // not start the service worker.
  await page.goto("/api/v1/offices");
  const stored = await page.evaluate(async () => {
    const feed = await (await fetch("/api/v1/changes?limit=5000")).json();
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open("wegweiser", 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore("records");
        open.result.createObjectStore("meta");
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(["records", "meta"], "readwrite");
    for (const c of feed.changes) tx.objectStore("records").put(JSON.stringify(c.record), `${c.record.kind}/${c.record.id}`);
    const state = { cursor: feed.next, complete: true, synced_at: Date.now() };
    tx.objectStore("meta").put(JSON.stringify(state), "state");
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return feed.changes.length;
  });

  await visit(page, "/");
  await expect(page.locator("html")).toHaveAttribute("data-replica", "complete", { timeout: 30_000 });
  // Nothing downloaded again: the records were kept, the cursor too (a
  // change another test makes meanwhile may come as a delta).
  await expect(page.locator("html")).toHaveAttribute("data-replica-received", /^[0-4]$/);
  await expect(page.locator("html")).toHaveAttribute("data-replica-records", String(stored));
  const stores = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open("wegweiser");
        open.onsuccess = () => {
          resolve([String(open.result.version), ...Array.from(open.result.objectStoreNames)]);
          open.result.close();
        };
      }),
  );
  expect(stores).toEqual(["3", "meta", "outbox", "records", "staff"]);
});
