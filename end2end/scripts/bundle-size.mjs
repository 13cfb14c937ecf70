// Measures the hydrate bundle (wasm + JS) of the release build as a browser
// would download it, brotli-compressed, and fails above the budget.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const BUDGET_BROTLI = 300 * 1024;
const pkg = new URL("../../target/site/pkg/", import.meta.url).pathname;
const files = readdirSync(pkg).filter((f) => /\.(wasm|js)$/.test(f));
if (!files.some((f) => f.endsWith(".wasm"))) {
  console.error(`bundle-size: no .wasm in ${pkg}; run cargo leptos build --release first`);
  process.exit(1);
}
let raw = 0, gz = 0, br = 0;
for (const f of files) {
  const bytes = readFileSync(join(pkg, f));
  const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length; gz += g; br += b;
  console.log(`${f.padEnd(48)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB raw ${(g / 1024).toFixed(1).padStart(7)} KB gzip ${(b / 1024).toFixed(1).padStart(7)} KB brotli`);
}
console.log(`hydrate bundle: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip, ${(br / 1024).toFixed(1)} KB brotli (budget ${BUDGET_BROTLI / 1024} KB brotli)`);
if (br > BUDGET_BROTLI) {
  console.error("bundle-size: over budget");
  process.exit(1);
}
