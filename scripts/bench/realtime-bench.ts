/**
 * The real-time figures (F4, F6), against the running app unless noted:
 * - escalate → `handoff_created` on SSE, with N subscribers connected, from the start of the
 *   handoff request to each subscriber parsing the event;
 * - memory per open SSE connection (RSS of the app's process group, before/after, divided);
 * - one event fanned out to N in-process subscribers through the bus and the stream machinery
 *   (no HTTP), from publish to the last reader holding the frame;
 * - the claim race: C claimers at once on one escalation, exactly one 200, the rest 409.
 * Medians and ratios only; nothing here passes or fails on a time.
 */
import { execFileSync } from "node:child_process";
import { setMaxListeners } from "node:events";
import type { Db } from "@/lib/db";
import { demoAccount, demoUsers } from "../../prisma/seed-data";
import { openSseConnections } from "./sse-client";
import { percentile } from "./stats";

export type RealtimeBenchContext = {
  appUrl: string;
  /** Process group of the app server (next start and anything it forked). */
  serverPgid: number;
  cookieFor: (userId: string) => Promise<string>;
  db: Db;
};

export const STREAM_PATH = "/api/v1/ai-sessions/escalations/stream";
const watchers = [demoUsers.senior, demoUsers.admin, demoUsers.owner];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export type Timing = { p50: number; p99: number; samples: number };
const timing = (samples: number[]): Timing => ({ p50: percentile(samples, 50), p99: percentile(samples, 99), samples: samples.length });

