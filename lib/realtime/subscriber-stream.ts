import { env } from "@/lib/env";
import { escalationBus, type EscalationBus, type Subscription } from "@/lib/realtime/bus";
import { latestRealtimeEventId, realtimeEventsAfter, type RealtimeEvent } from "@/lib/realtime/events";
import { joinHeartbeat, sharedCheck, type Beat } from "@/lib/realtime/heartbeat";
import { encodeControl, encodeRealtimeEvent } from "@/lib/realtime/sse-encoding";

export type EscalationStreamOptions = {
  accountId: string;
  /** The client's Last-Event-ID: events after it are replayed from the database first. */
  lastEventId?: string;
  signal?: AbortSignal;
  bus?: EscalationBus;
  heartbeatSeconds?: number;
  /** Frames queued for a client that isn't reading before it is dropped. */
  bufferSize?: number;
  /** At most this many missed events are replayed; older ones are the page's to reload. */
  replayLimit?: number;
  /**
   * Asked at each heartbeat whether the subscriber may still listen (role and removal re-read);
   * on false the stream sends `access_revoked` and closes, so a demotion ends it within one beat.
   */
  stillAllowed?: () => Promise<boolean>;
  /**
   * Whose access `stillAllowed` checks (e.g. the sign-in): streams with the same key beat
   * together and share one check in flight.
   */
  accessKey?: string;
};

export const DEFAULT_BUFFER_SIZE = 64;
const REPLAY_PAGE = 200;

/** Thrown into the stream of a client that stopped reading. */
export class SlowSubscriberError extends Error {
  constructor(bufferSize: number) {
    super(`The client read nothing while ${bufferSize} events were waiting; dropped so publishers never wait.`);
    this.name = "SlowSubscriberError";
  }
}

/**
 * F4: one client's escalation stream as server-sent events. Sends `ready` (its `id` is where the
 * stream resumes), replays from the database what came after `lastEventId`, then live events of
 * the account, and a heartbeat every `heartbeatSeconds`. Subscribes before reading the database
 * and holds live events until the replay is out, so nothing falls between the two and nothing
 * comes twice. Live delivery only enqueues: once `bufferSize` frames wait unread the client is
 * dropped (the stream errors, the subscription ends); publishers never wait for it. Unsubscribes
 * and leaves the shared heartbeat (lib/realtime/heartbeat.ts) on cancel, abort, drop or a failed
 * `stillAllowed` check.
 */
export function openEscalationStream(options: EscalationStreamOptions): ReadableStream<Uint8Array> {
  const bus = options.bus ?? escalationBus;
  const bufferSize = options.bufferSize ?? DEFAULT_BUFFER_SIZE;
  const heartbeatSeconds = options.heartbeatSeconds ?? env.ESCALATION_STREAM_HEARTBEAT_SECONDS;
  const after = options.lastEventId === undefined ? undefined : BigInt(options.lastEventId);

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let subscription: Subscription | undefined;
  let leaveHeartbeat: (() => void) | undefined;
  let closed = false;
  let held: RealtimeEvent[] | undefined = []; // live events arriving before the replay is out
  const sent = new Set<string>();
  let pulled: (() => void) | undefined;

  const finish = () => {
    if (closed) return false;
    closed = true;
    subscription?.close();
    leaveHeartbeat?.();
    options.signal?.removeEventListener("abort", onAbort);
    pulled?.();
    return true;
  };
  const drop = (error: Error) => {
    if (finish()) controller.error(error);
  };
  function onAbort() {
    if (!finish()) return;
    try {
      controller.close();
    } catch {
      // already closed by the consumer
    }
  }
  /** Never waits: a full queue means the client stopped reading. */
  const push = (frame: Uint8Array) => {
    if (closed) return;
    if ((controller.desiredSize ?? 1) <= 0) return drop(new SlowSubscriberError(bufferSize));
    controller.enqueue(frame);
  };
  const deliver = (event: RealtimeEvent) => {
    if (sent.has(event.id) || (after !== undefined && BigInt(event.id) <= after)) return;
    push(encodeRealtimeEvent(event));
  };
  const onEvent = (event: RealtimeEvent) => {
    if (!held) return deliver(event);
    if (held.length >= bufferSize) return drop(new SlowSubscriberError(bufferSize));
    held.push(event);
  };
  /** Replay waits for the client instead (it is the client's own backlog, not a publisher's). */
  const room = async () => {
    while (!closed && (controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (pulled = resolve));
  };

  const begin = async () => {
    const resumeFrom = options.lastEventId ?? (await latestRealtimeEventId(options.accountId));
    push(encodeControl("ready", { account_id: options.accountId, heartbeat_seconds: heartbeatSeconds, last_event_id: resumeFrom }, resumeFrom));
    if (options.lastEventId !== undefined) await replay(options.lastEventId);
    const backlog = (held ?? []).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    held = undefined;
    // `sent` stays: an event the replay read may still be on its way from the publisher (it
    // publishes after commit); bounded by replayLimit.
    for (const event of backlog) deliver(event);
  };
  const replay = async (from: string) => {
    const limit = options.replayLimit ?? 1_000;
    let cursor = from;
    for (let total = 0; total < limit && !closed; ) {
      const page = await realtimeEventsAfter(options.accountId, cursor, Math.min(REPLAY_PAGE, limit - total));
      for (const event of page) {
        await room();
        if (closed) return;
        controller.enqueue(encodeRealtimeEvent(event));
        sent.add(event.id);
      }
      total += page.length;
      if (page.length < REPLAY_PAGE) return;
      cursor = page.at(-1)!.id;
    }
  };

  let checking = false;
  const beat = async ({ frame }: Beat) => {
    if (options.stillAllowed && !checking) {
      checking = true;
      const allowed = await sharedCheck(options.accessKey, options.stillAllowed).catch(() => true);
      checking = false;
      if (closed) return;
      if (!allowed) {
        push(encodeControl("access_revoked", { reason: "Your role no longer includes the escalation stream." }));
        return onAbort();
      }
    }
    push(frame);
  };

  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        if (options.signal?.aborted) return void onAbort();
        options.signal?.addEventListener("abort", onAbort);
        subscription = bus.subscribe(options.accountId, { onEvent });
        leaveHeartbeat = joinHeartbeat(heartbeatSeconds, options.accessKey, (tick) => void beat(tick));
        begin().catch((error: unknown) => drop(error instanceof Error ? error : new Error(String(error))));
      },
      pull() {
        pulled?.();
        pulled = undefined;
      },
      cancel() {
        finish();
      },
    },
    new CountQueuingStrategy({ highWaterMark: bufferSize }),
  );
}
