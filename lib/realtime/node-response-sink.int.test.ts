import { Writable } from "node:stream";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { InProcessBus } from "@/lib/realtime/bus";
import { pipeEscalationFeed } from "@/lib/realtime/node-response-sink";
import { recordAndPublish } from "@/tests/helpers/realtime";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await createTenant("Node sink");
});

/** A connection whose client reads everything at once (`stuck: false`) or nothing at all. */
function connection({ stuck }: { stuck: boolean }) {
  const frames: string[] = [];
  const out = new Writable({
    highWaterMark: 256,
    write(chunk: Buffer, _encoding, done) {
      frames.push(chunk.toString("utf8"));
      if (!stuck) done();
    },
  });
  return { out, frames, events: () => frames.filter((frame) => frame.includes("event: handoff_created")).length };
}

describe("pipeEscalationFeed", () => {
  it("drops a client that stops reading once the socket's buffer and the feed's are full; a reading one gets every event", async () => {
    const bus = new InProcessBus();
    const slow = connection({ stuck: true });
    const fast = connection({ stuck: false });
    pipeEscalationFeed({ accountId: tenant.accountId, bus, bufferSize: 8, heartbeatSeconds: 60 }, slow.out);
    pipeEscalationFeed({ accountId: tenant.accountId, bus, bufferSize: 8, heartbeatSeconds: 60 }, fast.out);
    await vi.waitFor(() => expect(fast.frames[0]).toContain("event: ready"));
    expect(bus.subscriberCount(tenant.accountId)).toBe(2);

    for (let n = 0; n < 40; n += 1) await bus.publish(await recordEvent(n));
    await vi.waitFor(() => expect(fast.events()).toBe(40));
    expect(slow.out.destroyed).toBe(true);
    expect(bus.subscriberCount(tenant.accountId)).toBe(1);
    // The stuck client took its first frame, then held the rest in the Writable's buffer: fewer than 40 ever reached it.
    expect(slow.events()).toBeLessThan(40);
  });

  it("unsubscribes when the connection closes", async () => {
    const bus = new InProcessBus();
    const client = connection({ stuck: false });
    pipeEscalationFeed({ accountId: tenant.accountId, bus, heartbeatSeconds: 60 }, client.out);
    await vi.waitFor(() => expect(client.frames[0]).toContain("event: ready"));
    expect(bus.subscriberCount(tenant.accountId)).toBe(1);
    client.out.destroy();
    await vi.waitFor(() => expect(bus.subscriberCount(tenant.accountId)).toBe(0));
  });

  it("ends the response when the viewer loses access at a heartbeat", async () => {
    const bus = new InProcessBus();
    const client = connection({ stuck: false });
    pipeEscalationFeed({ accountId: tenant.accountId, bus, heartbeatSeconds: 0.05, stillAllowed: async () => false }, client.out);
    await vi.waitFor(() => expect(client.out.writableEnded).toBe(true));
    expect(client.frames.some((frame) => frame.includes("event: access_revoked"))).toBe(true);
    expect(bus.subscriberCount(tenant.accountId)).toBe(0);
  });
});

async function recordEvent(n: number) {
  // Recorded like a handoff would, but published by the test onto its own bus.
  return recordAndPublish(new InProcessBus(), tenant.accountId, { n });
}
