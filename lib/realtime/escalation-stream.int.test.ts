import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as nextRoute } from "@/app/api/v1/ai-sessions/escalations/stream/route";
import { isEscalationStreamRequest, serveEscalationStream } from "@/lib/http/node-escalation-stream";
import { escalationBus } from "@/lib/realtime/bus";
import { SseReader, recordAndPublish, requestStream } from "@/tests/helpers/realtime";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
const readers: SseReader[] = [];
let nodeServer: Server;
let nodeServerUrl: string;

beforeAll(async () => {
  a = await createTenant("Stream A");
  b = await createTenant("Stream B");
  // server.ts's own answer to the stream path, on a real socket; anything else is a 404 here.
  nodeServer = createServer((request, response) => {
    if (isEscalationStreamRequest(request)) return void serveEscalationStream(request, response);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => nodeServer.listen(0, "127.0.0.1", resolve));
  nodeServerUrl = `http://127.0.0.1:${(nodeServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  nodeServer.closeAllConnections();
  await new Promise((resolve) => nodeServer.close(resolve));
});

afterEach(async () => {
  for (const reader of readers.splice(0)) await reader.close();
});

/** The same request sent over HTTP to the Node server above, answered as a fetch Response. */
const nodeEntry = (request: Request) => {
  const { pathname, search } = new URL(request.url);
  return fetch(`${nodeServerUrl}${pathname}${search}`, { headers: request.headers, signal: request.signal });
};

// Both servers of the path: Next's route (next dev, plain next start) and server.ts's (npm start).
describe.each([
  { entry: "the Next route", streamRoute: nextRoute },
  { entry: "server.ts's Node handler", streamRoute: nodeEntry },
])("GET /api/v1/ai-sessions/escalations/stream, through $entry", ({ streamRoute }) => {
  async function open(as: string, options: { lastEventId?: string; query?: Record<string, string>; signal?: AbortSignal } = {}) {
    const response = await requestStream(streamRoute, { as, ...options });
    expect(response.status).toBe(200);
    const reader = new SseReader(response);
    readers.push(reader);
    return reader;
  }

  it("answers with an SSE stream that starts with ready", async () => {
    const response = await requestStream(streamRoute, { as: a.engineer.id });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = new SseReader(response);
    readers.push(reader);
    const ready = await reader.next();
    expect(ready).toMatchObject({ event: "ready", data: { account_id: a.accountId, heartbeat_seconds: 25 } });
    expect((ready.data as { last_event_id: string }).last_event_id).toMatch(/^\d+$/);
    expect(ready.id).toBe((ready.data as { last_event_id: string }).last_event_id);
  });

  it("refuses viewers (403), signed-out (401) and removed users (401); admins and owners get in", async () => {
    expect((await requestStream(streamRoute, { as: a.viewer.id })).status).toBe(403);
    expect((await requestStream(streamRoute, {})).status).toBe(401);
    expect((await requestStream(streamRoute, { as: a.removed.id })).status).toBe(401);
    for (const user of [a.admin, a.owner]) expect((await (await open(user.id)).next()).event).toBe("ready");
  });

  it("refuses a malformed Last-Event-ID header or query value (422)", async () => {
    expect((await requestStream(streamRoute, { as: a.engineer.id, lastEventId: "12abc" })).status).toBe(422);
    expect((await requestStream(streamRoute, { as: a.engineer.id, query: { last_event_id: "-1" } })).status).toBe(422);
  });

  it("delivers tenant A's event to A's subscribers and never to B's", async () => {
    const readerA = await open(a.engineer.id);
    const readerB = await open(b.owner.id);
    await readerA.nextOf("ready");
    await readerB.nextOf("ready");
    const event = await recordAndPublish(escalationBus, a.accountId, { session_id: "s-1", reason: "Printer on fire" });
    expect(await readerA.nextOf("handoff_created")).toEqual({ event: "handoff_created", id: event.id, data: { session_id: "s-1", reason: "Printer on fire" } });
    expect(await readerB.quietFor(300, "handoff_created")).toBe(true);
  });

  it("replays exactly the missed events, in order, without duplicates, after Last-Event-ID", async () => {
    const first = await open(a.admin.id);
    await first.nextOf("ready");
    const seen = await recordAndPublish(escalationBus, a.accountId, { n: 0 });
    expect((await first.nextOf("handoff_created")).id).toBe(seen.id);
    await first.close();

    const missed = [];
    for (let n = 1; n <= 5; n += 1) missed.push(await recordAndPublish(escalationBus, a.accountId, { n }, n === 3 ? "handoff_claimed" : "handoff_created"));
    await recordAndPublish(escalationBus, b.accountId, { other: true });

    const again = await open(a.admin.id, { lastEventId: seen.id });
    expect(await again.next()).toMatchObject({ event: "ready", id: seen.id, data: { last_event_id: seen.id } });
    const live = await recordAndPublish(escalationBus, a.accountId, { n: 6 });
    const got = [];
    for (let i = 0; i < 6; i += 1) got.push(await again.next());
    expect(got.map((e) => e.id)).toEqual([...missed, live].map((e) => e.id));
    expect(got.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(got[2]!.event).toBe("handoff_claimed");
    expect(await again.quietFor(300, "handoff_created")).toBe(true);

    // The query value stands in for the header.
    const byQuery = await open(a.admin.id, { query: { last_event_id: missed[3]!.id } });
    await byQuery.nextOf("ready");
    expect((await byQuery.take(2, "handoff_created")).map((e) => e.id)).toEqual([missed[4]!.id, live.id]);
  });

  it("unsubscribes when the client goes away (request aborted or body cancelled)", async () => {
    // The earlier tests' readers are closed; over HTTP their subscriptions end when the sockets do.
    await vi.waitFor(() => expect(escalationBus.subscriberCount(a.accountId)).toBe(0));
    const before = 0;
    const controller = new AbortController();
    const aborted = await open(a.engineer.id, { signal: controller.signal });
    const cancelled = await open(a.engineer.id);
    await aborted.nextOf("ready");
    await cancelled.nextOf("ready");
    expect(escalationBus.subscriberCount(a.accountId)).toBe(before + 2);

    controller.abort();
    await expect(aborted.next()).rejects.toThrow(/The event stream ended|aborted/);
    // Over HTTP the server learns of it when the socket closes.
    await vi.waitFor(() => expect(escalationBus.subscriberCount(a.accountId)).toBe(before + 1));
    await cancelled.close();
    await vi.waitFor(() => expect(escalationBus.subscriberCount(a.accountId)).toBe(before));
  });
});
