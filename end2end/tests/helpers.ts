import { expect, Page, test, TestInfo } from "@playwright/test";

/** Go to a page and, when JavaScript is on, wait until it is hydrated. */
export async function visit(page: Page, url: string) {
  const resp = await page.goto(url);
  await hydrated(page);
  return resp;
}

export async function hydrated(page: Page) {
  if (jsEnabled(test.info())) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

export function jsEnabled(info: TestInfo) {
  return info.project.use.javaScriptEnabled !== false;
}

/** The number in "42 Gruppen …" / "1 Gruppe …" / "Keine Gruppe gefunden". */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator(".result-count").textContent()) ?? "";
  if (text.startsWith("Keine")) return 0;
  const m = text.match(/^(\d+) Gruppe/);
  expect(m, `result count in "${text}"`).not.toBeNull();
  return Number(m![1]);
}

/** The API's count for the same query string: the page must agree with it. */
export async function apiTotal(page: Page, search: string): Promise<number> {
  const resp = await page.request.get(`/api/v1/groups${search}`);
  expect(resp.ok()).toBeTruthy();
  return (await resp.json()).total;
}

/**
 * Wait until the service worker runs and controls the page. A page loaded
 * while the worker installed is taken over when it activates
 * (`clients.claim()`); once, in CI, that did not happen within 30 s (cause
 * not found). A navigation after activation is always controlled, so if
 * the active worker has not taken the page over after a while, reload.
 */
export async function controlledByServiceWorker(page: Page) {
  const controlled = () => page.evaluate(() => !!navigator.serviceWorker.controller);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  try {
    await expect.poll(controlled, { timeout: 5_000 }).toBe(true);
  } catch (_) {
    await page.reload();
    await expect.poll(controlled, { timeout: 10_000 }).toBe(true);
  }
}
