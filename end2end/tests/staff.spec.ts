import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { visit } from "./helpers";

// Staff sign in and out (docs/staff.md), with and without JavaScript. The
// account is made as an office makes its first admin: `server user add`.

const root = path.resolve(__dirname, "../..");
const serverBin = path.join(root, "target/release/server");
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
