import { env } from "@/lib/env";
import { escalationBus, type EscalationBus, type Subscription } from "@/lib/realtime/bus";
import { latestRealtimeEventId, realtimeEventsAfter, type RealtimeEvent } from "@/lib/realtime/events";
import { joinHeartbeat, sharedCheck, type Beat } from "@/lib/realtime/heartbeat";
import { encodeControl, encodeRealtimeEvent } from "@/lib/realtime/sse-encoding";

export type EscalationFeedOptions = {
  accountId: string;
  /** The client's Last-Event-ID: events after it are replayed from the database first. */
  lastEventId?: string;
  bus?: EscalationBus;
  heartbeatSeconds?: number;
  /** Frames waiting for a client that isn't reading before it is dropped. */
  bufferSize?: number;
  /** At most this many missed events are replayed; older ones are the page's to reload. */
  replayLimit?: number;
  /**
   * Asked at each heartbeat whether the subscriber may still listen (role and removal re-read);
   * on false the feed sends `access_revoked` and ends, so a demotion ends it within one beat.
   */
  stillAllowed?: () => Promise<boolean>;
  /**
   * Whose access `stillAllowed` checks (e.g. the sign-in): feeds with the same key beat
   * together and share one check in flight.
   */
  accessKey?: string;
};

/** Where a feed's frames go: a web ReadableStream's controller or a Node response. */
export type FeedSink = {
  write(frame: Uint8Array): void;
  /** Frames handed over that the client has not taken yet. */
  waiting(): number;
  /** The feed is over (access revoked). */
  end(): void;
  /** The feed failed or dropped the client. */
  fail(error: Error): void;
};

/** An open feed: the sink tells it when the client took frames, or went away. */
export type EscalationFeed = { resume(): void; close(): void };

export const DEFAULT_BUFFER_SIZE = 64;
const REPLAY_PAGE = 200;

/** What a client that stopped reading is dropped with. */
export class SlowSubscriberError extends Error {
  constructor(bufferSize: number) {
    super(`The client read nothing while ${bufferSize} events were waiting; dropped so publishers never wait.`);
    this.name = "SlowSubscriberError";
  }
}

/**
 * F4: one client's escalation events as server-sent-event frames. Sends `ready` (its `id` is
 * where the stream resumes), replays from the database what came after `lastEventId`, then live
 * events of the account, and a heartbeat every `heartbeatSeconds`. Subscribes before reading the
 * database and holds live events until the replay is out, so nothing falls between the two and
 * nothing comes twice. Live delivery never waits: once `bufferSize` frames wait unread the client
 * is dropped (`sink.fail`, the subscription ends). Unsubscribes and leaves the shared heartbeat
 * (lib/realtime/heartbeat.ts) on close, drop or a failed `stillAllowed` check.
 */
export function openEscalationFeed(options: EscalationFeedOptions, sink: FeedSink): EscalationFeed {
  const bus = options.bus ?? escalationBus;
  const bufferSize = options.bufferSize ?? DEFAULT_BUFFER_SIZE;
  const heartbeatSeconds = options.heartbeatSeconds ?? env.ESCALATION_STREAM_HEARTBEAT_SECONDS;
  const after = options.lastEventId === undefined ? undefined : BigInt(options.lastEventId);

  let closed = false;
  let held: RealtimeEvent[] | undefined = []; // live events arriving before the replay is out
  const sent = new Set<string>();
  let resumed: (() => void) | undefined;

  const finish = () => {
    if (closed) return false;
    closed = true;
    subscription.close();
    leaveHeartbeat();
    resumed?.();
    return true;
  };
  const drop = (error: Error) => {
    if (finish()) sink.fail(error);
  };
  /** Never waits: a full backlog means the client stopped reading. */
  const push = (frame: Uint8Array) => {
    if (closed) return;
    if (sink.waiting() >= bufferSize) return drop(new SlowSubscriberError(bufferSize));
    sink.write(frame);
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
    while (!closed && sink.waiting() >= bufferSize) await new Promise<void>((resolve) => (resumed = resolve));
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
        sink.write(encodeRealtimeEvent(event));
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
        if (finish()) sink.end();
        return;
      }
    }
    push(frame);
  };

  const subscription: Subscription = bus.subscribe(options.accountId, { onEvent });
  const leaveHeartbeat = joinHeartbeat(heartbeatSeconds, options.accessKey, (tick) => void beat(tick));
  begin().catch((error: unknown) => drop(error instanceof Error ? error : new Error(String(error))));

  return {
    resume() {
      resumed?.();
      resumed = undefined;
    },
    close() {
      finish();
    },
  };
}
