// Measures the hydrate bundle (wasm + JS) of the release build as a browser
// would download it, brotli-compressed, and fails above the budget. It
// counts every script a page loads: the pkg files and /sw-client.js (the
// service worker and its replica load in the background and are reported
// apart).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const BUDGET_BROTLI = 300 * 1024;
const pkg = new URL("../../target/site/pkg/", import.meta.url).pathname;
const site = new URL("../../target/site/", import.meta.url).pathname;
const files = readdirSync(pkg)
  .filter((f) => /\.(wasm|js)$/.test(f))
  .map((f) => join(pkg, f))
  .concat([join(site, "sw-client.js")]);
if (!files.some((f) => f.endsWith(".wasm"))) {
  console.error(`bundle-size: no .wasm in ${pkg}; run cargo leptos build --release first`);
  process.exit(1);
}
let raw = 0, gz = 0, br = 0;
for (const f of files) {
  const bytes = readFileSync(f);
  const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length; gz += g; br += b;
  console.log(`${f.slice(site.length).padEnd(48)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB raw ${(g / 1024).toFixed(1).padStart(7)} KB gzip ${(b / 1024).toFixed(1).padStart(7)} KB brotli`);
}
console.log(`hydrate bundle: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip, ${(br / 1024).toFixed(1)} KB brotli (budget ${BUDGET_BROTLI / 1024} KB brotli)`);
if (br > BUDGET_BROTLI) {
  console.error("bundle-size: over budget");
  process.exit(1);
}

// Not on the page's path: what the service worker fetches after the page
// has loaded, once per version (scripts/build-offline).
const offline = new URL("../../target/offline/", import.meta.url).pathname;
try {
  let total = 0;
  for (const f of readdirSync(offline)) {
    total += brotliCompressSync(readFileSync(join(offline, f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`offline replica (service worker, in the background): ${(total / 1024).toFixed(1)} KB brotli`);
} catch {
  // not built; nothing to report
}
