/**
 * `npm run bench [-- <part> …] [-- --label <text>]`: the performance instrument. Starts its own
 * database (DATABASE_URL's server, else an embedded PostgreSQL), fake model (zero delay) and
 * production server, loads a tenant with 10,000 sessions, measures over loopback only, prints
 * medians and ratios to the live route from the same run (never pass/fail: the machine is 2
 * shared cores), and stops everything it started, also on Ctrl-C.
 *
 * Parts (all when none is named; `npm run bench -- http micro` runs two):
 *   http      live route (the floor), /api/v1/me, counts, the session list at c=50; the pages at c=10 with TTFB
 *   lists     sidebar counts and the lists in-process (no HTTP)
 *   model     preview cache hit vs miss, chat turn server time
 *   rls       row-level security on vs off (alone: only this)
 *   micro     one user-row read: Prisma model query vs $queryRaw vs queryRows vs bare pg, CPU per query
 *   queries   statements per request on the hot routes, counted on the wire
 *   realtime  escalate → handoff_created (500 subscribers, commit → client), 10,000 SSE streams and
 *             fan-out to a 200-engineer tenant, claim race (50), in-process fan-out (2,000)
 *   twoproc   two app processes over Redis (REDIS_URL, default redis://127.0.0.1:6379): the cross-process hop
 * Writes .data/bench-results.txt; a full run also appends a dated section to docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../lib/embedded-database";
import { buildIfMissing, startAppServer, withAppServerOnFreePort, type AppServer } from "./app-server";
import { vacuumAnalyzeAsOwner, startBenchDatabase } from "./bench-database";
import { appendBenchmarkSection, benchmarkSection } from "./benchmarks-doc";
import { onCleanup, runBench } from "./bench-process";
import { createReport, describeMachine, gitRevision, parseBenchArgs, seconds, type Part } from "./run-support";
import { startCommitClock } from "./commit-clock";
import { evaluateGoals, formatGoals, type GoalFigures } from "./goals";
import { API_CONNECTIONS, measureHttpPart, PAGE_CONNECTIONS, SECONDS, WARMUP_SECONDS } from "./http-bench";
import { LIST_CALLS, measureLists } from "./list-bench";
import { CHAT_SESSIONS, CHAT_TURNS, CHAT_WARMUP, PREVIEW_CALLS, PREVIEW_WARMUP, measureChatTurns, measurePreviewCache, measureSequentialFloor, startBenchModel } from "./model-bench";
import { formatQueryCost, measureQueryCost } from "./query-cost";
import { measureInProcessFanout } from "./in-process-fanout";
import { measureClaimRace } from "./claim-race-bench";
import { measureEscalationLatency, measureSseCrowd, type RealtimeBenchContext } from "./realtime-bench";
import { formatRealtimeReport, type RealtimeResults } from "./realtime-report";
import { formatRlsCost, measureRlsCost } from "./rls-cost";
import { LOAD_SESSIONS, seedLoad } from "./seed-load";
import { startStatementCounter } from "./statement-counter";
import { formatStatements, measureStatementsPerRequest } from "./statements-per-request";
import { formatTable, percentile, type Row } from "./stats";
import { measureTwoProcesses } from "./two-process-bench";

const root = path.resolve(__dirname, "..", "..");
const resultsFile = path.join(root, ".data", "bench-results.txt");
const statementsFile = path.join(root, ".data", "bench-statements.txt");
const benchmarksDoc = path.join(root, "docs", "benchmarks.md");
const BENCH_AUTH_SECRET = "flowpilot-bench-secret-not-for-production";
const IN_PROCESS_CALLS = 500;
/** What the app sends the fake model; never a real key. */
const BENCH_MODEL_KEY = "bench-fake-key";

const { lines: output, report, orReport } = createReport();

