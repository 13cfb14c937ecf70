import { chromium, expect, test } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { jsEnabled, visit } from "./helpers";

const PAGES = ["/", "/suche?q=trauer", "/themen", "/a-z", "/kontaktstellen", "/impressum", "/datenschutz"];

test("every page links the web app manifest", async ({ page }) => {
  for (const path of PAGES) {
    await visit(page, path);
    await expect(page.locator('head link[rel="manifest"]'), path).toHaveAttribute("href", "/manifest.webmanifest");
  }
});

test("the manifest names the app in German, with its icons", async ({ page }) => {
  const resp = await page.request.get("/manifest.webmanifest");
  expect(resp.ok()).toBeTruthy();
  expect(resp.headers()["content-type"]).toContain("manifest+json");
  const m = await resp.json();
  expect(m).toMatchObject({ name: "Wegweiser Selbsthilfe", short_name: "Wegweiser", lang: "de", start_url: "/", display: "standalone" });
  expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/);
  for (const purpose of ["any", "maskable"]) {
    for (const size of [192, 512]) {
      const icon = m.icons.find((i: any) => i.purpose === purpose && i.sizes === `${size}x${size}`);
      expect(icon, `${purpose} ${size}`).toBeTruthy();
      const png = await page.request.get(icon.src);
      expect(png.ok()).toBeTruthy();
      const bytes = await png.body();
      // The PNG header's width and height are what the manifest says.
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([size, size]);
    }
  }
});

test("Chromium finds nothing that keeps the app from being installed", async ({}, info) => {
  test.skip(!jsEnabled(info), "installability is checked once, in the hydrated project");
  // Playwright's contexts are off the record, where Chromium never offers
  // to install; a browser profile on disk is what a visitor has.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-profile-"));
  const use = info.project.use;
  const context = await chromium.launchPersistentContext(profile, {
    ...use.launchOptions,
    baseURL: use.baseURL,
    locale: "de-DE",
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/");
    await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
    const cdp = await context.newCDPSession(page);
    // Chromium fetches and checks the manifest and icons asynchronously.
    await expect
      .poll(async () => (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors.map((e: any) => e.errorId), { timeout: 10_000 })
      .toEqual([]);
    const { url, errors } = await cdp.send("Page.getAppManifest");
    expect(url).toMatch(/\/manifest\.webmanifest$/);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
