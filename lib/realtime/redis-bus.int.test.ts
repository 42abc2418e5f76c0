import { randomUUID } from "node:crypto";
import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { RedisBus } from "@/lib/realtime/redis-bus";
import { redisAnswers, spawnRedisListener } from "@/tests/helpers/realtime";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const reachable = await redisAnswers(REDIS_URL);
if (!reachable) console.warn(`Skipping the Redis bus tests: no Redis answers PING at ${REDIS_URL} (set TEST_REDIS_URL).`);

// A channel of this run only, so parallel runs and a running app never see these events.
const channel = `flowpilot:test:${randomUUID()}`;
let sequence = 0;
const event = (accountId: string, payload: Record<string, unknown> = {}): RealtimeEvent => ({
  id: String((sequence += 1)), accountId, type: "handoff_created", payload, createdAt: new Date().toISOString(),
});
const buses: RedisBus[] = [];
const bus = (url = REDIS_URL) => {
  const created = new RedisBus(url, { channel });
  buses.push(created);
  return created;
};
afterAll(async () => {
  for (const created of buses) await created.close();
});

describe.skipIf(!reachable)("RedisBus", () => {
  it("an event published in this process reaches a subscriber in another process, for its account only", async () => {
    const accountA = randomUUID();
    const listener = await spawnRedisListener(REDIS_URL, channel, accountA);
    try {
      const publisher = bus();
      await publisher.ready();
      const ofB = event(randomUUID(), { n: "b" });
      const ofA = event(accountA, { n: "a" });
      await publisher.publish(ofB);
      await publisher.publish(ofA);
      expect(await listener.waitFor(1)).toEqual([ofA]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(listener.events).toEqual([ofA]);
    } finally {
      await listener.stop();
    }
  }, 30_000);

  it("delivers once to a local subscriber (not again when Redis echoes it) and to another bus instance", async () => {
    const accountId = randomUUID();
    const [one, two] = [bus(), bus()];
    await Promise.all([one.ready(), two.ready()]);
    const onOne: RealtimeEvent[] = [];
    const onTwo: RealtimeEvent[] = [];
    one.subscribe(accountId, { onEvent: (e) => onOne.push(e) });
    two.subscribe(accountId, { onEvent: (e) => onTwo.push(e) });
    const sent = event(accountId);
    await one.publish(sent);
    expect(onOne).toEqual([sent]);
    await waitUntil(() => onTwo.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onOne).toEqual([sent]);
    expect(onTwo).toEqual([sent]);
  });

  it("rejects a publish at once when Redis can't be reached, still delivering locally", async () => {
    const port = await freePort();
    const down = bus(`redis://127.0.0.1:${port}`);
    const accountId = randomUUID();
    const local: RealtimeEvent[] = [];
    down.subscribe(accountId, { onEvent: (e) => local.push(e) });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = performance.now();
      await expect(down.publish(event(accountId))).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(200);
    }
    expect(local).toHaveLength(3);
  });

  it("fails fast while the connection is cut, then reconnects and re-subscribes on its own", async () => {
    const proxy = await startProxy(REDIS_URL);
    try {
      const accountId = randomUUID();
      const [throughProxy, direct] = [bus(proxy.url), bus()];
      await Promise.all([throughProxy.ready(), direct.ready()]);
      const received: RealtimeEvent[] = [];
      throughProxy.subscribe(accountId, { onEvent: (e) => received.push(e) });

      proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      await expect(throughProxy.publish(event(randomUUID()))).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(200);

      proxy.restore();
      await throughProxy.ready();
      const afterOutage = event(accountId, { after: "outage" });
      // The subscriber connection may come back a little after the publisher: retry until heard.
      await waitUntil(async () => {
        await direct.publish(afterOutage);
        return received.length > 0;
      }, 10_000);
      expect(received[0]).toEqual(afterOutage);
    } finally {
      await proxy.close();
    }
  }, 30_000);
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP proxy to Redis whose connections the test can cut (an outage) and let through again. */
async function startProxy(target: string) {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let open = true;
  const server: Server = createServer((client) => {
    if (!open) return void client.destroy();
    const upstream = connect({ host: hostname, port: Number(port || 6379) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: proxyPort } = server.address() as { port: number };
  const cut = () => {
    open = false;
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `redis://127.0.0.1:${proxyPort}`,
    cut,
    restore: () => void (open = true),
    close: async () => {
      cut();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