async function main() {
  const started = performance.now();
  const { parts, full, label } = parseBenchArgs(process.argv.slice(2));
  mkdirSync(path.join(root, ".data"), { recursive: true });
  const port = await findFreePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

  let step = performance.now();
  const database = await startBenchDatabase(root);
  onCleanup(database.stop);
  console.log(`Database: ${database.where}, migrated in ${seconds(step)}`);

  // lib/env reads these once, on first import: set them before loading any app module. The bench's
  // own app processes get REDIS_URL only in the two-process part.
  delete process.env.REDIS_URL;
  Object.assign(process.env, { DATABASE_URL: database.url, AUTH_SECRET: BENCH_AUTH_SECRET, APP_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" });
  const { db } = await import("@/lib/db");
  onCleanup(() => db.$disconnect());
  const { seedDemo } = await import("../../prisma/seed");
  const { demoAccount, demoUsers } = await import("../../prisma/seed-data");

  step = performance.now();
  await seedDemo(db);
  const { runInSystemScope, runInTenantScope } = await import("@/lib/tenancy/scope");
  const loaded = await runInSystemScope("seed", () => seedLoad(db));
  // As the tables' owner: the app's role may not vacuum or analyze them, and a plan without statistics
  // would measure the planner's guesswork.
  await vacuumAnalyzeAsOwner(database.url);
  const seedTime = seconds(step);
  console.log(`Seeded: demo data + ${loaded.sessions} sessions, ${loaded.drafts} drafts, ${loaded.notifications} notifications in ${seedTime}`);

  const model = await startBenchModel();
  onCleanup(model.close);
  const serverEnv = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(port),
    ANTHROPIC_API_KEY: BENCH_MODEL_KEY,
    ANTHROPIC_BASE_URL: model.url,
  };
  step = performance.now();
  if (buildIfMissing(root, serverEnv)) console.log(`Built the app in ${seconds(step)}`);
  const { benchSessionCookie } = await import("./bench-session-cookie");
  const cookieFor = (userId: string) => benchSessionCookie({ id: userId, accountId: demoAccount.id }, BENCH_AUTH_SECRET);
  const senior = demoUsers.senior;
  const cookie = await cookieFor(senior.id);
  const needsServer = ["http", "model", "rls", "realtime"].some((part) => parts.has(part as Part));
  const server = needsServer ? await startAppServer({ root, port, env: serverEnv, logFile: path.join(root, ".data", "bench-next.log") }) : undefined;
  if (server) onCleanup(server.stop);
  /** `measure` against an app process of its own, with `env` over the bench's. */
  const withOwnAppServer = <T>(logName: string, env: Record<string, string>, measure: (own: AppServer) => Promise<T>) =>
    withAppServerOnFreePort({ root, env: { ...serverEnv, ...env }, logFile: path.join(root, ".data", logName) }, measure);

  report(`FlowPilot bench — ${new Date().toISOString()} — ${gitRevision(root)}${full ? "" : ` — parts: ${[...parts].join(", ")}`}`);
  const machine = describeMachine();
  report(machine);
  report("Shared and noisy: compare ratios to the live route from the same run, and runs on the same machine, not absolute times.");
  report(`Data: ${database.where}; ${LOAD_SESSIONS} load sessions + demo seed, seeded in ${seedTime}. Fake model: zero delay, loopback.`);
  report();
  const figures: GoalFigures = {};
  const seniorSession = await runInSystemScope("seed", () =>
    db.aiSession.findFirst({ where: { accountId: demoAccount.id, userId: senior.id, status: "active" }, orderBy: { createdAt: "desc" }, select: { id: true } }),
  );
  if (!seniorSession) throw new Error("the load has no active session of the senior for /pilot/:id");

  if (server && parts.has("http")) {
    console.log(`HTTP: APIs at c=${API_CONNECTIONS}, pages at c=${PAGE_CONNECTIONS}, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s each …`);
    const http = await measureHttpPart({ appUrl: server.url, cookie, seniorEmail: senior.email, sessionOfSenior: seniorSession.id });
    for (const line of http.lines) report(line);
    report();
    Object.assign(figures, http.figures);
  }

  if (parts.has("lists")) {
    const { getSidebarCounts } = await import("@/lib/shell/sidebar-counts");
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
    const listRows: Row[] = [{ name: `getSidebarCounts() (${IN_PROCESS_CALLS} sequential)`, p50: percentile(samples, 50), p99: percentile(samples, 99) }, ...(await measureLists())];
    report(`In-process, in the viewer's data scope (no HTTP; lists are one find of 25 + one count each, ${LIST_CALLS} sequential calls per row):`);
    report(formatTable(listRows));
    report();
  }

  const client = server && { appUrl: server.url, cookie };
  if (client && parts.has("model")) {
    console.log(`Chat turns: ${CHAT_WARMUP} warm-up + ${CHAT_TURNS} measured over ${CHAT_SESSIONS} sessions, sequential …`);
    const chat = await measureChatTurns(client, model);
    console.log(`Preview: ${PREVIEW_WARMUP} warm-up + ${PREVIEW_CALLS} measured miss/hit pairs, sequential …`);
    const previews = await measurePreviewCache(client, model, chat.sessionIds[0]!);
    const floor = await measureSequentialFloor(client);
    report("Model-backed: a fake Anthropic API on 127.0.0.1 answering at once, one request at a time (fetch, timed to the last byte), as the senior.");
    report(
      formatTable([
        { name: `GET /api/health/live, the floor (${floor.samples} sequential)`, ...floor },
        { name: `POST …/resolution-note/preview miss (refresh: true, ${previews.miss.samples})`, ...previews.miss },
        { name: `POST …/resolution-note/preview hit (from_cache: true, ${previews.hit.samples})`, ...previews.hit },
        { name: `POST …/turns, streamed to the end (${chat.samples} sequential)`, ...chat },
      ]),
    );
    report(
      `Preview ratio miss / hit: p50 ${(previews.miss.p50 / previews.hit.p50).toFixed(2)}, hit / floor: p50 ${(previews.hit.p50 / floor.p50).toFixed(2)} (model calls: ${previews.missModelCalls} for ${previews.miss.samples} misses, ` +
        `${previews.hitModelCalls} for ${previews.hit.samples} hits; state_version ${previews.stateVersion}). Chat turn: server time excluding the model ` +
        `(a zero-delay local fake), ${chat.modelCalls} model calls for ${chat.samples} turns, ${chat.deltasPerTurn.toFixed(0)} deltas per turn, ${CHAT_SESSIONS} sessions of ${chat.exchangesPerSession} exchanges.`,
    );
    report();
    figures.previewHitP50 = previews.hit.p50;
    figures.sequentialFloorP50 = floor.p50;
    figures.chatTurnP50 = chat.p50;
  }

  if (server && client && parts.has("rls")) {
    console.log("Row-level security cost: chat turns, /api/v1/me and counts with RLS on and off, interleaved …");
    const rlsCost = await measureRlsCost({ client, databaseUrl: database.url, serverPgid: server.pid, meUrl: `${server.url}/api/v1/me`, countsUrl: `${server.url}/api/v1/shell/counts` });
    for (const line of formatRlsCost(rlsCost)) report(line);
    report();
  }

  if (parts.has("micro")) {
    console.log("Query cost: 4 × 2,000 sequential reads of the viewer's row …");
    for (const line of formatQueryCost(await measureQueryCost(database.url, { userId: senior.id, accountId: demoAccount.id }))) report(line);
    report();
  }

  const commitClock = parts.has("realtime") || parts.has("twoproc") ? await startCommitClock(database.url) : undefined;
  if (commitClock) onCleanup(commitClock.close);
  const realtime: RealtimeResults = {};
  const realtimeContext: RealtimeBenchContext | undefined = server && { appUrl: server.url, serverPgid: server.pid, db, cookieFor, authSecret: BENCH_AUTH_SECRET };
  if (realtimeContext && commitClock && parts.has("realtime")) {
    console.log("Real-time: escalate → handoff_created with 500 SSE subscribers …");
    realtime.latency = await measureEscalationLatency(realtimeContext, commitClock);
    figures.escalation = { commitToClientP99: realtime.latency.groups[0]!.fromCommit.p99, postP50: realtime.latency.request.p50 };
    // On a process of its own: in the shared one, garbage the earlier parts left could be collected
    // while the streams open and hide what they cost (one run read "+2 MiB for 10,000").
    console.log("Real-time: 10,000 SSE streams open on an app process of their own, fan-out to a 200-engineer tenant …");
    realtime.crowd = await orReport("SSE crowd (10,000 streams)", () =>
      withOwnAppServer("bench-next-crowd.log", {}, (own) => measureSseCrowd({ ...realtimeContext, appUrl: own.url, serverPgid: own.pid }, commitClock)),
    );
    if (realtime.crowd) figures.sse = { connections: realtime.crowd.connections, extraMiB: realtime.crowd.openMiB - realtime.crowd.beforeMiB, fanoutP99: realtime.crowd.fanout.groups[0]!.fromCommit.p99 };
  }
  if (commitClock && parts.has("twoproc")) {
    console.log(`Two processes over Redis (${redisUrl}) …`);
    realtime.twoProcess = await orReport("two processes over Redis", () => measureTwoProcesses({
      root,
      env: serverEnv,
      redisUrl,
      commitClock,
      watcherCookies: () => Promise.all([demoUsers.senior, demoUsers.admin, demoUsers.owner].map((user) => cookieFor(user.id))),
      escalatorCookie: () => cookieFor(demoUsers.junior.id),
    }));
    figures.crossProcessHopP99 = realtime.twoProcess?.hopP99;
  }

  if (parts.has("queries")) {
    console.log("Statements per request: an app process of its own behind a counting proxy …");
    const target = new URL(database.url);
    const counter = await startStatementCounter({ host: target.hostname, port: Number(target.port || 5432) });
    onCleanup(counter.close);
    const countedUrl = new URL(database.url);
    countedUrl.port = String(counter.port);
    await withOwnAppServer("bench-next-counted.log", { DATABASE_URL: countedUrl.toString(), NOTIFICATION_SWEEP_SECONDS: "0" }, async (counted) => {
      const rows = await measureStatementsPerRequest(
        { appUrl: counted.url, senior: cookie, junior: await cookieFor(demoUsers.junior.id), counter, sessionOfSenior: seniorSession.id },
        statementsFile,
      );
      for (const line of formatStatements(rows, path.relative(root, statementsFile))) report(line);
      report();
    });
  }

  if (realtimeContext && parts.has("realtime")) {
    console.log("Real-time: claim race (50 claimers), in-process fan-out (2,000) …");
    // After every escalation figure: it adds 50 engineers to the demo account, who would receive them.
    realtime.claim = await measureClaimRace(realtimeContext);
    figures.claim = { p99: realtime.claim.latency.p99, winnerP50: realtime.claim.winner.p50, rounds: realtime.claim.rounds, exactlyOneWinner: realtime.claim.exactlyOneWinner, liveBurstP99: realtime.claim.liveBurst.p99, refusedBurstP99: realtime.claim.refusedBurst.p99 };
    realtime.fanout = await measureInProcessFanout();
  }
  if (Object.keys(realtime).length) {
    report("Real-time (F4, F6): SSE clients over loopback; the app as above with its in-process bus, except the two-process run.");
    for (const line of formatRealtimeReport(realtime)) report(line);
    report();
  }

  for (const line of formatGoals(evaluateGoals(figures))) report(line);
  report();
  report(`Bench time: ${seconds(started)} (load at the end ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}).`);
  writeFileSync(resultsFile, `${output.join("\n")}\n`);
  console.log(`\nWritten to ${path.relative(root, resultsFile)}`);
  if (full) {
    appendBenchmarkSection(benchmarksDoc, benchmarkSection({ date: new Date(), revision: gitRevision(root), label, machine, report: output.slice(1) }));
    console.log(`Appended to ${path.relative(root, benchmarksDoc)}`);
  }
}

runBench(main);
