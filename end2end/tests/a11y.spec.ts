import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { visit } from "./helpers";

const pages = ["/", "/suche", "/suche?q=trauer&day=tu", "/suche?q=xyzzy", "/a-z", "/themen", "/themen/sucht", "/kontaktstellen", "/impressum", "/datenschutz", "/gibt-es-nicht"];

for (const url of pages) {
  test(`axe: ${url}`, async ({ page }) => {
    await visit(page, url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  });
}

test("axe: a group page", async ({ page }) => {
  const list = await (await page.request.get("/api/v1/groups?q=demenz")).json();
  await visit(page, `/gruppe/${list.items[0].slug}`);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("keyboard: skip link jumps to the content", async ({ page }) => {
  await visit(page, "/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#inhalt$/);
});
