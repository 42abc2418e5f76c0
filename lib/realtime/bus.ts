import type { RealtimeEvent } from "@/lib/realtime/events";

/** A subscriber's view of the bus: events arrive through `onEvent`; `close` unsubscribes. */
export type Subscription = { close(): void };
export type SubscribeOptions = { onEvent(event: RealtimeEvent): void };

/** publish(accountId's event) / subscribe(accountId): the escalation bus (DESIGN "Real-time"). */
export interface EscalationBus {
  publish(event: RealtimeEvent): Promise<void>;
  subscribe(accountId: string, options: SubscribeOptions): Subscription;
}

/** In-process fan-out: every subscriber of the event's account is called synchronously. */
export class InProcessBus implements EscalationBus {
  private readonly subscribers = new Map<string, Set<SubscribeOptions>>();

  async publish(event: RealtimeEvent) {
    for (const subscriber of this.subscribers.get(event.accountId) ?? []) subscriber.onEvent(event);
  }

  subscribe(accountId: string, options: SubscribeOptions): Subscription {
    const set = this.subscribers.get(accountId) ?? new Set();
    set.add(options);
    this.subscribers.set(accountId, set);
    return {
      close: () => {
        set.delete(options);
        if (set.size === 0) this.subscribers.delete(accountId);
      },
    };
  }
}

const globalForBus = globalThis as unknown as { flowpilotBus?: EscalationBus };

/** The bus of this process. */
export const escalationBus: EscalationBus = globalForBus.flowpilotBus ?? new InProcessBus();
globalForBus.flowpilotBus = escalationBus;
