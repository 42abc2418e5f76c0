/**
 * The in-process fan-out figure of `npm run bench` (F4): one event through the bus and the
 * stream machinery to N subscribers of this process, no HTTP, from publish to the last reader
 * holding the frame.
 */
import { setMaxListeners } from "node:events";
import { demoAccount } from "../../prisma/seed-data";
import { timing, type Timing } from "./stats";

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
