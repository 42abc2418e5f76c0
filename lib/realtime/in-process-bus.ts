import type { RealtimeEvent } from "@/lib/realtime/events";

/** A subscriber's view of the bus: events arrive through `onEvent`; `close` unsubscribes. */
export type Subscription = { close(): void };
export type SubscribeOptions = { onEvent(event: RealtimeEvent): void };

/** publish(accountId's event) / subscribe(accountId): the escalation bus (DESIGN "Real-time"). */
export interface EscalationBus {
  publish(event: RealtimeEvent): Promise<void>;
  subscribe(accountId: string, options: SubscribeOptions): Subscription;
  /** Local subscribers of `accountId`, or of every account; for tests and benches. */
  subscriberCount(accountId?: string): number;
}

/**
 * In-process fan-out: every subscriber of the event's account is called synchronously. A
 * subscriber must not block (the SSE stream only enqueues); one that throws is logged and the
 * others still get the event.
 */
export class InProcessBus implements EscalationBus {
  private readonly subscribers = new Map<string, Set<SubscribeOptions>>();

  async publish(event: RealtimeEvent) {
    this.deliver(event);
  }

  /** The synchronous fan-out behind `publish`; the Redis bus calls it for events from Redis. */
  deliver(event: RealtimeEvent) {
    const set = this.subscribers.get(event.accountId);
    if (!set) return;
    // A copy: a subscriber dropped during delivery (slow client) must not disturb the iteration.
    for (const subscriber of [...set]) {
      try {
        subscriber.onEvent(event);
      } catch (error) {
        console.error("realtime: a subscriber failed on an event", error);
      }
    }
  }

  subscribe(accountId: string, options: SubscribeOptions): Subscription {
    const set = this.subscribers.get(accountId) ?? new Set();
    set.add(options);
    this.subscribers.set(accountId, set);
    return {
      close: () => {
        set.delete(options);
        if (set.size === 0 && this.subscribers.get(accountId) === set) this.subscribers.delete(accountId);
      },
    };
  }

  subscriberCount(accountId?: string) {
    if (accountId !== undefined) return this.subscribers.get(accountId)?.size ?? 0;
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }
}
