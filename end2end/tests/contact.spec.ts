import { expect, Page, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { hydrated, jsEnabled, visit } from "./helpers";

// The contact request (Kontaktanfrage): a visitor asks the office to put
// them in touch with a group; offline it waits on the device and is sent
// exactly once when the connection returns.

const serverBin = path.resolve(__dirname, "../../target/release/server");

/** The contact requests the server holds for a group: their ids. */
function inbox(groupId: string): string[] {
  const out = execFileSync(serverBin, ["inbox"], {
    env: { ...process.env, DATABASE_URL: `sqlite://${process.env.WEGWEISER_E2E_DATA}/wegweiser.db`, RUST_LOG: "warn" },
    encoding: "utf8",
  });
  return out
    .split("\n")
    .map((line) => line.split("\t"))
    .filter(([, group]) => group === groupId)
    .map(([, , id]) => id);
}

/** A group page with the form, each test its own group. */
async function groupWithForm(page: Page, n: number): Promise<{ slug: string; groupId: string }> {
  const az = await (await page.request.get("/a-z")).text();
  const slugs = [...az.matchAll(/href="\/gruppe\/([^"]+)"/g)].map((m) => m[1]);
  for (const slug of slugs.slice(n * 10)) {
    const html = await (await page.request.get(`/gruppe/${slug}`)).text();
    const m = html.match(/name="group_id" value="([^"]+)"/);
    if (m) return { slug, groupId: m[1] };
  }
  throw new Error("no group with a contact form");
}

async function fillIn(page: Page) {
  await page.getByLabel("Name oder Pseudonym").fill("Kim");
  await page.getByLabel("Telefon oder E-Mail").fill("0221 123456");
  await page.getByLabel("Nachricht (freiwillig)").fill("Ich würde gern einmal vorbeikommen.");
  await page.getByLabel(/Ich bin einverstanden/).check();
}

test("a contact request from a group's page reaches the office", async ({ page }, info) => {
  const { slug, groupId } = await groupWithForm(page, jsEnabled(info) ? 1 : 2);
  await visit(page, `/gruppe/${slug}`);
  await fillIn(page);
  await page.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(page).toHaveURL(new RegExp(`/kontaktanfrage/gesendet\\?gruppe=${slug}$`));
  await expect(page.locator("h1")).toHaveText("Ihre Anfrage ist angekommen");
  expect(inbox(groupId)).toHaveLength(1);
});

test("mistakes are named, and nothing is sent", async ({ page }, info) => {
  const { slug, groupId } = await groupWithForm(page, jsEnabled(info) ? 3 : 4);
  await visit(page, `/gruppe/${slug}`);
  await fillIn(page);
  await page.getByLabel("Telefon oder E-Mail").fill("ruf mich an");
  await page.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(page).toHaveURL(/\/kontaktanfrage\/pruefen\?/);
  await expect(page.getByRole("alert")).toContainText("Telefonnummer oder E-Mail-Adresse");
  expect(page.url()).not.toContain("ruf");
  expect(inbox(groupId)).toHaveLength(0);
});

test("a request made offline is sent once the connection returns, exactly once even when an answer was lost", async ({
  page,
  context,
}, info) => {
  test.skip(!jsEnabled(info), "keeping a request offline needs the service worker");
  const { slug, groupId } = await groupWithForm(page, 5);
  await visit(page, `/gruppe/${slug}`);
  await expect(page.locator("html")).toHaveAttribute("data-replica", "complete", { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await fillIn(page);
  await page.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(page).toHaveURL(/\/kontaktanfrage\/gespeichert\?/);
  await hydrated(page);
  await expect(page.locator("h1")).toHaveText("Ihre Anfrage ist gespeichert");
  await expect(page.locator("#verbindung")).toContainText("1 Kontaktanfrage wird gesendet");

  // The kept request, as the outbox holds it.
  const kept = await page.evaluate(
    () =>
      new Promise<any[]>((resolve, reject) => {
        const open = indexedDB.open("wegweiser");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("outbox").objectStore("outbox").getAll();
          all.onsuccess = () => resolve(all.result.map((j: string) => JSON.parse(j)));
        };
      }),
  );
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({ group_id: groupId, name: "Kim", consent: true });

  // A first delivery reached the server, but its answer never came back.
  const first = await page.request.post("/api/v1/contact-requests", { data: kept[0] });
  expect(first.status()).toBe(201);

  await context.setOffline(false);
  await expect(page.locator("html")).toHaveAttribute("data-outbox", "0", { timeout: 20_000 });
  await expect(page.locator("#verbindung")).not.toContainText("Kontaktanfrage");
  expect(inbox(groupId)).toEqual([kept[0].id]);
  // Nothing personal stays in the browser.
  const left = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open("wegweiser");
        open.onsuccess = () => {
          const n = open.result.transaction("outbox").objectStore("outbox").count();
          n.onsuccess = () => resolve(n.result);
        };
      }),
  );
  expect(left).toBe(0);
});
