import { defineConfig } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import site from "./site.json";

// The tests run against the release server binary (built by
// `cargo leptos build --release`) on a fresh SQLite file with the demo data.
const port = Number(process.env.WEGWEISER_TEST_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// Made once and shared with the worker processes (they load this file
// again): tests that write to the server's database through its command
// line (offline.spec.ts) need the same file.
const dataDir = (process.env.WEGWEISER_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-e2e-")));
const root = path.resolve(__dirname, "..");
// Lets a test cut the service worker's own requests (context.route), to
// interrupt a download (offline.spec.ts); Chromium only, experimental.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? site.chromium.executablePath,
    args: site.chromium.args,
  },
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: { baseURL, locale: "de-DE", timezoneId: "Europe/Berlin" },
  // Every test runs twice: hydrated, and with JavaScript off.
  projects: [
    { name: "hydrated", use: { ...chromium, javaScriptEnabled: true } },
    { name: "no-js", use: { ...chromium, javaScriptEnabled: false } },
  ],
  webServer: {
    command: path.join(root, "target/release/server"),
    cwd: root,
    url: `${baseURL}/api/v1/offices`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: `sqlite://${dataDir}/wegweiser.db`,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      ...site.serverEnv,
    },
  },
});
