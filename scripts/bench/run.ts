/**
 * `npm run bench`: how fast the app shell's counts answer on a tenant with 10,000 sessions,
 * next to /api/v1/me (one indexed user read) as the yardstick; the session list (page 1 and a
 * search, over HTTP and in-process with the escalation queue, scripts/bench/list-bench.ts); then, against a fake Anthropic API
 * answering at once (scripts/bench/model-bench.ts), the resolution-note preview cache hit vs miss
 * and a streamed chat turn's server time; then the real-time figures (scripts/bench/realtime-bench.ts:
 * escalation → SSE latency with 500 subscribers, memory per SSE connection, in-process fan-out to
 * 2,000 subscribers, the 50-claimer race). Starts its own database, fake model and server, loads
 * the data, measures over loopback only, prints medians and ratios (never pass/fail: the machine
 * is 2 shared cores), and stops everything it started, also on Ctrl-C.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../lib/embedded-database";
import { buildIfMissing, startAppServer } from "./app-server";
import { analyzeAsOwner, startBenchDatabase } from "./bench-database";
import { measureHttp } from "./http-load";
import { LIST_CALLS, measureLists } from "./list-bench";
import {
  CHAT_SESSIONS,
  CHAT_TURNS,
  CHAT_WARMUP,
  PREVIEW_CALLS,
  PREVIEW_WARMUP,
  measureChatTurns,
  measurePreviewCache,
  startBenchModel,
} from "./model-bench";
import { measureClaimRace, measureEscalationLatency, measureInProcessFanout, measureSseMemory } from "./realtime-bench";
import { formatRealtimeReport } from "./realtime-report";
import { formatRlsCost, measureRlsCost } from "./rls-cost";
import { LOAD_SESSIONS, seedLoad } from "./seed-load";
import { formatTable, percentile, type Row } from "./stats";
import { onCleanup, runBench } from "./bench-process";

const root = path.resolve(__dirname, "..", "..");
const resultsFile = path.join(root, ".data", "bench-results.txt");
const BENCH_AUTH_SECRET = "flowpilot-bench-secret-not-for-production";
const CONNECTIONS = 10;
const SECONDS = 10;
const WARMUP_SECONDS = 3;
const IN_PROCESS_CALLS = 500;
/** What the app sends the fake model; never a real key. */
const BENCH_MODEL_KEY = "bench-fake-key";

const output: string[] = [];
const report = (line = "") => {
  output.push(line);
  console.log(line);
};

