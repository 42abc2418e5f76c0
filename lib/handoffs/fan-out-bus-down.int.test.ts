import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // A real Redis bus whose server is down: nothing listens on the discard port of loopback.
  process.env.REDIS_URL = "redis://127.0.0.1:9";
});

import { db } from "@/lib/db";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { escalationBus } from "@/lib/realtime/bus";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { installFakeResend } from "@/tests/helpers/resend";
import { createSessionFor, createTenant, viewerOf } from "@/tests/helpers/tenant";

const fakeResend = installFakeResend();

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("escalating while Redis is down", () => {
  it("still escalates, delivers live on this process, logs the failed publish and sends every email", async () => {
    const tenant = await createTenant("Bus Down MSP");
    const received: RealtimeEvent[] = [];
    const subscription = escalationBus.subscribe(tenant.accountId, { onEvent: (event) => received.push(event) });
    const session = await createSessionFor(tenant.engineer, { title: "Bus down" });

    const result = await createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "escalate", reason: "Redis is down" });
    await backgroundTasksSettled();
    subscription.close();

    expect(result.session.status).toBe("escalated");
    expect(received.map((event) => [event.type, event.payload.handoff_id])).toEqual([["handoff_created", result.handoff.id]]);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining("realtime.publish_failed"));
    const deliveries = await db.notificationDelivery.findMany({ where: { handoffId: result.handoff.id }, select: { channel: true, status: true } });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((row) => row.channel === "email" && row.status === "sent")).toBe(true);
    expect(fakeResend().emails).toHaveLength(deliveries.length);
  });
});
