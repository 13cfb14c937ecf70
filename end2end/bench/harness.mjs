// Shared by the benchmarks: a scratch directory, release servers on
// 127.0.0.1 started and always stopped (also on failure and Ctrl-C), and
// nearest-rank statistics.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
export const root = path.resolve(process.env.BENCH_BUILD_ROOT ?? repo);
export const serverBin = path.join(root, "target/release/server");
export const site = JSON.parse(fs.readFileSync(path.join(here, "../site.json"), "utf8"));
export const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wegweiser-bench-"));

const children = [];
const closables = [];

/** Close this (a browser) before the servers stop. */
export function closeAtEnd(thing) {
  closables.push(thing);
  return thing;
}

export function log(...a) {
  console.log(...a);
}

export function serverEnv(db, p) {
  return {
    ...process.env,
    DATABASE_URL: `sqlite://${db}`,
    LEPTOS_SITE_ADDR: `127.0.0.1:${p}`,
    ...site.serverEnv,
  };
}

async function alive(base) {
  try {
    return (await fetch(`${base}/api/v1/offices`)).ok;
  } catch {
    return false;
  }
}

export async function startServer(name, db, p) {
  const base = `http://127.0.0.1:${p}`;
  if (await alive(base)) throw new Error(`${base} already answers; stop that server or set BENCH_PORT`);
  const out = fs.openSync(path.join(tmp, `${name}.log`), "a");
  const child = spawn(serverBin, [], { cwd: root, env: serverEnv(db, p), stdio: ["ignore", out, out] });
  children.push(child);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await alive(base)) return { base, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server ${name} did not start; log: ${path.join(tmp, `${name}.log`)}\n${fs.readFileSync(path.join(tmp, `${name}.log`), "utf8").slice(-2000)}`);
}

export function stopServer(child) {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
}

function exited(child, ms) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

// Once, whoever asks first (the end of main, a failure, Ctrl-C).
let cleaning = null;
export function cleanup() {
  cleaning ??= (async () => {
    for (const c of closables.splice(0)) await c.close().catch(() => {});
    for (const c of children) {
      stopServer(c);
      if (!(await exited(c, 5_000))) {
        c.kill("SIGKILL");
        await exited(c, 2_000);
      }
    }
    // Only once the servers are gone: SQLite writes its files on shutdown.
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  })();
  return cleaning;
}

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    cleanup().finally(() => process.exit(130));
  });
}

// Nearest-rank percentile.
export function pct(xs, p) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
export function stats(xs) {
  return {
    n: xs.length,
    p50: round(pct(xs, 50)),
    p95: round(pct(xs, 95)),
    max: round(xs.length ? Math.max(...xs) : null),
    mean: round(xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null),
  };
}
export function round(x, d = 2) {
  return x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d;
}
export function median(xs) {
  return pct(xs, 50);
}
