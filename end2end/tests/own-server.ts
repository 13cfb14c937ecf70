import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as path from "node:path";
import site from "../site.json";

// A release server of a test's own: its own SQLite file and port, for
// tests that change data other tests read, or stop the server.

export const root = path.resolve(__dirname, "../..");
export const serverBin = path.join(root, "target/release/server");

export async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch (_) {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/** A release server of its own, on `dir`/wegweiser.db and the site in
 * `siteRoot`, that a test can stop and start again. */
export function ownServer(dir: string, siteRoot: string, portOffset: number) {
  const port = Number(process.env.WEGWEISER_TEST_PORT ?? 3100) + portOffset;
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ...site.serverEnv,
    LEPTOS_SITE_ROOT: siteRoot,
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    DATABASE_URL: `sqlite://${dir}/wegweiser.db`,
  };
  let server: ChildProcess | null = null;
  return {
    base,
    seed: (groups: number) => execFileSync(serverBin, ["seed", "--groups", String(groups)], { cwd: root, env, stdio: "ignore" }),
    /** A command of the server's command line on this server's database. */
    cli: (args: string[], extraEnv: Record<string, string> = {}) =>
      execFileSync(serverBin, args, { cwd: root, env: { ...env, ...extraEnv, RUST_LOG: "warn" }, encoding: "utf8" }),
    start: async () => {
      server = spawn(serverBin, [], { cwd: root, stdio: "ignore", env });
      await waitForServer(`${base}/api/v1/offices`);
    },
    stop: async () => {
      if (!server || server.exitCode !== null) return;
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGINT");
      await exited;
    },
  };
}
