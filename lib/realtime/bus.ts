import { env } from "@/lib/env";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { InProcessBus, type EscalationBus } from "@/lib/realtime/in-process-bus";
import { RedisBus } from "@/lib/realtime/redis-bus";

// The bus contract lived here first; callers keep importing it from this module.
export { InProcessBus, type EscalationBus, type SubscribeOptions, type Subscription } from "@/lib/realtime/in-process-bus";

const globalForBus = globalThis as unknown as { flowpilotBus?: EscalationBus };

/**
 * The bus of this process: through Redis pub/sub when REDIS_URL is set (several app processes
 * share one stream), else in-process. Kept on globalThis so dev hot reloads reuse one connection.
 */
export const escalationBus: EscalationBus = globalForBus.flowpilotBus ?? (env.REDIS_URL ? new RedisBus(env.REDIS_URL) : new InProcessBus());
globalForBus.flowpilotBus = escalationBus;

/**
 * Publishes an event whose rows are already committed. Never throws: a failed publish only
 * delays what open pages show until they refetch or replay, so it is logged and dropped.
 */
export async function publishCommitted(event: RealtimeEvent): Promise<void> {
  try {
    await escalationBus.publish(event);
  } catch (error) {
    console.error(JSON.stringify({ event: "realtime.publish_failed", type: event.type, event_id: event.id, handoff_id: event.payload.handoff_id, error: String(error) }));
  }
}
