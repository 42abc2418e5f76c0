import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { InProcessBus } from "@/lib/realtime/bus";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { openEscalationStream, SlowSubscriberError } from "@/lib/realtime/subscriber-stream";
import { SseReader, recordAndPublish } from "@/tests/helpers/realtime";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let tenant: TestTenant;
const readers: SseReader[] = [];

beforeAll(async () => {
  tenant = await createTenant("Stream machinery");
});

afterEach(async () => {
  for (const reader of readers.splice(0)) await reader.close();
});

function open(bus: InProcessBus, options: { lastEventId?: string; heartbeatSeconds?: number; bufferSize?: number; signal?: AbortSignal } = {}) {
  const stream = openEscalationStream({ accountId: tenant.accountId, bus, ...options });
  const reader = new SseReader(stream);
  readers.push(reader);
  return { stream, reader };
}

describe("openEscalationStream", () => {
  it("sends a heartbeat every heartbeatSeconds", async () => {
    const { reader } = open(new InProcessBus(), { heartbeatSeconds: 0.05 });
    await reader.nextOf("ready");
    const beats = [await reader.next(), await reader.next()];
    for (const beat of beats) {
      expect(beat.event).toBe("heartbeat");
      expect(Date.parse((beat.data as { at: string }).at)).not.toBeNaN();
      expect(beat.id).toBeUndefined();
    }
  });

  it("drops a subscriber that never reads; a reading one gets every event and publish never waits", async () => {
    const bus = new InProcessBus();
    const slow = openEscalationStream({ accountId: tenant.accountId, bus, bufferSize: 8, heartbeatSeconds: 60 });
    const fast = open(bus, { bufferSize: 8, heartbeatSeconds: 60 }).reader;
    await fast.nextOf("ready");
    // Give the slow stream's ready (a database read) time to land in its queue.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bus.subscriberCount(tenant.accountId)).toBe(2);

    const events: RealtimeEvent[] = [];
    const received: string[] = [];
    let slowestPublish = 0;
    for (let n = 0; n < 40; n += 1) {
      const event = await recordEvent(n);
      const started = performance.now();
      await bus.publish(event);
      slowestPublish = Math.max(slowestPublish, performance.now() - started);
      events.push(event);
      received.push((await fast.nextOf("handoff_created")).id!);
    }
    expect(received).toEqual(events.map((e) => e.id));
    expect(slowestPublish).toBeLessThan(50);
    expect(bus.subscriberCount(tenant.accountId)).toBe(1);
    await expect(slow.getReader().read()).rejects.toBeInstanceOf(SlowSubscriberError);
  });

  it("holds live events that arrive during the replay and sends each once, by id", async () => {
    const bus = new InProcessBus();
    const before = await recordEvent(-1);
    const missed = [await recordEvent(1), await recordEvent(2)];
    const { reader } = open(bus, { lastEventId: before.id, heartbeatSeconds: 60 });
    // Published while the stream is still reading the database: the replay has them too.
    for (const event of missed) await bus.publish(event);
    const late = await recordEvent(3);
    await bus.publish(late);
    expect((await reader.next()).event).toBe("ready");
    const got = [await reader.next(), await reader.next(), await reader.next()];
    expect(got.map((e) => e.id)).toEqual([...missed, late].map((e) => e.id));
    expect(await reader.quietFor(200)).toBe(true);
  });

  it("closes and unsubscribes on abort, and on an already aborted signal", async () => {
    const bus = new InProcessBus();
    const controller = new AbortController();
    const { reader } = open(bus, { signal: controller.signal, heartbeatSeconds: 60 });
    await reader.nextOf("ready");
    expect(bus.subscriberCount()).toBe(1);
    controller.abort();
    expect(bus.subscriberCount()).toBe(0);
    await expect(reader.next()).rejects.toThrow("The event stream ended");

    open(bus, { signal: AbortSignal.abort() });
    expect(bus.subscriberCount()).toBe(0);
  });
});

async function recordEvent(n: number) {
  // Recorded like a handoff would, but published by the test onto its own bus.
  return recordAndPublish(new InProcessBus(), tenant.accountId, { n });
}
