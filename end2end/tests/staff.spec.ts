import AxeBuilder from "@axe-core/playwright";
import { chromium, expect, Page, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { controlledByServiceWorker, visit } from "./helpers";
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
    // With JavaScript what was typed stays there to correct; without, the
    // form shows the saved value again.
    await expect(ben.getByLabel("Telefon")).toHaveValue(js ? "keine Nummer" : "0221 777777");
    await expect(ben.locator(".staff-history li").first()).toContainText("name: „Gesprächskreis Anna“ → „Gesprächskreis Ben“");
    if (js) {
      const violations = (await new AxeBuilder({ page: ben }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
      expect(violations).toEqual([]);
    }
  } finally {
    await server.stop();
  }
});

test("staff work without a connection: edits wait on the device through a reload, merge or conflict after sync, and outlast an ended session", async ({ browser }, info) => {
  test.skip(info.project.use.javaScriptEnabled === false, "working offline needs JavaScript (the service worker)");
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-staff-offline-"));
  const server = ownServer(dir, path.join(root, "target/site"), 22);
  try {
    await server.start();
    for (const login of ["carla", "dana"]) {
      server.cli(["user", "add", "--login", login, "--name", `${login[0].toUpperCase()}${login.slice(1)} Test`, "--role", "editor"], { WEGWEISER_PASSWORD: PASSWORD });
    }
    const group = (await (await fetch(`${server.base}/api/v1/groups?q=sucht`)).json()).items[0];
    const groupPage = `/mitarbeit/gruppe/${group.id}`;
    const signIn = async (page: Page, login: string) => {
      await visit(page, "/mitarbeit/anmelden");
      await page.getByLabel("Anmeldename").fill(login);
      await page.getByLabel("Passwort").fill(PASSWORD);
      await page.getByRole("button", { name: "Anmelden" }).click();
      await expect(page.locator(".staff-who")).toBeVisible();
    };
    const staff = async (login: string) => {
      const context = await browser.newContext({ baseURL: server.base });
      const page = await context.newPage();
      await signIn(page, login);
      // The service worker keeps the staff pages seen once it runs.
      await controlledByServiceWorker(page);
      await open(page);
      return { context, page };
    };
    const open = async (page: Page) => {
      await visit(page, groupPage);
      await expect(page.locator("html")).toHaveAttribute("data-staff-ready", "true");
    };
    const waiting = (page: Page) => page.locator("html");
    const save = async (page: Page, result: string) => {
      await page.getByRole("button", { name: "Speichern" }).click();
      await expect(page).toHaveURL(new RegExp(`ergebnis=${result}`));
      await expect(page.locator("html")).toHaveAttribute("data-staff-ready", "true");
    };
    const carla = await staff("carla");
    const dana = await staff("dana");
    // Carla has opened the lists and the form for a new topic before.
    await visit(carla.page, "/mitarbeit/gruppen");
    await visit(carla.page, "/mitarbeit/themen");
    await visit(carla.page, "/mitarbeit/thema/neu");
    await open(carla.page);
    const version = async () => (await (await fetch(`${server.base}/api/v1/groups/${group.id}`)).json()).version;
    const before = await version();

    // Both lose the connection. Carla changes the phone number, Dana the
    // meeting time: each is kept on the device and shown as waiting.
    await carla.context.setOffline(true);
    await dana.context.setOffline(true);
    await carla.page.getByLabel("Telefon").fill("0221 888888");
    await save(carla.page, "vorgemerkt");
    await expect(carla.page.locator("main")).toContainText("Auf diesem Gerät gespeichert. Die Änderung wird übertragen");
    await expect(carla.page.locator("#mitarbeit-ausstehend")).toContainText("1 Änderung noch nicht übertragen");
    await expect(carla.page.getByLabel("Telefon")).toHaveValue("0221 888888");
    await dana.page.locator("#termin-0-opens_at").fill("17:15");
    await save(dana.page, "vorgemerkt");
    await expect(dana.page.locator("#mitarbeit-ausstehend")).toContainText("1 Änderung noch nicht übertragen");

    // A reload without a connection keeps the outbox and shows the edit.
    await carla.page.reload();
    await expect(waiting(carla.page)).toHaveAttribute("data-staff-ready", "true");
    await expect(waiting(carla.page)).toHaveAttribute("data-staff-waiting", "1");
    await expect(carla.page.getByLabel("Telefon")).toHaveValue("0221 888888");
    await expect(carla.page.getByLabel("Telefon")).toHaveClass(/staff-pending/);
    // Nothing reached the server yet.
    expect(await version()).toBe(before);
    // The list of groups marks it.
    await visit(carla.page, "/mitarbeit/gruppen");
    await expect(carla.page.locator("html")).toHaveAttribute("data-staff-ready", "true");
    await expect(carla.page.locator(`.staff-groups a[href="${groupPage}"] + .staff-waits`)).toHaveText(" – Änderung wartet");
    // A new topic, made offline, waits too; the list says so.
    await visit(carla.page, "/mitarbeit/thema/neu");
    await carla.page.getByLabel("Name des Themas").fill("Trauer um Haustiere");
    await carla.page.getByRole("button", { name: "Anlegen" }).click();
    await expect(carla.page).toHaveURL(/\/mitarbeit\/themen\?ergebnis=vorgemerkt/);
    await expect(carla.page.locator("#mitarbeit-ausstehend")).toContainText("2 Änderungen noch nicht übertragen");
    await expect(carla.page.locator("#mitarbeit-ausstehend")).toContainText("Trauer um Haustiere");
    await visit(carla.page, groupPage);

    // The connection returns: both outboxes are pushed, and both edits
    // are kept.
    await carla.context.setOffline(false);
    await expect(carla.page).toHaveURL(/ergebnis=gespeichert/);
    await expect(waiting(carla.page)).toHaveAttribute("data-staff-waiting", "0");
    await dana.context.setOffline(false);
    await expect(dana.page).toHaveURL(/ergebnis=gespeichert/);
    await expect(dana.page.getByLabel("Telefon")).toHaveValue("0221 888888");
    await expect(dana.page.locator("#termin-0-opens_at")).toHaveValue("17:15");
    expect(await version()).toBe(before + 2);
    const topics = await (await fetch(`${server.base}/api/v1/topics`)).json();
    expect(topics.filter((t: { data: { name: string } }) => t.data.name === "Trauer um Haustiere")).toHaveLength(1);

    // Both rename it offline: after sync one name is saved, the other is
    // a conflict, shown with both; Dana decides, the public sees it.
    await open(carla.page);
    await open(dana.page);
    await carla.context.setOffline(true);
    await dana.context.setOffline(true);
    await carla.page.getByLabel("Name der Gruppe").fill("Suchtkreis Carla");
    await save(carla.page, "vorgemerkt");
    await dana.page.getByLabel("Name der Gruppe").fill("Suchtkreis Dana");
    await save(dana.page, "vorgemerkt");
    await carla.context.setOffline(false);
    await expect(carla.page).toHaveURL(/ergebnis=gespeichert/);
    await dana.context.setOffline(false);
    await expect(dana.page).toHaveURL(/ergebnis=konflikt/);
    const conflict = dana.page.locator(".staff-conflict");
    await expect(conflict).toContainText("Dana Test hat „Suchtkreis Dana“ eingetragen, Carla Test „Suchtkreis Carla“");
    // Dana settles it with a third name, typed into the form.
    await dana.page.getByLabel("Name der Gruppe").fill("Suchtkreis Köln");
    await dana.page.getByRole("button", { name: "Speichern" }).click();
    await expect(dana.page.locator("main .staff-result")).toHaveText("Gespeichert.");
    await expect(dana.page.locator(".staff-conflict")).toHaveCount(0);
    const visitor = await browser.newPage({ baseURL: server.base });
    await visit(visitor, `/gruppe/${group.slug}`);
    await expect(visitor.locator("h1")).toHaveText("Suchtkreis Köln");
    await expect(visitor.locator("main")).toContainText("17:15");

    // An edit made offline, then the session ends: the push is refused,
    // the edit stays until Dana signs in again, and is then sent.
    await open(dana.page);
    await dana.context.setOffline(true);
    await dana.page.getByLabel("Telefon").fill("0221 999999");
    await save(dana.page, "vorgemerkt");
    await dana.context.clearCookies();
    await dana.context.setOffline(false);
    await expect(dana.page.locator("#mitarbeit-ausstehend")).toContainText("Ihre Anmeldung ist abgelaufen");
    await expect(waiting(dana.page)).toHaveAttribute("data-staff-waiting", "1");
    await dana.page.reload();
    await expect(waiting(dana.page)).toHaveAttribute("data-staff-ready", "true");
    await expect(waiting(dana.page)).toHaveAttribute("data-staff-waiting", "1");
    await expect(dana.page.locator("main")).toContainText("Sie sind nicht angemeldet");
    await signIn(dana.page, "dana");
    await expect(waiting(dana.page)).toHaveAttribute("data-staff-waiting", "0");
    await open(dana.page);
    await expect(dana.page.getByLabel("Telefon")).toHaveValue("0221 999999");
    const violations = (await new AxeBuilder({ page: carla.page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
    expect(violations).toEqual([]);
  } finally {
    await server.stop();
  }
});

test("staff make a topic, an office and a group from the pages, edit the office, and restore an earlier version", async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-staff-new-"));
  const server = ownServer(dir, path.join(root, "target/site"), js ? 23 : 24);
  try {
    await server.start();
    server.cli(["user", "add", "--login", "emil", "--name", "Emil Test", "--role", "editor"], { WEGWEISER_PASSWORD: PASSWORD });
    const context = await browser.newContext({ baseURL: server.base, javaScriptEnabled: js });
    const page = await context.newPage();
    await visit(page, "/mitarbeit/anmelden");
    await page.getByLabel("Anmeldename").fill("emil");
    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.locator(".staff-who")).toBeVisible();
    const axe = async () => {
      if (!js) return;
      const violations = (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`);
      expect(violations).toEqual([]);
    };

    // A topic with a word people search for.
    await page.getByRole("link", { name: "Themen und ihre Suchwörter bearbeiten" }).click();
    await page.getByRole("link", { name: "Neues Thema anlegen" }).click();
    await page.getByLabel("Name des Themas").fill("Einsamkeit im Alter");
    await page.getByLabel(/Andere Wörter dafür/).fill("allein\nZitronenfalterweh");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page).toHaveURL(/\/mitarbeit\/thema\/[0-9a-f-]{36}\?ergebnis=gespeichert$/);
    await expect(page.locator("h1")).toHaveText("Einsamkeit im Alter");

    // An office.
    await visit(page, "/mitarbeit/kontaktstellen");
    await page.getByRole("link", { name: "Neue Kontaktstelle anlegen" }).click();
    const fillOffice = async (postalCode: string) => {
      await page.getByLabel("Name der Kontaktstelle").fill("KISS Süd");
      await page.getByLabel("Straße und Hausnummer").fill("Bonner Str. 1");
      await page.getByLabel("Postleitzahl").fill(postalCode);
      await page.getByLabel("Ort").fill("Köln");
      await page.getByLabel("Stadtteil").fill("Neustadt-Süd");
      await page.getByLabel("Telefon").fill("0221 123123");
      await page.getByLabel("E-Mail").fill("sued@example.org");
      await page.getByLabel("Zuständig für (Gebiet)").fill("Köln-Süd");
    };
    await fillOffice("5067");
    await page.getByRole("button", { name: "Anlegen" }).click();
    // A wrong postal code is named next to its field; nothing is made.
    await expect(page.locator("#feld-address-postal_code-fehler")).toContainText("keine gültige Postleitzahl");
    if (js) {
      // What was typed is there to correct.
      await expect(page.locator("html")).toHaveAttribute("data-staff-ready", "true");
      await expect(page.getByLabel("Zuständig für (Gebiet)")).toHaveValue("Köln-Süd");
      await page.getByLabel("Postleitzahl").fill("50677");
    } else {
      await fillOffice("50677");
    }
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page).toHaveURL(/\/mitarbeit\/kontaktstelle\/[0-9a-f-]{36}\?ergebnis=gespeichert$/);
    // Edited later: its phone number.
    await page.getByLabel("Telefon").fill("0221 321321");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page.locator("main .staff-result")).toHaveText("Gespeichert.");
    await expect(page.getByLabel("Telefon")).toHaveValue("0221 321321");
    await axe();
    // The history restores the first version, as one more edit.
    await page.getByRole("button", { name: "Fassung 1 wiederherstellen" }).click();
    await expect(page.locator("main .staff-result")).toHaveText("Gespeichert.");
    await expect(page.getByLabel("Telefon")).toHaveValue("0221 123123");
    await expect(page.locator(".staff-history li").first()).toContainText("phone: „0221 321321“ → „0221 123123“");

    // A group on that topic at that office.
    await visit(page, "/mitarbeit/gruppe/neu");
    await axe();
    await page.getByLabel("Name der Gruppe").fill("Gesprächskreis Einsamkeit");
    await page.getByLabel("Kurzbeschreibung").fill("Wir treffen uns, um weniger allein zu sein.");
    await page.getByRole("checkbox", { name: "Einsamkeit im Alter" }).check();
    await page.getByLabel("Zuständige Kontaktstelle").selectOption({ label: "KISS Süd" });
    await page.getByLabel("Straße und Hausnummer").fill("Bonner Str. 1");
    await page.getByLabel("Postleitzahl").fill("50677");
    await page.getByLabel("Ort", { exact: true }).fill("Köln");
    await page.getByLabel("Stadtteil", { exact: true }).fill("Neustadt-Süd");
    await page.getByLabel(/Adresse öffentlich zeigen/).selectOption("ja");
    await page.getByLabel("Barrierefreier Zugang").selectOption("ja");
    await page.locator("#termin-0-freq").selectOption("weekly");
    await page.locator("#termin-0-weekday").selectOption("we");
    await page.locator("#termin-0-opens_at").fill("18:00");
    await page.locator("#termin-0-closes_at").fill("19:30");
    await page.getByRole("button", { name: "Anlegen" }).click();
    await expect(page).toHaveURL(/\/mitarbeit\/gruppe\/[0-9a-f-]{36}\?ergebnis=gespeichert$/);
    await expect(page.getByRole("checkbox", { name: "Einsamkeit im Alter" })).toBeChecked();

    // The public finds it by the topic's new word, with its office.
    const visitor = await browser.newPage({ baseURL: server.base, javaScriptEnabled: js });
    await visit(visitor, "/suche?q=zitronenfalterweh");
    await expect(visitor.locator(".group-card")).toHaveCount(1);
    await visitor.locator(".group-card a").first().click();
    await expect(visitor.locator("h1")).toHaveText("Gesprächskreis Einsamkeit");
    await expect(visitor.locator("main")).toContainText("KISS Süd");
  } finally {
    await server.stop();
  }
});

test("staff keep every page for the road; an edit saved offline outlasts closing the browser, and is sent after the restart", async ({}, info) => {
  test.skip(info.project.use.javaScriptEnabled === false, "working offline needs JavaScript (the service worker)");
  test.setTimeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-staff-restart-"));
  const server = ownServer(dir, path.join(root, "target/site"), 25);
  // A browser profile on disk, closed and opened again, as a laptop is.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-profile-"));
  const launch = () => chromium.launchPersistentContext(profile, { ...info.project.use.launchOptions, baseURL: server.base, locale: "de-DE" });
  try {
    await server.start();
    server.cli(["user", "add", "--login", "frieda", "--name", "Frieda Test", "--role", "editor"], { WEGWEISER_PASSWORD: PASSWORD });
    const group = (await (await fetch(`${server.base}/api/v1/groups?q=trauer`)).json()).items[0];
    const groupPage = `/mitarbeit/gruppe/${group.id}`;
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await visit(page, "/mitarbeit/anmelden");
    await page.getByLabel("Anmeldename").fill("frieda");
    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.locator(".staff-who")).toBeVisible();
    await controlledByServiceWorker(page);
    // Everything is kept for the road; the group's page was never opened.
    await expect(page.locator("html")).toHaveAttribute("data-staff-ready", "true");
    await page.getByRole("button", { name: /Alle Einträge auf diesem Gerät speichern/ }).click();
    await expect(page.locator("#gespeichert-fuer-unterwegs")).toContainText(/^(\d+) von \1 Seiten auf diesem Gerät gespeichert\.$/, { timeout: 60_000 });

    await context.setOffline(true);
    await visit(page, groupPage);
    await expect(page.locator("html")).toHaveAttribute("data-staff-ready", "true");
    await page.getByLabel("Telefon").fill("0221 515151");
    await page.getByRole("button", { name: "Speichern" }).click();
    await expect(page).toHaveURL(/ergebnis=vorgemerkt/);
    await expect(page.locator("html")).toHaveAttribute("data-staff-waiting", "1");
    await context.close();

    // The browser starts again, still without a connection.
    context = await launch();
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await visit(page, groupPage);
    await expect(page.locator("html")).toHaveAttribute("data-staff-ready", "true");
    await expect(page.locator("html")).toHaveAttribute("data-staff-waiting", "1");
    await expect(page.getByLabel("Telefon")).toHaveValue("0221 515151");
    // The connection is back but the server fails: the edit stays, and
    // the page says why; once the server answers, it is sent.
    await context.route("**/api/v1/staff/push", (route) => route.fulfill({ status: 503, body: "" }));
    await context.setOffline(false);
    await expect(page.locator("#mitarbeit-ausstehend")).toContainText("Übertragen ging nicht: Der Server antwortete mit 503.");
    await expect(page.locator("html")).toHaveAttribute("data-staff-waiting", "1");
    await context.unroute("**/api/v1/staff/push");
    await page.getByRole("button", { name: "Jetzt übertragen" }).click();
    await expect(page).toHaveURL(/ergebnis=gespeichert/);
    await expect(page.getByLabel("Telefon")).toHaveValue("0221 515151");
    await expect(page.locator("html")).toHaveAttribute("data-staff-waiting", "0");
    await context.close();
  } finally {
    await server.stop();
  }
});
