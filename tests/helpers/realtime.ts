import { spawn } from "node:child_process";
import { connect } from "node:net";
import path from "node:path";
import { db } from "@/lib/db";
import type { EscalationBus } from "@/lib/realtime/bus";
import { recordRealtimeEvent, type RealtimeEvent, type RealtimeEventType } from "@/lib/realtime/events";
import { sessionCookieFor } from "@/tests/helpers/call-route";
import { runWithoutScope } from "@/lib/tenancy/scope";
import type { ServerSentEvent } from "@/tests/helpers/sse";

/**
 * Reads server-sent events from a stream that never ends, one at a time. `next` fails after
 * `timeoutMs` instead of hanging the test; `close` cancels the body (the server's cleanup path).
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private readonly parsed: ServerSentEvent[] = [];
  // A read outlives a timed-out `next`, so the chunk it brings is not lost.
  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;

  constructor(body: ReadableStream<Uint8Array> | Response) {
    const stream = body instanceof Response ? body.body : body;
    if (!stream) throw new Error("The response has no body to read events from.");
    this.reader = stream.getReader();
  }

  /** The next event, or an error after `timeoutMs` / when the stream ends or errors. */
  async next(timeoutMs = 2_000): Promise<ServerSentEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.parsed.length === 0) {
      const remaining = deadline - Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`No server-sent event within ${timeoutMs} ms`)), Math.max(remaining, 0));
      });
      if (!this.pending) {
        this.pending = this.reader.read();
        this.pending.catch(() => {});
      }
      const chunk = await Promise.race([this.pending, timeout]).finally(() => clearTimeout(timer));
      this.pending = undefined;
      if (chunk.done) throw new Error("The event stream ended");
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      this.parse();
    }
    return this.parsed.shift()!;
  }

  /** The next event of `type`, skipping others (heartbeats, say). */
  async nextOf(type: string, timeoutMs = 2_000): Promise<ServerSentEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = await this.next(Math.max(deadline - Date.now(), 1));
      if (event.event === type) return event;
    }
  }

  /** Events of `type` until `count` arrived. */
  async take(count: number, type: string, timeoutMs = 5_000): Promise<ServerSentEvent[]> {
    const deadline = Date.now() + timeoutMs;
    const events: ServerSentEvent[] = [];
    while (events.length < count) events.push(await this.nextOf(type, Math.max(deadline - Date.now(), 1)));
    return events;
  }

  /** True when no event (of any type) arrives within `ms`. */
  async quietFor(ms: number, type?: string): Promise<boolean> {
    try {
      await (type ? this.nextOf(type, ms) : this.next(ms));
      return false;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("No server-sent event")) return true;
      throw error;
    }
  }

  async close() {
    await this.reader.cancel().catch(() => {});
  }

  private parse() {
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) !== -1) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      if (!frame.trim() || frame.startsWith(":")) continue;
      const fields: Record<string, string> = {};
      for (const line of frame.split("\n")) {
        const colon = line.indexOf(":");
        fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
      }
      this.parsed.push({ event: fields.event ?? "message", data: fields.data ? JSON.parse(fields.data) : null, id: fields.id });
    }
  }
}

type StreamOptions = { as?: string; lastEventId?: string; query?: Record<string, string>; signal?: AbortSignal };

/**
 * GETs the escalation stream route the way Next calls it, with a real Request whose `signal`
 * the test controls (a client going away).
 */
export async function requestStream(handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>, options: StreamOptions = {}) {
  const url = new URL("http://localhost:3000/api/v1/ai-sessions/escalations/stream");
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers({ accept: "text/event-stream" });
  if (options.as) headers.set("cookie", await sessionCookieFor(options.as));
  if (options.lastEventId !== undefined) headers.set("last-event-id", options.lastEventId);
  return runWithoutScope(() => handler(new Request(url, { headers, signal: options.signal }), { params: Promise.resolve({}) }));
}

/** Records an event the way a handoff does (inside a transaction), then publishes it after commit. */
export async function recordAndPublish(bus: EscalationBus, accountId: string, payload: Record<string, unknown> = {}, type: RealtimeEventType = "handoff_created") {
  const event = await db.$transaction((tx) => recordRealtimeEvent(tx, accountId, type, payload));
  await bus.publish(event);
  return event;
}

/** True when a Redis server answers PING at `url` within a second. */
export async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) }, () => socket.write("PING\r\n"));
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
    socket.once("error", () => done(false));
  });
}

export type RedisListener = { events: RealtimeEvent[]; waitFor(count: number, timeoutMs?: number): Promise<RealtimeEvent[]>; stop(): Promise<void> };

/**
 * A second app process for the bus: `tsx` runs a RedisBus on `channel` subscribed to
 * `accountId`, printing each event it gets as a JSON line. Resolves once it is subscribed.
 */
export async function spawnRedisListener(url: string, channel: string, accountId: string): Promise<RedisListener> {
  const script = `
    import { RedisBus } from "@/lib/realtime/redis-bus";
    const bus = new RedisBus(${JSON.stringify(url)}, { channel: ${JSON.stringify(channel)} });
    bus.subscribe(${JSON.stringify(accountId)}, { onEvent: (event) => console.log("event " + JSON.stringify(event)) });
    bus.ready().then(() => console.log("subscribed"));
    process.stdin.on("end", () => bus.close().then(() => process.exit(0)));
    process.stdin.resume();
  `;
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--eval", script], { cwd: process.cwd(), stdio: ["pipe", "pipe", "inherit"] });
  const events: RealtimeEvent[] = [];
  let buffered = "";
  let subscribed!: () => void;
  const ready = new Promise<void>((resolve) => (subscribed = resolve));
  const changed = new Set<() => void>();
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line === "subscribed") subscribed();
      if (line.startsWith("event ")) events.push(JSON.parse(line.slice(6)) as RealtimeEvent);
      for (const notify of changed) notify();
    }
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    child.stdin.end();
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  await Promise.race([ready, exited.then(() => Promise.reject(new Error("The listener process exited before subscribing")))]);
  return {
    events,
    stop,
    waitFor: (count, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (events.length < count) return;
          changed.delete(check);
          clearTimeout(timer);
          resolve(events.slice());
        };
        const timer = setTimeout(() => {
          changed.delete(check);
          reject(new Error(`The listener process got ${events.length} of ${count} events within ${timeoutMs} ms`));
        }, timeoutMs);
        changed.add(check);
        check();
      }),
  };
}
