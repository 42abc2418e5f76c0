/**
 * The model-backed figures of `npm run bench`, against the running app and the fake Anthropic API
 * (tests/fakes/anthropic.ts) answering at once on loopback:
 * - the resolution-note preview served from the preview cache (hit) vs regenerated (miss);
 * - a streamed chat turn, start to last byte, which with a zero-delay local model is the server's
 *   own time (plus loopback and the fake's few microseconds).
 * Sequential requests, one at a time, so every model call counted belongs to the request measured.
 */
import { startFakeAnthropic, type FakeAnthropic, type MessagesBody } from "../../tests/fakes/anthropic";
import { timing, type Timing } from "./stats";

export const PREVIEW_CALLS = 100;
export const PREVIEW_WARMUP = 10;
export const CHAT_TURNS = 200;
export const CHAT_WARMUP = 10;
export const CHAT_SESSIONS = 5;

/** What the model writes for a document preview (the four resolution-note sections). */
const NOTE = [
  "## Problem",
  "Users on the second floor could not print to the shared HP LaserJet; jobs sat in the queue.",
  "## What we confirmed",
  "- The Print Spooler service on PRINT01 had stopped after the overnight patch reboot.",
  "- Other printers on the same server worked once the spooler was running.",
  "## Root cause",
  "The spooler crashed on a corrupt job left in C:\\Windows\\System32\\spool\\PRINTERS.",
  "## Resolution",
  "Cleared the stuck job, restarted the spooler and printed a test page from two workstations.",
].join("\n");

const block = (name: string, json: unknown) => `[${name}]\n${JSON.stringify(json)}\n[/${name}]`;

/** A realistic chat reply: prose first, then each kind of marker block. Varies with `turn`. */
export function chatReply(turn: number): string {
  return [
    "That pattern usually means the spooler is stuck rather than the printer being offline. Before",
    "we change anything, let's confirm what the server sees, so we fix the cause and not a symptom.",
    "",
    "Run the first check on PRINT01 and tell me what it prints. If the service is stopped, the",
    "suggested fix below restarts it after clearing the stuck jobs.",
    block("QUESTIONS", [{ text: "Did printing work before last night's patch window?" }, { text: `Which users are affected (check ${turn})?` }]),
    block("ACTIONS", [
      { label: "Check the Print Spooler service", command: "Get-Service -ComputerName PRINT01 Spooler" },
      { label: "List stuck jobs", command: "Get-PrintJob -ComputerName PRINT01 -PrinterName 'HP LaserJet 2F'" },
    ]),
    block("PROMOTE", [{ text: `Printing fails for every user on floor two (observation ${turn}).` }]),
    block("SUGGEST_FIX", {
      title: "Clear the queue and restart the spooler",
      description: "Stop the spooler, delete the stuck spool files, start it again.",
      confidence: 70 + (turn % 20),
      script: "Stop-Service Spooler\nRemove-Item C:\\Windows\\System32\\spool\\PRINTERS\\* -Force\nStart-Service Spooler",
    }),
  ].join("\n");
}

/**
 * The fake on a free loopback port, answering at once: streamed requests (chat turns) get a
 * chat reply, others (documents) the note.
 */
export async function startBenchModel(): Promise<FakeAnthropic> {
  const fake = await startFakeAnthropic();
  let turn = 0;
  fake.setResponder((body: MessagesBody) => (body.stream ? { text: chatReply((turn += 1)) } : { text: NOTE }));
  return fake;
}

export type Client = { appUrl: string; cookie: string };