async function main() {
  mkdirSync(path.join(root, ".data"), { recursive: true });
  const port = await findFreePort();
  const appUrl = `http://127.0.0.1:${port}`;

  let started = performance.now();
  const database = await startBenchDatabase(root);
  onCleanup(database.stop);
  console.log(`Database: ${database.where}, migrated in ${seconds(started)}`);

  // lib/env reads these once, on first import: set them before loading any app module.
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    AUTH_SECRET: BENCH_AUTH_SECRET,
    APP_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const { db } = await import("@/lib/db");
  onCleanup(() => db.$disconnect());
  const { seedDemo } = await import("../../prisma/seed");
  const { demoAccount, demoUsers } = await import("../../prisma/seed-data");

  started = performance.now();
  await seedDemo(db);
  const { runInSystemScope, runInTenantScope } = await import("@/lib/tenancy/scope");
  const loaded = await runInSystemScope("seed", () => seedLoad(db));
  // As the tables' owner: the app's role may not analyze them, and a plan without statistics
  // would measure the planner's guesswork.
  await analyzeAsOwner(database.url);
  const seedTime = seconds(started);
  console.log(`Seeded: demo data + ${loaded.sessions} sessions, ${loaded.drafts} drafts, ${loaded.notifications} notifications in ${seedTime}`);

  // The fake Anthropic API on loopback, answering at once; the app reads these at call time.
  const model = await startBenchModel();
  onCleanup(model.close);
  const serverEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(port),
    ANTHROPIC_API_KEY: BENCH_MODEL_KEY,
    ANTHROPIC_BASE_URL: model.url,
  };
  started = performance.now();
  if (buildIfMissing(root, serverEnv)) console.log(`Built the app in ${seconds(started)}`);
  const server = await startAppServer({ root, port, env: serverEnv, logFile: path.join(root, ".data", "bench-next.log") });
  onCleanup(server.stop);

  const { benchSessionCookie } = await import("./bench-session-cookie");
  const cookie = await benchSessionCookie({ id: demoUsers.senior.id, accountId: demoAccount.id }, BENCH_AUTH_SECRET);

  const countsUrl = `${server.url}/api/v1/shell/counts`;
  const meUrl = `${server.url}/api/v1/me`;
  const listUrl = `${server.url}/api/v1/ai-sessions`;
  const searchUrl = `${server.url}/api/v1/ai-sessions?q=northwind`;
  const counts = await expectOk(countsUrl, cookie);
  const me = (await expectOk(meUrl, cookie)) as { email?: string };
  if (me.email !== demoUsers.senior.email) throw new Error(`/api/v1/me answered for ${me.email}, not the senior`);

  if (process.argv.includes("rls")) {
    // `npm run bench -- rls`: only what the second wall costs, for a quick look after a change to it.
    console.log("Row-level security cost: chat turns, /api/v1/me and counts with RLS on and off, interleaved …");
    const rlsCost = await measureRlsCost({ client: { appUrl: server.url, cookie }, databaseUrl: database.url, serverPgid: server.pid, meUrl, countsUrl });
    report(`FlowPilot bench, ${gitRevision()}, ${os.cpus().length} cores`);
    for (const line of formatRlsCost(rlsCost)) report(line);
    return;
  }

  console.log(`Warming up (${WARMUP_SECONDS} s per endpoint) …`);
  for (const url of [countsUrl, meUrl, listUrl, searchUrl]) await measureHttp(url, { cookie, seconds: WARMUP_SECONDS, connections: CONNECTIONS });
  console.log(`Measuring (${CONNECTIONS} connections, ${SECONDS} s per endpoint) …`);
  const countsLoad = await measureHttp(countsUrl, { cookie, seconds: SECONDS, connections: CONNECTIONS });
  const meLoad = await measureHttp(meUrl, { cookie, seconds: SECONDS, connections: CONNECTIONS });
  const listLoad = await measureHttp(listUrl, { cookie, seconds: SECONDS, connections: CONNECTIONS });
  const searchLoad = await measureHttp(searchUrl, { cookie, seconds: SECONDS, connections: CONNECTIONS });
  for (const [name, load] of [["counts", countsLoad], ["me", meLoad], ["sessions", listLoad], ["sessions search", searchLoad]] as const) {
    if (load.non2xx || load.errors) throw new Error(`${name}: ${load.non2xx} non-2xx answers, ${load.errors} errors`);
  }

  const { getSidebarCounts } = await import("@/lib/shell/sidebar-counts");
  const senior = demoUsers.senior;
  const viewer = { userId: senior.id, accountId: demoAccount.id, role: senior.role, email: senior.email, name: senior.name };
  // As a request runs it: in the viewer's data scope.
  const countsOnce = () => runInTenantScope(viewer.accountId, () => getSidebarCounts(viewer));
  for (let i = 0; i < 50; i += 1) await countsOnce();
  const samples: number[] = [];
  for (let i = 0; i < IN_PROCESS_CALLS; i += 1) {
    const callStarted = performance.now();
    await countsOnce();
    samples.push(performance.now() - callStarted);
  }

  console.log(`Lists in-process: ${LIST_CALLS} sequential calls per case …`);
  const listRows = await measureLists();

  const client = { appUrl: server.url, cookie };
  console.log(`Chat turns: ${CHAT_WARMUP} warm-up + ${CHAT_TURNS} measured over ${CHAT_SESSIONS} sessions, sequential …`);
  const chat = await measureChatTurns(client, model);
  console.log(`Preview: ${PREVIEW_WARMUP} warm-up + ${PREVIEW_CALLS} measured miss/hit pairs, sequential …`);
  const previews = await measurePreviewCache(client, model, chat.sessionIds[0]!);
  console.log("Row-level security cost: chat turns, /api/v1/me and counts with RLS on and off, interleaved …");
  const rlsCost = await measureRlsCost({ client, databaseUrl: database.url, serverPgid: server.pid, meUrl, countsUrl });

  console.log("Real-time: escalation latency (500 SSE subscribers), memory (2,000 connections), claim race (50), in-process fan-out (2,000) …");
  const realtimeContext = {
    appUrl: server.url,
    serverPgid: server.pid,
    db,
    cookieFor: (userId: string) => benchSessionCookie({ id: userId, accountId: demoAccount.id }, BENCH_AUTH_SECRET),
  };
  const realtime = {
    latency: await measureEscalationLatency(realtimeContext),
    memory: await measureSseMemory(realtimeContext),
    // Last: it adds 50 engineers to the demo account, who would receive every later escalation.
    claim: await measureClaimRace(realtimeContext),
    fanout: await measureInProcessFanout(),
  };

  const rows: Row[] = [
    { name: "GET /api/v1/shell/counts", requestsPerSecond: countsLoad.requestsPerSecond, p50: countsLoad.p50, p99: countsLoad.p99 },
    { name: "GET /api/v1/me", requestsPerSecond: meLoad.requestsPerSecond, p50: meLoad.p50, p99: meLoad.p99 },
    { name: "GET /api/v1/ai-sessions (senior, page 1)", requestsPerSecond: listLoad.requestsPerSecond, p50: listLoad.p50, p99: listLoad.p99 },
    { name: "GET /api/v1/ai-sessions?q=northwind", requestsPerSecond: searchLoad.requestsPerSecond, p50: searchLoad.p50, p99: searchLoad.p99 },
    { name: `getSidebarCounts() in-process (${IN_PROCESS_CALLS} sequential)`, p50: percentile(samples, 50), p99: percentile(samples, 99) },
  ];
  const cpus = os.cpus();
  report(`FlowPilot bench — ${new Date().toISOString()} — ${gitRevision()}`);
  report(
    `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `load ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}, Node ${process.version}. Shared and noisy: ` +
      "compare medians and ratios between runs on the same machine, not absolute times.",
  );
  report(`Data: ${database.where}; ${LOAD_SESSIONS} load sessions + demo seed, seeded in ${seedTime}.`);
  report(`Senior's counts: ${JSON.stringify(counts)}`);
  report(`HTTP: autocannon, ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s warm-up, 127.0.0.1, next start (production).`);
  report(
    `Requests: counts ${countsLoad.requests}, me ${meLoad.requests}, sessions ${listLoad.requests}, sessions search ${searchLoad.requests}. ` +
      "autocannon latencies have 1 ms resolution.",
  );
  report();
  report(formatTable(rows));
  report();
  report(`Ratio counts p50 / me p50 (HTTP): ${(countsLoad.p50 / meLoad.p50).toFixed(2)}`);
  report(`Ratio sessions page 1 p50 / me p50 (HTTP): ${(listLoad.p50 / meLoad.p50).toFixed(2)}; search / page 1: ${(searchLoad.p50 / listLoad.p50).toFixed(2)}`);
  report();
  report(`Lists in-process (one find of 25 + one count each, ${LIST_CALLS} sequential calls per row):`);
  report(formatTable(listRows));
  report();
  report(
    `Model-backed: the app talks to a fake Anthropic API on 127.0.0.1 answering at once (zero delay), ` +
      `one request at a time (fetch, timed to the last byte), as the senior on sessions the bench created through the API.`,
  );
  report(
    formatTable([
      { name: `POST …/resolution-note/preview miss (refresh: true, ${previews.miss.samples})`, ...previews.miss },
      { name: `POST …/resolution-note/preview hit (from_cache: true, ${previews.hit.samples})`, ...previews.hit },
      { name: `POST …/turns, streamed to the end (${chat.samples} sequential)`, ...chat },
    ]),
  );
  report();
  report(
    `Preview ratio miss / hit: p50 ${(previews.miss.p50 / previews.hit.p50).toFixed(2)}, p99 ${(previews.miss.p99 / previews.hit.p99).toFixed(2)} ` +
      `(model calls: ${previews.missModelCalls} for ${previews.miss.samples} misses, ${previews.hitModelCalls} for ${previews.hit.samples} hits; ` +
      `session at state_version ${previews.stateVersion}, after its chat turns).`,
  );
  report(
    `Chat turn: server time excluding model time, since the model is a local fake with zero delay (what remains is the app, ` +
      `its database work and loopback). ${chat.modelCalls} model calls for ${chat.samples} turns; replies carry ` +
      `[QUESTIONS]/[ACTIONS]/[PROMOTE]/[SUGGEST_FIX] blocks, ${chat.deltasPerTurn.toFixed(0)} prose deltas per turn; ` +
      `${CHAT_SESSIONS} sessions grow to ${chat.exchangesPerSession} exchanges each.`,
  );
  report();
  for (const line of formatRlsCost(rlsCost)) report(line);
  report();
  report("Real-time (F4, F6): SSE clients over loopback, the app as above, in-process bus (REDIS_URL unset).");
  for (const line of formatRealtimeReport(realtime)) report(line);
  writeFileSync(resultsFile, `${output.join("\n")}\n`);
  console.log(`\nWritten to ${path.relative(root, resultsFile)}`);
}

async function expectOk(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function gitRevision(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim();
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return "unknown revision";
  }
}

runBench(main);
