import { expect, Page, test } from "@playwright/test";
import { jsEnabled, visit } from "./helpers";

test.beforeEach(async ({}, info) => {
  test.skip(!jsEnabled(info), "search as you type needs JavaScript; without it the form works through the server");
});

/** The service worker controls the page and its replica has built the
 * search index: typing is answered in the browser. */
async function localSearchReady(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-search-ready", "true", { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** The group links of the result list, in order. */
async function shownSlugs(page: Page): Promise<string[]> {
  return page.locator(".group-card .card-title a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
}

/** The same from the server-rendered page (as without JavaScript). */
async function serverSlugs(page: Page, q: string): Promise<string[]> {
  const html = await (await page.request.get(`/suche?q=${encodeURIComponent(q)}`)).text();
  return [...html.matchAll(/<h2 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);
}

test("results update while typing, without a reload, and the URL follows", async ({ page }) => {
  await visit(page, "/suche");
  await localSearchReady(page);
  // Isolated (the server's COOP/COEP headers), the page can wait for the
  // search worker in the keystroke's own task.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.evaluate(() => ((window as any).__samePage = true));
  const field = page.getByLabel("Suchbegriff");
  await field.click();
  await page.keyboard.type("depr", { delay: 40 });
  await expect(page).toHaveURL(/\/suche\?q=depr$/);
  await expect(page.locator(".result-count")).toContainText("für „depr“");
  await expect(page.locator(".group-card").first()).toContainText(/Depression/i);
  await expect(page.locator(".group-card mark").first()).toBeVisible();
  // Still the same page, and the field still has the focus and the text.
  expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("depr");
  // Typing on: a typo still finds it.
  await page.keyboard.type("esion");
  await expect(page).toHaveURL(/q=depresion$/);
  await expect(page.locator(".group-card").first()).toContainText(/Depression/i);
});

test("the browser finds exactly what the server finds", async ({ page }) => {
  await visit(page, "/suche");
  await localSearchReady(page);
  const field = page.getByLabel("Suchbegriff");
  for (const q of ["trauer", "angehoerige demenz", "zucker", "depresion", "alko", "kind verloren", "alleinerziehend", "trinken aufhören", "selbsthilfegruppe depression", "xyzzy"]) {
    await field.fill(q);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q).replace(/%20/g, "\\+")}$`));
    const expected = await serverSlugs(page, q);
    await expect.poll(() => shownSlugs(page), { message: q }).toEqual(expected);
  }
});

test("the shared URL of a typed search shows the same results", async ({ page, context }) => {
  await visit(page, "/suche");
  await localSearchReady(page);
  await page.getByLabel("Suchbegriff").fill("sucht");
  await expect(page).toHaveURL(/q=sucht$/);
  const typed = await shownSlugs(page);
  const other = await context.newPage();
  await visit(other, page.url());
  expect(await shownSlugs(other)).toEqual(typed);
});

test("a result opened right after typing leaves the typed search in the history", async ({ page }) => {
  await visit(page, "/suche");
  await localSearchReady(page);
  await page.getByLabel("Suchbegriff").click();
  await page.keyboard.type("trauer");
  // At once, before the address bar follows the pause in typing: leaving
  // the field brings it up to date.
  await page.locator(".group-card .card-title a").first().click();
  await expect(page).toHaveURL(/\/gruppe\//);
  await page.goBack();
  await expect(page).toHaveURL(/\/suche\?q=trauer$/);
  await expect(page.getByLabel("Suchbegriff")).toHaveValue("trauer");
});
