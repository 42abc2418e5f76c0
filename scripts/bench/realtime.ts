/**
 * `npx tsx scripts/bench/realtime.ts [latency] [memory] [claim] [fanout] [--dev]`: the real-time
 * figures alone (all four when none is named); `npm run bench` runs them after the others.
 * Starts its own database, fake model and app (`next start`, building if needed; `--dev` runs
 * `next dev` instead, for a machine where building is not an option: compare those figures
 * only with other --dev runs), seeds the demo tenant, prints, stops everything it started.
 */
import path from "node:path";
import { findFreePort } from "../lib/embedded-database";
import { buildIfMissing, startAppServer } from "./app-server";
import { startBenchDatabase } from "./bench-database";
import { startBenchModel } from "./model-bench";
import { measureClaimRace, measureEscalationLatency, measureInProcessFanout, measureSseMemory, type RealtimeBenchContext } from "./realtime-bench";
import { formatRealtimeReport, type RealtimeResults } from "./realtime-report";
import { onCleanup, runBench } from "./bench-process";

const root = path.resolve(__dirname, "..", "..");
const BENCH_AUTH_SECRET = "flowpilot-bench-secret-not-for-production";
const NAMES = ["latency", "memory", "claim", "fanout"] as const;
type Name = (typeof NAMES)[number];


async function main() {
  const args = process.argv.slice(2);
  const dev = args.includes("--dev");
  const named = args.filter((arg): arg is Name => (NAMES as readonly string[]).includes(arg));
  const selected = new Set<Name>(named.length ? named : NAMES);
  const port = await findFreePort();
  const database = await startBenchDatabase(root);
  onCleanup(database.stop);
  console.log(`Database: ${database.where}`);
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET: BENCH_AUTH_SECRET, APP_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" });
  const { db } = await import("@/lib/db");
  onCleanup(() => db.$disconnect());
  const { seedDemo } = await import("../../prisma/seed");
  const { demoAccount } = await import("../../prisma/seed-data");
  await seedDemo(db);

  const results: RealtimeResults = {};
  const http = [...selected].some((name) => name !== "fanout");
  if (http) {
    const model = await startBenchModel();
    onCleanup(model.close);
    const serverEnv = { ...process.env, NODE_ENV: dev ? ("development" as const) : ("production" as const), PORT: String(port), ANTHROPIC_API_KEY: "bench-fake-key", ANTHROPIC_BASE_URL: model.url };
    if (!dev && buildIfMissing(root, serverEnv)) console.log("Built the app");
    const server = await startAppServer({ root, port, env: serverEnv, logFile: path.join(root, ".data", "bench-realtime-next.log"), mode: dev ? "dev" : "start" });
    onCleanup(server.stop);
    const { benchSessionCookie } = await import("./bench-session-cookie");
    const ctx: RealtimeBenchContext = {
      appUrl: server.url,
      serverPgid: server.pid,
      db,
      cookieFor: (userId) => benchSessionCookie({ id: userId, accountId: demoAccount.id }, BENCH_AUTH_SECRET),
    };
    console.log(`App: next ${dev ? "dev" : "start"} at ${server.url}`);
    results.latency = selected.has("latency") ? await step("latency (500 SSE subscribers)", () => measureEscalationLatency(ctx)) : undefined;
    results.memory = selected.has("memory") ? await step("memory (2,000 SSE connections)", () => measureSseMemory(ctx)) : undefined;
    results.claim = selected.has("claim") ? await step("claim race (50 claimers)", () => measureClaimRace(ctx)) : undefined;
  }
  if (selected.has("fanout")) results.fanout = await step("in-process fan-out (2,000 subscribers)", () => measureInProcessFanout());
  console.log();
  for (const line of formatRealtimeReport(results)) console.log(line);
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`Measuring ${name} …`);
  const result = await run();
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

runBench(main);