async function postJson(client: Client, path: string, body: unknown): Promise<Response> {
  return fetch(`${client.appUrl}${path}`, {
    method: "POST",
    headers: { cookie: client.cookie, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
}

/** Creates a session owned by the signed-in user through the API. */
export async function createBenchSession(client: Client, title: string): Promise<string> {
  const response = await postJson(client, "/api/v1/ai-sessions", { title, company_name: "Northwind Dental" });
  if (response.status !== 201) throw new Error(`POST /api/v1/ai-sessions answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

type TurnOutcome = { ms: number; lastEvent: string; deltas: number };

/** One chat turn, timed from the request to the last byte of the streamed answer. */
export async function chatTurn(client: Client, sessionId: string, message: string): Promise<TurnOutcome> {
  const started = performance.now();
  const response = await postJson(client, `/api/v1/ai-sessions/${sessionId}/turns`, { message });
  if (!response.ok || !response.body) throw new Error(`chat turn answered ${response.status}: ${await response.text()}`);
  const decoder = new TextDecoder();
  let text = "";
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value, { stream: true });
  text += decoder.decode();
  const ms = performance.now() - started;
  const events = [...text.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]!);
  return { ms, lastEvent: events.at(-1) ?? "(none)", deltas: events.filter((event) => event === "delta").length };
}

export type ChatResult = Timing & { sessionIds: string[]; modelCalls: number; deltasPerTurn: number; exchangesPerSession: number };

/**
 * CHAT_TURNS sequential turns round-robin over CHAT_SESSIONS new sessions (so each history grows
 * to CHAT_TURNS / CHAT_SESSIONS exchanges), after CHAT_WARMUP unmeasured turns on another session.
 * Every turn must end with `done` after exactly one model call.
 */
export async function measureChatTurns(client: Client, fake: FakeAnthropic): Promise<ChatResult> {
  const warmup = await createBenchSession(client, "Bench warm-up: printer queue stuck");
  for (let i = 0; i < CHAT_WARMUP; i += 1) await chatTurn(client, warmup, `Warm-up message ${i}: nobody on floor two can print.`);

  const sessions: string[] = [];
  for (let i = 0; i < CHAT_SESSIONS; i += 1) sessions.push(await createBenchSession(client, `Bench chat ${i + 1}: printer queue stuck`));
  const samples: number[] = [];
  let deltas = 0;
  const callsBefore = fake.requests.length;
  for (let i = 0; i < CHAT_TURNS; i += 1) {
    const before = fake.requests.length;
    const outcome = await chatTurn(client, sessions[i % sessions.length]!, `Turn ${i + 1}: the jobs still sit in the queue; what next?`);
    if (outcome.lastEvent !== "done") throw new Error(`chat turn ${i + 1} ended with "${outcome.lastEvent}", not "done"`);
    if (fake.requests.length - before !== 1) throw new Error(`chat turn ${i + 1} made ${fake.requests.length - before} model calls, not 1`);
    samples.push(outcome.ms);
    deltas += outcome.deltas;
  }
  return {
    ...timing(samples),
    sessionIds: sessions,
    modelCalls: fake.requests.length - callsBefore,
    deltasPerTurn: deltas / CHAT_TURNS,
    exchangesPerSession: CHAT_TURNS / CHAT_SESSIONS,
  };
}

type Preview = { from_cache: boolean; ai_generated: boolean; state_version: number; markdown: string };

async function preview(client: Client, sessionId: string, refresh: boolean): Promise<{ ms: number; body: Preview }> {
  const started = performance.now();
  const response = await postJson(client, `/api/v1/ai-sessions/${sessionId}/resolution-note/preview`, refresh ? { refresh: true } : {});
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`preview answered ${response.status}: ${text}`);
  return { ms, body: JSON.parse(text) as Preview };
}

/**
 * The floor of one request at a time through the same client: PREVIEW_CALLS sequential GETs of
 * the live route (no I/O), after PREVIEW_WARMUP, timed as the previews are.
 */
export async function measureSequentialFloor(client: Client): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < PREVIEW_WARMUP + PREVIEW_CALLS; i += 1) {
    const started = performance.now();
    const response = await fetch(`${client.appUrl}/api/health/live`, { headers: { accept: "application/json" } });
    await response.text();
    if (!response.ok) throw new Error(`GET /api/health/live answered ${response.status}`);
    if (i >= PREVIEW_WARMUP) samples.push(performance.now() - started);
  }
  return timing(samples);
}

export type PreviewResult = { miss: Timing; hit: Timing; missModelCalls: number; hitModelCalls: number; stateVersion: number };

/**
 * Misses (`refresh: true`, always regenerated) and hits (no change since the last preview)
 * alternate, PREVIEW_CALLS of each after PREVIEW_WARMUP pairs, on one session. Each miss must say
 * from_cache false and make one model call; each hit must say from_cache true and make none.
 */
export async function measurePreviewCache(client: Client, fake: FakeAnthropic, sessionId: string): Promise<PreviewResult> {
  const miss: number[] = [];
  const hit: number[] = [];
  let missModelCalls = 0;
  let hitModelCalls = 0;
  let stateVersion = -1;
  for (let i = 0; i < PREVIEW_WARMUP + PREVIEW_CALLS; i += 1) {
    const measured = i >= PREVIEW_WARMUP;
    for (const refresh of [true, false]) {
      const before = fake.requests.length;
      const { ms, body } = await preview(client, sessionId, refresh);
      const calls = fake.requests.length - before;
      if (!body.ai_generated) throw new Error("the preview fell back to the deterministic draft: the app did not reach the fake model");
      if (body.from_cache === refresh) throw new Error(`a ${refresh ? "refresh" : "repeat"} preview answered from_cache: ${body.from_cache}`);
      if (refresh && calls !== 1) throw new Error(`a refreshed preview made ${calls} model calls, not 1`);
      if (!refresh && calls !== 0) throw new Error(`a cached preview made ${calls} model calls, not 0`);
      stateVersion = body.state_version;
      if (!measured) continue;
      (refresh ? miss : hit).push(ms);
      if (refresh) missModelCalls += calls;
      else hitModelCalls += calls;
    }
  }
  return { miss: timing(miss), hit: timing(hit), missModelCalls, hitModelCalls, stateVersion };
}
