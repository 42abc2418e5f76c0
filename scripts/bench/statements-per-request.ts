/**
 * Statements per request on the hot routes, counted on the wire (statement-counter.ts) for an app
 * process of its own whose only database connection is through the counting proxy. Requests run
 * one at a time with nothing else talking to that process (the outbox sweeper off), so every
 * statement between a request's start and its last byte is that request's; what follows in the
 * next moments (work it left running: deliveries, audit) is counted apart.
 */
import { writeFileSync } from "node:fs";
import { chatTurn, createBenchSession, type Client } from "./model-bench";
import type { StatementCounter, StatementTally } from "./statement-counter";

const REPEATS = 8;
const WARMUP = 2;
const SETTLE_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type StatementRow = { route: string; data: number; control: number; after: number; texts: string[] };

type Context = { appUrl: string; senior: string; junior: string; counter: StatementCounter; sessionOfSenior: string };

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response;
}

const post = (appUrl: string, cookie: string, path: string, body: unknown) =>
  fetch(`${appUrl}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });

async function escalatedSession(ctx: Context, label: string) {
  const created = await expectStatus(await post(ctx.appUrl, ctx.junior, "/api/v1/ai-sessions", { title: `Statements ${label}` }), 201, "creating a session");
  const sessionId = ((await created.json()) as { id: string }).id;
  const handoff = await expectStatus(await post(ctx.appUrl, ctx.junior, `/api/v1/ai-sessions/${sessionId}/handoff`, { intent: "escalate", reason: "Statements bench" }), 201, "escalating");
  return { sessionId, handoffId: ((await handoff.json()) as { handoff: { id: string } }).handoff.id };
}

type Case = { route: string; prepare?: (rep: number) => Promise<() => Promise<void>>; call?: () => Promise<void> };

export async function measureStatementsPerRequest(ctx: Context, statementsFile: string): Promise<StatementRow[]> {
  const get = (path: string, accept = "application/json") => async () => {
    const response = await expectStatus(await fetch(`${ctx.appUrl}${path}`, { headers: { cookie: ctx.senior, accept } }), 200, `GET ${path}`);
    await response.arrayBuffer();
  };
  const seniorClient: Client = { appUrl: ctx.appUrl, cookie: ctx.senior };
  const chatSession = await createBenchSession(seniorClient, "Statements: chat turns");
  const previewSession = await createBenchSession(seniorClient, "Statements: preview");
  await chatTurn(seniorClient, previewSession, "The print queue is stuck on floor two.");
  const preview = (refresh: boolean) => async () => {
    const response = await expectStatus(await post(ctx.appUrl, ctx.senior, `/api/v1/ai-sessions/${previewSession}/resolution-note/preview`, refresh ? { refresh: true } : {}), 200, "preview");
    const body = (await response.json()) as { from_cache: boolean };
    if (body.from_cache === refresh) throw new Error(`a ${refresh ? "refreshed" : "repeated"} preview answered from_cache ${body.from_cache}`);
  };
  await preview(true)();

  const cases: Case[] = [
    { route: "GET /api/v1/me", call: get("/api/v1/me") },
    { route: "GET /api/v1/shell/counts", call: get("/api/v1/shell/counts") },
    { route: "GET /pilot (page)", call: get("/pilot", "text/html") },
    { route: "GET /escalations (page)", call: get("/escalations", "text/html") },
    { route: "GET /pilot/:id (page)", call: get(`/pilot/${ctx.sessionOfSenior}`, "text/html") },
    {
      route: "POST …/handoff (escalate)",
      prepare: async (rep) => {
        const created = await expectStatus(await post(ctx.appUrl, ctx.junior, "/api/v1/ai-sessions", { title: `Statements escalate ${rep}` }), 201, "creating a session");
        const sessionId = ((await created.json()) as { id: string }).id;
        return async () => {
          await (await expectStatus(await post(ctx.appUrl, ctx.junior, `/api/v1/ai-sessions/${sessionId}/handoff`, { intent: "escalate", reason: "Statements bench" }), 201, "escalating")).arrayBuffer();
        };
      },
    },
    {
      route: "POST …/claim (uncontended)",
      prepare: async (rep) => {
        const { sessionId, handoffId } = await escalatedSession(ctx, `claim ${rep}`);
        return async () => {
          await (await expectStatus(await post(ctx.appUrl, ctx.senior, `/api/v1/ai-sessions/${sessionId}/handoffs/${handoffId}/claim`, {}), 200, "claiming")).arrayBuffer();
        };
      },
    },
    {
      route: "POST …/turns (chat turn, streamed to the end)",
      call: async () => {
        const outcome = await chatTurn(seniorClient, chatSession, "Still stuck; what next?");
        if (outcome.lastEvent !== "done") throw new Error(`chat turn ended with ${outcome.lastEvent}`);
      },
    },
    { route: "POST …/resolution-note/preview (hit)", call: preview(false) },
  ];

  const rows: StatementRow[] = [];
  const log: string[] = [];
  for (const testCase of cases) {
    const during: StatementTally[] = [];
    const after: StatementTally[] = [];
    for (let rep = 0; rep < WARMUP + REPEATS; rep += 1) {
      const call = testCase.prepare ? await testCase.prepare(rep) : testCase.call!;
      await sleep(SETTLE_MS);
      ctx.counter.take();
      await call();
      const counted = ctx.counter.take();
      await sleep(SETTLE_MS);
      const trailing = ctx.counter.take();
      if (rep < WARMUP) continue;
      during.push(counted);
      after.push(trailing);
    }
    const mean = (tallies: StatementTally[], pick: (tally: StatementTally) => number) => tallies.reduce((sum, tally) => sum + pick(tally), 0) / tallies.length;
    const texts = during.at(-1)!.texts;
    rows.push({ route: testCase.route, data: mean(during, (t) => t.data), control: mean(during, (t) => t.control), after: mean(after, (t) => t.data), texts });
    log.push(`## ${testCase.route}: the data statements of one request`, ...texts.map((text, i) => `${i + 1}. ${text.replace(/\s+/g, " ").slice(0, 400)}`), "");
  }
  writeFileSync(statementsFile, `${log.join("\n")}\n`);
  return rows;
}

export function formatStatements(rows: readonly StatementRow[], statementsFile: string): string[] {
  const width = Math.max(...rows.map((row) => row.route.length));
  return [
    `Statements per request, counted on the wire between the app and PostgreSQL (every layer: Prisma, $queryRaw, queryRows), mean of ${REPEATS} sequential requests; ` +
      `"control" is BEGIN/COMMIT and the data-scope set_config; "after" is what the request left running in the next ${SETTLE_MS} ms. The statements: ${statementsFile}.`,
    `  ${"route".padEnd(width)}  data  control  after`,
    ...rows.map((row) => `  ${row.route.padEnd(width)}  ${row.data.toFixed(1).padStart(4)}  ${row.control.toFixed(1).padStart(7)}  ${row.after.toFixed(1).padStart(5)}`),
  ];
}
