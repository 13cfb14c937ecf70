import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { visit } from "./helpers";
import { ownServer, root, serverBin } from "./own-server";

// Staff sign in and out (docs/staff.md), with and without JavaScript. The
// account is made as an office makes its first admin: `server user add`.

const PASSWORD = "ein langes Passwort für Tests";

function addAccount(login: string, role: string) {
  execFileSync(serverBin, ["user", "add", "--login", login, "--name", "Erika Test", "--role", role], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${process.env.WEGWEISER_E2E_DATA}/wegweiser.db`,
      WEGWEISER_PASSWORD: PASSWORD,
      RUST_LOG: "warn",
    },
  });
}

test("the public gets no cookie; staff sign in, see who they are, and sign out", async ({ page, context }, info) => {
  const login = `erika-${info.project.name}-${Date.now() % 1_000_000}`;
  addAccount(login, "admin");

  await visit(page, "/");
  await visit(page, "/suche?q=trauer");
  expect(await context.cookies()).toEqual([]);

  await visit(page, "/mitarbeit/anmelden");
  await page.getByLabel("Anmeldename").fill(login);
  await page.getByLabel("Passwort").fill("nicht das Passwort");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("alert")).toContainText("Anmeldename oder Passwort stimmen nicht");
  expect(await context.cookies()).toEqual([]);

  await page.getByLabel("Anmeldename").fill(login.toUpperCase());
  await page.getByLabel("Passwort").fill(PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/mitarbeit$/);
  await expect(page.locator(".staff-who")).toContainText("Angemeldet als Erika Test (Verwaltung)");
  const [cookie] = await context.cookies();
  expect(cookie.name).toBe("wegweiser_sitzung");
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Strict");

  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/$/);
  await visit(page, "/mitarbeit");
  await expect(page.locator("main")).toContainText("Sie sind nicht angemeldet");
});

test("two staff edit one group: different fields merge, the same field is a conflict to decide, the public page shows the result", async ({ browser }, info) => {
  // A server of its own: renaming a group here must not change what the
  // search tests running beside it find.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-staff-"));
  const server = ownServer(dir, path.join(root, "target/site"), info.project.name === "no-js" ? 21 : 20);
  try {
    await server.start();
    for (const login of ["anna", "ben"]) {
      server.cli(["user", "add", "--login", login, "--name", `${login[0].toUpperCase()}${login.slice(1)} Test`, "--role", "editor"], { WEGWEISER_PASSWORD: PASSWORD });
    }
    const group = (await (await fetch(`${server.base}/api/v1/groups?q=trauer`)).json()).items[0];
    const js = info.project.use.javaScriptEnabled !== false;
    const staff = async (login: string) => {
      const context = await browser.newContext({ baseURL: server.base, javaScriptEnabled: js });
      const page = await context.newPage();
      await visit(page, "/mitarbeit/anmelden");
      await page.getByLabel("Anmeldename").fill(login);
      await page.getByLabel("Passwort").fill(PASSWORD);
      await page.getByRole("button", { name: "Anmelden" }).click();
      await expect(page.locator(".staff-who")).toBeVisible();
      await visit(page, `/mitarbeit/gruppe/${group.id}`);
      return page;
    };
    const anna = await staff("anna");
    const ben = await staff("ben");

    // Anna changes the phone number, Ben (his form still from before) the
    // meeting time: both are kept.
    await anna.getByLabel("Telefon").fill("0221 777777");
    await anna.getByRole("button", { name: "Speichern" }).click();
    await expect(anna.locator("main [role=status]")).toHaveText("Gespeichert.");
    await ben.locator("#termin-0-opens_at").fill("16:45");
    await ben.locator("#termin-0-closes_at").fill("18:15");
    await ben.getByRole("button", { name: "Speichern" }).click();
    await expect(ben.locator("main [role=status]")).toHaveText("Gespeichert.");
    await expect(ben.getByLabel("Telefon")).toHaveValue("0221 777777");
    await expect(ben.locator("#termin-0-opens_at")).toHaveValue("16:45");

    // Both rename it from the same version: Anna's is saved, Ben's is a
    // conflict, shown with both names; Ben takes his.
    await anna.reload();
    await ben.reload();
    await anna.getByLabel("Name der Gruppe").fill("Gesprächskreis Anna");
    await ben.getByLabel("Name der Gruppe").fill("Gesprächskreis Ben");
    await anna.getByRole("button", { name: "Speichern" }).click();
    await expect(anna.locator("main [role=status]")).toHaveText("Gespeichert.");
    await ben.getByRole("button", { name: "Speichern" }).click();
    await expect(ben.locator("main [role=status]")).toContainText("jemand anders geändert");
    const conflict = ben.locator(".staff-conflict");
    await expect(conflict).toContainText("Ben Test hat „Gesprächskreis Ben“ eingetragen, Anna Test „Gesprächskreis Anna“");
    await conflict.getByRole("button", { name: "„Gesprächskreis Ben“ übernehmen" }).click();
    await expect(ben.locator("main [role=status]")).toHaveText("Gespeichert.");
    await expect(ben.locator(".staff-conflict")).toHaveCount(0);
    // The history names who changed what.
    await expect(ben.locator(".staff-history li").first()).toContainText("Ben Test");
    await expect(ben.locator(".staff-history li").first()).toContainText("name: „Gesprächskreis Anna“ → „Gesprächskreis Ben“");

    const visitor = await browser.newPage({ baseURL: server.base, javaScriptEnabled: js });
    await visit(visitor, `/gruppe/${group.slug}`);
    await expect(visitor.locator("h1")).toHaveText("Gesprächskreis Ben");
    await expect(visitor.locator("main")).toContainText("16:45");

    // A mistake is named next to its field, and nothing is saved.
    await ben.getByLabel("Telefon").fill("keine Nummer");
    await ben.getByRole("button", { name: "Speichern" }).click();
    await expect(ben.locator("#feld-contact-phone-fehler")).toContainText("ist keine gültige Telefonnummer");
    await expect(ben.getByLabel("Telefon")).toHaveAttribute("aria-invalid", "true");
    await expect(ben.getByLabel("Telefon")).toHaveValue("0221 777777");
    if (js) {
      const violations = (await new AxeBuilder({ page: ben }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
      expect(violations).toEqual([]);
    }
  } finally {
    await server.stop();
  }
});