async function postJson(ctx: RealtimeBenchContext, cookie: string, path: string, body: unknown) {
  return fetch(`${ctx.appUrl}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
}

/** A fresh session of the junior, escalated through the API; returns ids and the request time. */
async function escalateFresh(ctx: RealtimeBenchContext, juniorCookie: string, label: string, onStart?: (sessionId: string) => void) {
  const created = await postJson(ctx, juniorCookie, "/api/v1/ai-sessions", { title: `Bench ${label}` });
  if (created.status !== 201) throw new Error(`Creating a session answered ${created.status}: ${await created.text()}`);
  const sessionId = ((await created.json()) as { id: string }).id;
  onStart?.(sessionId);
  const started = performance.now();
  const handoff = await postJson(ctx, juniorCookie, `/api/v1/ai-sessions/${sessionId}/handoff`, { intent: "escalate", reason: `Bench escalation ${label}` });
  const requestMs = performance.now() - started;
  if (handoff.status !== 201) throw new Error(`Escalating answered ${handoff.status}: ${await handoff.text()}`);
  const handoffId = ((await handoff.json()) as { handoff: { id: string } }).handoff.id;
  return { sessionId, handoffId, started, requestMs };
}

export type LatencyResult = { delivery: Timing; request: Timing; lastSubscriber: Timing; spread: Timing; missing: number; dropped: number };

/** (a) Escalations one at a time while `subscribers` SSE clients (senior, admin, owner) listen. */
export async function measureEscalationLatency(ctx: RealtimeBenchContext, options = { subscribers: 500, escalations: 40, warmup: 5 }): Promise<LatencyResult> {
  const cookies = await Promise.all(watchers.map((user) => ctx.cookieFor(user.id)));
  const juniorCookie = await ctx.cookieFor(demoUsers.junior.id);
  const arrivals = new Map<string, { started?: number; times: number[] }>();
  const connections = await openSseConnections(`${ctx.appUrl}${STREAM_PATH}`, {
    count: options.subscribers,
    cookies,
    onEvent: (_index, event, receivedAt) => {
      if (event.type !== "handoff_created") return;
      const sessionId = (JSON.parse(event.data) as { session_id?: string }).session_id;
      if (sessionId) arrivals.get(sessionId)?.times.push(receivedAt);
    },
  });
  const delivery: number[] = [];
  const request: number[] = [];
  const last: number[] = [];
  const spread: number[] = [];
  let missing = 0;
  try {
    for (let i = 0; i < options.warmup + options.escalations; i += 1) {
      const entry: { started?: number; times: number[] } = { times: [] };
      const result = await escalateFresh(ctx, juniorCookie, `latency ${i}`, (sessionId) => arrivals.set(sessionId, entry));
      entry.started = result.started;
      const deadline = performance.now() + 10_000;
      while (entry.times.length < options.subscribers && performance.now() < deadline) await sleep(5);
      if (i < options.warmup) continue;
      missing += options.subscribers - entry.times.length;
      request.push(result.requestMs);
      const latencies = entry.times.map((time) => time - result.started);
      delivery.push(...latencies);
      if (latencies.length) {
        last.push(Math.max(...latencies));
        spread.push(Math.max(...latencies) - Math.min(...latencies));
      }
    }
  } finally {
    connections.close();
  }
  return { delivery: timing(delivery), request: timing(request), lastSubscriber: timing(last), spread: timing(spread), missing, dropped: connections.dropped() };
}

/** RSS in KiB of every process in group `pgid`. */
export function groupRssKiB(pgid: number): number {
  const lines = execFileSync("ps", ["-eo", "pgid=,rss="], { encoding: "utf8" }).trim().split("\n");
  return lines
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([group]) => group === pgid)
    .reduce((sum, [, rss]) => sum + (rss ?? 0), 0);
}

export type MemoryResult = { connections: number; beforeMiB: number; openMiB: number; afterCloseMiB: number; perConnectionKiB: number; dropped: number };

/** (b) The app's RSS before and with `connections` open SSE streams, per connection. */
export async function measureSseMemory(ctx: RealtimeBenchContext, options = { connections: 2_000 }): Promise<MemoryResult> {
  const cookies = await Promise.all(watchers.map((user) => ctx.cookieFor(user.id)));
  const url = `${ctx.appUrl}${STREAM_PATH}`;
  // Warm the route (compiled, modules loaded, pools opened) so the difference is connections only.
  const warm = await openSseConnections(url, { count: 50, cookies });
  warm.close();
  await sleep(3_000);
  const before = groupRssKiB(ctx.serverPgid);
  const open = await openSseConnections(url, { count: options.connections, cookies, batch: 200 });
  await sleep(3_000);
  const during = groupRssKiB(ctx.serverPgid);
  const dropped = open.dropped();
  open.close();
  await sleep(3_000);
  const after = groupRssKiB(ctx.serverPgid);
  return {
    connections: options.connections,
    beforeMiB: before / 1024,
    openMiB: during / 1024,
    afterCloseMiB: after / 1024,
    perConnectionKiB: (during - before) / options.connections,
    dropped,
  };
}

export type FanoutResult = { subscribers: number; allDelivered: Timing; publishCall: Timing };

/**
 * (c) In this process, no HTTP: `subscribers` escalation streams on one InProcessBus, each read
 * by its own reader loop; one event published; time until every reader holds its frame.
 * Needs DATABASE_URL (each stream's `ready` reads the newest event id).
 */
export async function measureInProcessFanout(options = { subscribers: 2_000, rounds: 30, warmup: 5 }): Promise<FanoutResult> {
  const { InProcessBus } = await import("@/lib/realtime/in-process-bus");
  const { openEscalationStream } = await import("@/lib/realtime/subscriber-stream");
  const { encodeRealtimeEvent } = await import("@/lib/realtime/sse-encoding");
  const bus = new InProcessBus();
  let expected: Uint8Array | undefined;
  let delivered = 0;
  let allDelivered: () => void = () => {};
  const controller = new AbortController();
  setMaxListeners(0, controller.signal); // one abort listener per stream, by design
  const readers = Array.from({ length: options.subscribers }, () =>
    openEscalationStream({ accountId: demoAccount.id, bus, heartbeatSeconds: 3_600, signal: controller.signal }).getReader(),
  );
  let readyCount = 0;
  let allReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (allReady = resolve));
  for (const reader of readers) {
    void (async () => {
      let first = true;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (first) {
          first = false;
          if ((readyCount += 1) === readers.length) allReady();
        } else if (value === expected && (delivered += 1) === readers.length) allDelivered();
      }
    })();
  }
  await ready;
  const all: number[] = [];
  const call: number[] = [];
  for (let round = 0; round < options.warmup + options.rounds; round += 1) {
    const event = { id: String(1_000_000_000 + round), accountId: demoAccount.id, type: "handoff_created" as const, payload: { round }, createdAt: new Date().toISOString() };
    expected = encodeRealtimeEvent(event);
    delivered = 0;
    const done = new Promise<void>((resolve) => (allDelivered = resolve));
    const started = performance.now();
    await bus.publish(event);
    const published = performance.now();
    await done;
    if (round >= options.warmup) {
      all.push(performance.now() - started);
      call.push(published - started);
    }
  }
  controller.abort();
  if (bus.subscriberCount() !== 0) throw new Error(`${bus.subscriberCount()} subscribers left after abort`);
  return { subscribers: options.subscribers, allDelivered: timing(all), publishCall: timing(call) };
}

export type ClaimResult = { claimers: number; rounds: number; exactlyOneWinner: number; latency: Timing; winner: Timing; statuses: Record<number, number> };

/** (d) `claimers` distinct engineers claim one fresh escalation at once, `rounds` times. */
export async function measureClaimRace(ctx: RealtimeBenchContext, options = { claimers: 50, rounds: 10 }): Promise<ClaimResult> {
  const ids = Array.from({ length: options.claimers }, (_, i) => `1c000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`);
  await ctx.db.user.createMany({
    data: ids.map((id, i) => ({ id, accountId: demoAccount.id, email: `claimer${i}@demo-msp.test`, name: `Claimer ${i}`, role: "engineer" as const })),
    skipDuplicates: true,
  });
  const cookies = await Promise.all(ids.map((id) => ctx.cookieFor(id)));
  const juniorCookie = await ctx.cookieFor(demoUsers.junior.id);
  const latency: number[] = [];
  const winner: number[] = [];
  const statuses: Record<number, number> = {};
  let exactlyOneWinner = 0;
  for (let round = 0; round < options.rounds; round += 1) {
    const { sessionId, handoffId } = await escalateFresh(ctx, juniorCookie, `claim ${round}`);
    const path = `/api/v1/ai-sessions/${sessionId}/handoffs/${handoffId}/claim`;
    const results = await Promise.all(
      cookies.map(async (cookie) => {
        const started = performance.now();
        const response = await postJson(ctx, cookie, path, {});
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - started };
      }),
    );
    for (const result of results) {
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      latency.push(result.ms);
      if (result.status === 200) winner.push(result.ms);
    }
    const wins = results.filter((r) => r.status === 200).length;
    const conflicts = results.filter((r) => r.status === 409).length;
    if (wins === 1 && conflicts === options.claimers - 1) exactlyOneWinner += 1;
  }
  return { claimers: options.claimers, rounds: options.rounds, exactlyOneWinner, latency: timing(latency), winner: timing(winner), statuses };
}
