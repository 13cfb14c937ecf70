import AxeBuilder from "@axe-core/playwright";
import { Browser, expect, Page, test } from "@playwright/test";
import { jsEnabled, visit } from "./helpers";

const pages = ["/", "/suche", "/suche?q=trauer&day=tu", "/suche?q=xyzzy", "/a-z", "/themen", "/themen/sucht", "/kontaktstellen", "/impressum", "/datenschutz", "/gibt-es-nicht", "/mitarbeit", "/mitarbeit/anmelden", "/mitarbeit/anmelden?fehler=falsch"];

/**
 * axe runs as a script in the page. In the no-JS project the page is scanned
 * as the server rendered it: a context where axe may run, but the app's own
 * JavaScript and wasm are blocked, so nothing hydrates.
 */
async function scan(page: Page, browser: Browser, url: string) {
  let target = page;
  if (!jsEnabled(test.info())) {
    const ctx = await browser.newContext({ javaScriptEnabled: true, baseURL: test.info().project.use.baseURL });
    await ctx.route(/\.(js|wasm)(\?.*)?$/, (route) => route.abort());
    target = await ctx.newPage();
    await target.goto(url);
    await expect(target.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  } else {
    await visit(page, url);
  }
  const results = await new AxeBuilder({ page: target }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

for (const url of pages) {
  test(`axe: ${url}`, async ({ page, browser }) => {
    expect(await scan(page, browser, url)).toEqual([]);
  });
}

test("axe: a group page", async ({ page, browser }) => {
  const list = await (await page.request.get("/api/v1/groups?q=demenz")).json();
  expect(await scan(page, browser, `/gruppe/${list.items[0].slug}`)).toEqual([]);
});

test("keyboard: skip link jumps to the content", async ({ page }) => {
  await visit(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#inhalt$/);
});
