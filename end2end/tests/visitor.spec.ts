import { expect, test } from "@playwright/test";
import { apiTotal, jsEnabled, resultCount, visit } from "./helpers";

test("search from the home page, open a result, read the details", async ({ page }) => {
  await visit(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Selbsthilfegruppen finden");
  await page.getByLabel("Wonach suchen Sie?").fill("Trauer");
  await page.getByRole("button", { name: "Suchen" }).click();
  await expect(page).toHaveURL(/\/suche\?q=Trauer$/);
  const count = await resultCount(page);
  expect(count).toBeGreaterThan(0);
  expect(count).toBe(await apiTotal(page, "?q=Trauer"));
  await expect(page.locator(".group-card mark").first()).toBeVisible();

  const first = page.locator(".group-card .card-title a").first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/gruppe\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator(".facts")).toContainText("Wann");
  await expect(page.locator(".facts")).toContainText(/Uhr|Absprache|nach/);
  await expect(page.getByRole("heading", { name: "Kontakt", exact: true })).toBeVisible();
  await expect(page.locator('a[href^="tel:+49"]').first()).toBeVisible();
});

test("a group page says the rhythm in words and the next meeting", async ({ page }) => {
  const list = await (await page.request.get("/api/v1/groups?q=demenz")).json();
  const g = list.items.find((x: any) => x.schedules.some((s: any) => s.freq === "monthly_nth") && x.status === "active");
  test.skip(!g, "demo data has no monthly group for this query");
  await visit(page, `/gruppe/${g.slug}`);
  await expect(page.locator(".facts")).toContainText(/jeden \d\. \w+ im Monat, \d\d:\d\d–\d\d:\d\d Uhr/);
  await expect(page.locator(".facts")).toContainText("Nächstes Treffen");
  await expect(page.locator(".facts")).toContainText(/\w+, \d{1,2}\. \w+ 20\d\d, \d\d:\d\d Uhr/);
});

test("an unpublished address is not shown, a published one links to OpenStreetMap", async ({ page }) => {
  const all = await (await page.request.get("/api/v1/groups?format=in_person&page=1")).json();
  const hidden = all.items.find((x: any) => x.location && !x.location.address);
  const shown = all.items.find((x: any) => x.location && x.location.address);
  if (hidden) {
    await visit(page, `/gruppe/${hidden.slug}`);
    await expect(page.locator(".facts")).toContainText("die genaue Adresse erhalten Sie über die Kontaktstelle");
    await expect(page.locator('a[href*="openstreetmap"]')).toHaveCount(0);
  }
  if (shown) {
    await visit(page, `/gruppe/${shown.slug}`);
    await expect(page.locator('a[href^="https://www.openstreetmap.org/search?query="]')).toBeVisible();
  }
  expect(hidden || shown).toBeTruthy();
});

const filters: { name: string; apply: (p: import("@playwright/test").Page) => Promise<void>; param: RegExp; check?: string }[] = [
  { name: "topic", param: /topic=sucht/, apply: (p) => p.getByLabel("Thema").selectOption("sucht") },
  { name: "district", param: /district=/, apply: async (p) => { await p.getByLabel("Stadtteil").selectOption({ index: 2 }); } },
  { name: "weekday", param: /day=tu/, apply: (p) => p.getByLabel("Wochentag").selectOption("tu") },
  { name: "language", param: /language=tr/, apply: (p) => p.getByLabel("Sprache").selectOption("tr") },
  { name: "audience", param: /audience=relatives/, apply: (p) => p.getByLabel("Für wen").selectOption("relatives") },
  { name: "format", param: /format=online/, apply: (p) => p.getByLabel("Form", { exact: true }).selectOption("online") },
  { name: "barrier-free", param: /step_free=1/, check: "barrierefrei", apply: (p) => p.getByLabel("barrierefrei erreichbar sind").check() },
  { name: "new members", param: /new_members=1/, apply: (p) => p.getByLabel("neue Mitglieder aufnehmen").check() },
  { name: "in founding", param: /founding=1/, check: "in Gründung", apply: (p) => p.getByLabel("sich gerade gründen").check() },
];

