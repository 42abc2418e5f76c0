/**
 * The real-time figures (F4), against the running app unless noted:
 * - escalate → `handoff_created` on SSE, with N subscribers connected, from the start of the
 *   handoff request to each subscriber parsing the event;
 * - memory per open SSE connection (RSS of the app's process group, before/after, divided).
 * Medians and ratios only; nothing here passes or fails on a time.
 */
import { execFileSync } from "node:child_process";
import type { Db } from "@/lib/db";
import { demoUsers } from "../../prisma/seed-data";
import { wallMs, type CommitClock } from "./commit-clock";
import { openSseConnections } from "./sse-client";
import { timing, type Timing } from "./stats";

export type RealtimeBenchContext = {
  appUrl: string;
  /** Process group of the app server (server.ts and anything it forked). */
  serverPgid: number;
  /** A session cookie of a demo-tenant user. */
  cookieFor: (userId: string) => Promise<string>;
  /** The secret the app signs cookies with (for users of other tenants). */
  authSecret: string;
  db: Db;
};

export const STREAM_PATH = "/api/v1/ai-sessions/escalations/stream";
const watchers = [demoUsers.senior, demoUsers.admin, demoUsers.owner];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function postJson(appUrl: string, cookie: string, path: string, body: unknown) {
  return fetch(`${appUrl}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
}

/** A fresh session of the escalating engineer, escalated through the API on `appUrl`; returns ids and the request time. */
export async function escalateFresh(appUrl: string, escalatorCookie: string, label: string, onStart?: (sessionId: string) => void) {
  const created = await postJson(appUrl, escalatorCookie, "/api/v1/ai-sessions", { title: `Bench ${label}` });
  if (created.status !== 201) throw new Error(`Creating a session answered ${created.status}: ${await created.text()}`);
  const sessionId = ((await created.json()) as { id: string }).id;
  onStart?.(sessionId);
  const started = performance.now();
  const handoff = await postJson(appUrl, escalatorCookie, `/api/v1/ai-sessions/${sessionId}/handoff`, { intent: "escalate", reason: `Bench escalation ${label}` });
  const requestMs = performance.now() - started;
  if (handoff.status !== 201) throw new Error(`Escalating answered ${handoff.status}: ${await handoff.text()}`);
  const handoffId = ((await handoff.json()) as { handoff: { id: string } }).handoff.id;
  return { sessionId, handoffId, started, requestMs };
}

/** Subscribers of one app process: `count` SSE connections to `appUrl`, cookies round-robin. */
export type SubscriberGroup = { name: string; appUrl: string; count: number; cookies: string[] };

export type GroupDelivery = {
  name: string;
  subscribers: number;
  /** Request start → the subscriber parsed the event. */
  fromRequest: Timing;
  /** The transaction's commit (lib: commit-clock.ts) → the subscriber parsed the event. */
  fromCommit: Timing;
  /** Per escalation, the last subscriber of the group, from the request's start. */
  lastSubscriber: Timing;
  missing: number;
  dropped: number;
};

export type DeliveryResult = { request: Timing; groups: GroupDelivery[]; commitsFound: number; escalations: number };

/**
 * Escalations one at a time on `escalateOn`, while every group's subscribers listen; each
 * `handoff_created` is timed from the request's start and from its transaction's commit to each
 * subscriber's parse, per group (a group per app process, for the cross-process hop).
 */
export async function measureDelivery(options: {
  escalateOn: string;
  escalatorCookie: string;
  groups: SubscriberGroup[];
  commitClock: CommitClock;
  escalations: number;
  warmup: number;
  /** Runs once every group's streams are open, before the first escalation. */
  onOpen?: () => Promise<void>;
}): Promise<DeliveryResult> {
  type Arrival = { group: number; eventId?: string; at: number };
  const arrivals = new Map<string, Arrival[]>();
  const connections: Awaited<ReturnType<typeof openSseConnections>>[] = [];
  for (const [index, group] of options.groups.entries()) {
    connections.push(
      await openSseConnections(`${group.appUrl}${STREAM_PATH}`, {
        count: group.count,
        cookies: group.cookies,
        onEvent: (_subscriber, event, receivedAt) => {
          if (event.type !== "handoff_created") return;
          const sessionId = (JSON.parse(event.data) as { session_id?: string }).session_id;
          if (sessionId) arrivals.get(sessionId)?.push({ group: index, eventId: event.id, at: receivedAt });
        },
      }),
    );
  }
  await options.onOpen?.();
  const total = options.groups.reduce((sum, group) => sum + group.count, 0);
  const request: number[] = [];
  const measured: { started: number; entries: Arrival[] }[] = [];
  try {
    for (let i = 0; i < options.warmup + options.escalations; i += 1) {
      const entries: Arrival[] = [];
      const result = await escalateFresh(options.escalateOn, options.escalatorCookie, `delivery ${i}`, (sessionId) => arrivals.set(sessionId, entries));
      const deadline = performance.now() + 10_000;
      while (entries.length < total && performance.now() < deadline) await sleep(5);
      if (i < options.warmup) continue;
      request.push(result.requestMs);
      measured.push({ started: result.started, entries: [...entries] });
    }
  } finally {
    for (const connection of connections) connection.close();
  }
  const eventIds = [...new Set(measured.flatMap(({ entries }) => entries.map((entry) => entry.eventId).filter((id): id is string => !!id)))];
  const commits = await options.commitClock.commitTimes(eventIds);
  const groups = options.groups.map((group, index): GroupDelivery => {
    const fromRequest: number[] = [];
    const fromCommit: number[] = [];
    const last: number[] = [];
    let missing = 0;
    for (const { started, entries } of measured) {
      const mine = entries.filter((entry) => entry.group === index);
      missing += group.count - mine.length;
      const latencies = mine.map((entry) => entry.at - started);
      fromRequest.push(...latencies);
      if (latencies.length) last.push(Math.max(...latencies));
      for (const entry of mine) {
        const committed = entry.eventId ? commits.get(entry.eventId) : undefined;
        if (committed !== undefined) fromCommit.push(wallMs(entry.at) - committed);
      }
    }
    return { name: group.name, subscribers: group.count, fromRequest: timing(fromRequest), fromCommit: timing(fromCommit), lastSubscriber: timing(last), missing, dropped: connections[index]!.dropped() };
  });
  return { request: timing(request), groups, commitsFound: commits.size, escalations: measured.length };
}

/** (a) 500 subscribers (senior, admin, owner) on the one app; the junior escalates. */
export async function measureEscalationLatency(ctx: RealtimeBenchContext, commitClock: CommitClock, options = { subscribers: 500, escalations: 40, warmup: 5 }): Promise<DeliveryResult> {
  const cookies = await Promise.all(watchers.map((user) => ctx.cookieFor(user.id)));
  return measureDelivery({
    escalateOn: ctx.appUrl,
    escalatorCookie: await ctx.cookieFor(demoUsers.junior.id),
    groups: [{ name: "subscribers", appUrl: ctx.appUrl, count: options.subscribers, cookies }],
    commitClock,
    escalations: options.escalations,
    warmup: options.warmup,
  });
}

/** RSS in KiB of every process in group `pgid`. */
export function groupRssKiB(pgid: number): number {
  const lines = execFileSync("ps", ["-eo", "pgid=,rss="], { encoding: "utf8" }).trim().split("\n");
  return lines
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([group]) => group === pgid)
    .reduce((sum, [, rss]) => sum + (rss ?? 0), 0);
}

export const FANOUT_ENGINEERS = 200;
const fanoutAccount = { id: "0b6f3c1e-3d4a-4c5e-9f10-0000000000f0", name: "Fan-out MSP", slug: "fan-out-msp" };
const fanoutUserId = (i: number) => `1f000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

export type CrowdResult = {
  connections: number;
  beforeMiB: number;
  openMiB: number;
  afterCloseMiB: number;
  perConnectionKiB: number;
  openSeconds: number;
  dropped: number;
  fanout: DeliveryResult;
};

/**
 * (b) `connections` SSE streams open on the one app process: `FANOUT_ENGINEERS` of them the
 * engineers of a tenant of their own, the rest the demo tenant's watchers. Extra RSS of the app's
 * process group with all open; then escalations in the 200-engineer tenant, timed to each of its
 * engineers while every stream stays open.
 */
export async function measureSseCrowd(ctx: RealtimeBenchContext, commitClock: CommitClock, options = { connections: 10_000, escalations: 20, warmup: 3 }): Promise<CrowdResult> {
  await ctx.db.account.upsert({ where: { id: fanoutAccount.id }, create: fanoutAccount, update: {} });
  const ids = Array.from({ length: FANOUT_ENGINEERS + 1 }, (_, i) => fanoutUserId(i + 1));
  await ctx.db.user.createMany({
    data: ids.map((id, i) => ({ id, accountId: fanoutAccount.id, email: `engineer${i}@fan-out-msp.test`, name: `Fan-out engineer ${i}`, role: "engineer" as const })),
    skipDuplicates: true,
  });
  // Loaded here, not at the top: it reaches lib/env, which the bench configures before importing app code.
  const { benchSessionCookie } = await import("./bench-session-cookie");
  const tenantCookie = (userId: string) => benchSessionCookie({ id: userId, accountId: fanoutAccount.id }, ctx.authSecret);
  const engineerCookies = await Promise.all(ids.slice(0, FANOUT_ENGINEERS).map(tenantCookie));
  const escalatorCookie = await tenantCookie(ids[FANOUT_ENGINEERS]!);
  const watcherCookies = await Promise.all(watchers.map((user) => ctx.cookieFor(user.id)));
  const url = `${ctx.appUrl}${STREAM_PATH}`;
  // Warm the route (compiled, modules loaded, pools opened) so the difference is connections only.
  const warm = await openSseConnections(url, { count: 50, cookies: watcherCookies });
  warm.close();
  await sleep(3_000);
  const before = groupRssKiB(ctx.serverPgid);
  const opening = performance.now();
  const crowd = await openSseConnections(url, { count: options.connections - FANOUT_ENGINEERS, cookies: watcherCookies, batch: 200 });
  try {
    // The tenant's own streams open inside measureDelivery; RSS is read once they all are.
    let openMiB = 0;
    let openSeconds = 0;
    const fanout = await measureDelivery({
      escalateOn: ctx.appUrl,
      escalatorCookie,
      groups: [{ name: `${FANOUT_ENGINEERS} engineers of one tenant`, appUrl: ctx.appUrl, count: FANOUT_ENGINEERS, cookies: engineerCookies }],
      commitClock,
      escalations: options.escalations,
      warmup: options.warmup,
      onOpen: async () => {
        openSeconds = (performance.now() - opening) / 1000;
        await sleep(3_000);
        openMiB = groupRssKiB(ctx.serverPgid) / 1024;
      },
    });
    const dropped = crowd.dropped();
    crowd.close();
    await sleep(3_000);
    const after = groupRssKiB(ctx.serverPgid);
    return {
      connections: options.connections,
      beforeMiB: before / 1024,
      openMiB,
      afterCloseMiB: after / 1024,
      perConnectionKiB: ((openMiB * 1024 - before) / options.connections),
      openSeconds,
      dropped,
      fanout,
    };
  } finally {
    crowd.close();
  }
}
