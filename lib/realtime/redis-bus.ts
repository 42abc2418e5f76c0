import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { InProcessBus, type EscalationBus, type SubscribeOptions } from "@/lib/realtime/in-process-bus";

export const REDIS_CHANNEL = "flowpilot:realtime";
type Message = { origin: string; event: RealtimeEvent };
export type RedisBusOptions = { channel?: string; commandTimeoutMs?: number };

/**
 * The escalation bus across app processes, over Redis pub/sub.
 *
 * Why this shape:
 * - One channel for every account, the account id inside the message. Escalations are rare
 *   (a few a minute per MSP), so every process receiving every account's events costs nothing,
 *   and the one subscription is made once at start: no per-account SUBSCRIBE racing the first
 *   event of a newly connected client. Each process filters through its in-process bus.
 * - Two connections per process: a subscribed connection can't publish.
 * - Local subscribers get an event synchronously on publish (no round trip, and they still get
 *   it when Redis is down); the copy coming back from Redis carries this process's origin id
 *   and is skipped.
 * - The publishing connection has no offline queue and a command timeout, so when Redis is down
 *   or stuck `publish` rejects at once (or within the timeout) and the caller's catch sees it,
 *   instead of events piling up in memory. Both connections reconnect on their own, and ioredis
 *   re-subscribes after a reconnect. Missed events reach clients through Last-Event-ID replay.
 */
export class RedisBus implements EscalationBus {
  private readonly local = new InProcessBus();
  private readonly origin = randomUUID();
  private readonly channel: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly subscribed: Promise<void>;

  constructor(url: string, options: RedisBusOptions = {}) {
    this.channel = options.channel ?? REDIS_CHANNEL;
    const retryStrategy = (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 3_000);
    this.publisher = new Redis(url, {
      connectionName: "flowpilot-realtime-pub",
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs ?? 1_000,
      connectTimeout: 2_000,
      retryStrategy,
    });
    this.subscriber = new Redis(url, { connectionName: "flowpilot-realtime-sub", autoResubscribe: true, connectTimeout: 2_000, retryStrategy });
    for (const [name, connection] of [["publisher", this.publisher], ["subscriber", this.subscriber]] as const) {
      logConnectionErrors(name, connection);
    }
    this.subscriber.on("message", (channel: string, raw: string) => {
      if (channel === this.channel) this.receive(raw);
    });
    this.subscribed = this.subscriber.subscribe(this.channel).then(() => undefined);
    this.subscribed.catch(() => {});
  }

  async publish(event: RealtimeEvent) {
    this.local.deliver(event);
    const message: Message = { origin: this.origin, event };
    await this.publisher.publish(this.channel, JSON.stringify(message));
  }

  subscribe(accountId: string, options: SubscribeOptions) {
    return this.local.subscribe(accountId, options);
  }

  subscriberCount(accountId?: string) {
    return this.local.subscriberCount(accountId);
  }

  /** Resolves once both connections are up and the channel is subscribed (tests, benches). */
  async ready() {
    await this.subscribed;
    if (this.publisher.status !== "ready") await new Promise((resolve) => this.publisher.once("ready", resolve));
  }

  /** Closes both connections; the bus can't be used afterwards. */
  async close() {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private receive(raw: string) {
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      console.error("realtime: ignored a malformed message on", this.channel);
      return;
    }
    if (message.origin !== this.origin && message.event?.accountId) this.local.deliver(message.event);
  }
}

/** One log line per outage, not one per reconnect attempt. */
function logConnectionErrors(name: string, connection: Redis) {
  let down = false;
  connection.on("error", (error: Error) => {
    if (!down) console.error(`realtime: Redis ${name} connection error: ${error.message}`);
    down = true;
  });
  connection.on("ready", () => {
    if (down) console.info(`realtime: Redis ${name} connection restored`);
    down = false;
  });
}
