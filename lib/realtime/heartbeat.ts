import { encodeControl } from "@/lib/realtime/sse-encoding";

/** What a beat hands every stream it wakes: one encoded frame for all of them. */
export type Beat = { frame: Uint8Array };
type Listener = (beat: Beat) => void;

/**
 * One timer for every open stream with the same period, instead of one per stream: the period
 * is cut into slots (about a second each) and each tick beats one slot, so ten thousand streams
 * still beat spread out over the period, and the heartbeat frame is encoded once per tick.
 * Streams joining with the same key share a slot, so their access checks run together.
 */
class HeartbeatWheel {
  private readonly slots: Set<Listener>[];
  private cursor = 0;
  private size = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private nextSlot = 0;

  constructor(private readonly periodMs: number) {
    const count = Math.max(1, Math.min(Math.round(periodMs / 1000), 60));
    this.slots = Array.from({ length: count }, () => new Set());
  }

  join(key: string | undefined, listener: Listener): () => void {
    const slot = this.slots[key === undefined ? this.nextSlot++ % this.slots.length : hash(key) % this.slots.length]!;
    slot.add(listener);
    this.size += 1;
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.periodMs / this.slots.length);
      this.timer.unref?.();
    }
    return () => {
      if (!slot.delete(listener)) return;
      this.size -= 1;
      if (this.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private tick() {
    const slot = this.slots[this.cursor]!;
    this.cursor = (this.cursor + 1) % this.slots.length;
    if (slot.size === 0) return;
    const beat = { frame: encodeControl("heartbeat", { at: new Date().toISOString() }) };
    for (const listener of [...slot]) {
      try {
        listener(beat);
      } catch (error) {
        console.error("realtime: a heartbeat listener failed", error);
      }
    }
  }
}

function hash(key: string): number {
  let value = 0;
  for (let i = 0; i < key.length; i += 1) value = (value * 31 + key.charCodeAt(i)) >>> 0;
  return value;
}

const wheels = new Map<number, HeartbeatWheel>();

/** Calls `listener` once every `seconds`, on the shared wheel of that period; returns the leave function. */
export function joinHeartbeat(seconds: number, key: string | undefined, listener: Listener): () => void {
  const periodMs = seconds * 1000;
  let wheel = wheels.get(periodMs);
  if (!wheel) {
    wheel = new HeartbeatWheel(periodMs);
    wheels.set(periodMs, wheel);
  }
  return wheel.join(key, listener);
}

const checks = new Map<string, Promise<boolean>>();

/**
 * Runs `check` for `key` unless one is already in flight for it, whose answer is shared: every
 * stream of one sign-in asks the database once per beat, not once per stream.
 */
export function sharedCheck(key: string | undefined, check: () => Promise<boolean>): Promise<boolean> {
  if (key === undefined) return check();
  let running = checks.get(key);
  if (!running) {
    running = check().finally(() => checks.delete(key));
    checks.set(key, running);
  }
  return running;
}