for (const f of filters) {
  test(`filter: ${f.name}`, async ({ page }) => {
    await visit(page, "/suche");
    const all = await resultCount(page);
    await page.locator(".filter-details summary").click();
    await f.apply(page);
    await page.locator(".filters").getByRole("button", { name: "Suchen" }).click();
    await expect(page).toHaveURL(f.param);
    const search = new URL(page.url()).search;
    const n = await resultCount(page);
    expect(n).toBe(await apiTotal(page, search));
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    if (f.check) {
      const cards = page.locator(".group-card");
      for (let i = 0; i < (await cards.count()); i++) await expect(cards.nth(i)).toContainText(f.check);
    }
    // The filter stays set in the form, so it can be changed or removed.
    await expect(page.getByRole("link", { name: "Alles zurücksetzen" })).toBeVisible();
  });
}

test("no dead end: zero results suggest topics and the office's phone", async ({ page }) => {
  await visit(page, "/suche?q=alkoholxyz");
  await expect(page.locator(".result-count")).toHaveText("Keine Gruppe gefunden");
  await expect(page.locator(".suggestions")).toContainText("Meinten Sie");
  await expect(page.locator(".suggestions a").first()).toHaveAttribute("href", /\/themen\//);
  await expect(page.locator(".office-help")).toContainText("Wir helfen Ihnen, eine Gruppe zu finden oder zu gründen");
  await expect(page.locator('.office-help a[href^="tel:"]')).toBeVisible();
});

test("pages of results", async ({ page }) => {
  await visit(page, "/suche");
  await expect(page.locator(".group-card")).toHaveCount(10);
  await page.getByRole("link", { name: "Nächste →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator(".pager")).toContainText("Seite 2 von");
});

test("A–Z lists every group under its letter", async ({ page }) => {
  await visit(page, "/a-z");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gruppen von A bis Z");
  const letters = page.getByRole("navigation", { name: "Buchstaben" }).getByRole("link");
  expect(await letters.count()).toBeGreaterThan(10);
  const total = await apiTotal(page, "");
  await expect(page.locator(".az-list li")).toHaveCount(total);
  await page.getByRole("navigation", { name: "Buchstaben" }).getByRole("link", { name: "S", exact: true }).click();
  await expect(page).toHaveURL(/#buchstabe-S$/);
  const names = await page.locator('section[aria-labelledby="buchstabe-S"] .az-list a').allTextContents();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n.normalize("NFD")[0].toUpperCase()).toBe("S");
});

test("topic pages: from the tree to a topic with its subtopics and groups", async ({ page }) => {
  await visit(page, "/themen");
  await page.getByRole("link", { name: "Sucht", exact: true }).click();
  await expect(page).toHaveURL(/\/themen\/sucht$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sucht");
  await expect(page.locator(".subtopics")).toContainText("Alkohol");
  await expect(page.locator(".synonyms")).toContainText("Abhängigkeit");
  const n = await page.locator(".group-card").count();
  expect(n).toBe(await apiTotal(page, "?topic=sucht"));
});

test("contact offices with opening hours", async ({ page }) => {
  await visit(page, "/kontaktstellen");
  const cards = page.locator(".office-card");
  await expect(cards).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(cards.nth(i)).toContainText("Öffnungszeiten");
    await expect(cards.nth(i).locator('a[href^="tel:+49"]')).toBeVisible();
    await expect(cards.nth(i).locator('a[href^="mailto:"]')).toBeVisible();
    await expect(cards.nth(i).locator(".hours dt").first()).toHaveText(/tag$|woch$/);
  }
});

test("unknown pages answer 404 with help", async ({ page }) => {
  const resp = await visit(page, "/gruppe/gibt-es-nicht");
  expect(resp!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
});

test("no request leaves the site and no cookie is set", async ({ page, context, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:")) foreign.push(r.url());
  });
  for (const url of ["/", "/suche?q=sucht", "/a-z", "/themen/trauer", "/kontaktstellen"]) await visit(page, url);
  expect(foreign).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test("fits a 360 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const url of ["/", "/suche?q=angeh%C3%B6rige", "/a-z", "/kontaktstellen"]) {
    await visit(page, url);
    const width = await page.evaluate(() => document.documentElement.scrollWidth).catch(() => 360);
    expect(width, url).toBeLessThanOrEqual(360);
  }
});

test("hydrated pages log no errors", async ({ page }, info) => {
  test.skip(!jsEnabled(info), "only with JavaScript");
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  for (const url of ["/", "/suche?q=trauer", "/a-z", "/themen", "/themen/sucht", "/kontaktstellen", "/impressum"]) await visit(page, url);
  // Client-side navigation after hydration.
  await page.getByRole("link", { name: "Themen", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Themen");
  expect(errors).toEqual([]);
});
