import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updatePreferences } from "@/lib/accounts/preferences";
import { db } from "@/lib/db";
import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { listEscalationQueue } from "@/lib/handoffs/queue";
import { removeMember } from "@/lib/members/remove-member";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { escalationBus } from "@/lib/realtime/bus";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

let tenant: TestTenant;
let senior: TestUser;
let published: RealtimeEvent[];
let subscription: { close(): void };
beforeEach(async () => {
  tenant = await createTenant("Requeue MSP");
  senior = await addUser(tenant.accountId, { role: "engineer", label: "senior" });
  await updatePreferences(viewerOf(tenant.owner), { escalation_email_enabled: true });
  published = [];
  subscription = escalationBus.subscribe(tenant.accountId, { onEvent: (event) => published.push(event) });
});
afterEach(async () => {
  subscription.close();
  await backgroundTasksSettled();
});

/** The engineer escalated a session; the senior picked it up. */
async function claimedBySenior() {
  const { session, handoff } = await createPendingHandoff(tenant.engineer);
  await claimHandoff(viewerOf(senior), { sessionId: session.id, handoffId: handoff.id });
  return { session, handoff };
}

describe("removing a member who holds escalations", () => {
  it("returns a claimed escalation they never worked on to the queue and announces it again", async () => {
    const { session, handoff } = await claimedBySenior();
    const result = await removeMember(viewerOf(tenant.owner), senior.id);
    expect(result.requeued_session_ids).toEqual([session.id]);

    const after = await db.aiSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after).toMatchObject({ status: "escalated", handlerId: null });
    const open = await db.sessionHandoff.findFirstOrThrow({ where: { sessionId: session.id, claimedAt: null } });
    expect(open).toMatchObject({ intent: "escalate", fromUserId: tenant.engineer.id, reason: handoff.reason });
    expect(open.id).not.toBe(handoff.id);
    // The old claim stays as history.
    expect(await db.sessionHandoff.findUniqueOrThrow({ where: { id: handoff.id } })).toMatchObject({ claimedById: senior.id });

    const queue = await listEscalationQueue(viewerOf(tenant.admin), { sort: "newest", page: 1 });
    expect(queue.items.find((item) => item.sessionId === session.id)?.handoffId).toBe(open.id);

    // Announced like an escalation: unread bell rows for the eligible teammates (not the removed
    // senior, not the escalator), email deliveries, a handoff_created event after commit.
    const bell = await db.appNotification.findMany({ where: { handoffId: open.id }, select: { userId: true, readAt: true, type: true } });
    expect(bell.map((row) => row.userId).sort()).toEqual([tenant.owner.id, tenant.admin.id].sort());
    expect(bell.every((row) => row.readAt === null && row.type === "session.escalated")).toBe(true);
    const deliveries = await db.notificationDelivery.findMany({ where: { handoffId: open.id, channel: "email" } });
    expect(deliveries.map((row) => row.recipientUserId).sort()).toEqual([tenant.owner.id, tenant.admin.id].sort());
    await backgroundTasksSettled();
    expect(published.filter((event) => event.type === "handoff_created").map((event) => event.payload.handoff_id)).toEqual([open.id]);
    const step = await db.aiSessionStep.findFirstOrThrow({ where: { sessionId: session.id, kind: "system_event" } });
    expect(step.content).toMatch(/Back in the queue/);

    // A teammate can pick it up again.
    await claimHandoff(viewerOf(tenant.admin), { sessionId: session.id, handoffId: open.id });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).handlerId).toBe(tenant.admin.id);
  });

  it("leaves an escalation alone once they acted on it after the claim", async () => {
    const { session } = await claimedBySenior();
    await db.aiSessionStep.create({
      data: { accountId: tenant.accountId, sessionId: session.id, userId: senior.id, kind: "engineer_message", content: "Looking at the mailbox now" },
    });
    const result = await removeMember(viewerOf(tenant.owner), senior.id);
    expect(result.requeued_session_ids).toEqual([]);
    expect(await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({ status: "active", handlerId: senior.id });
    await backgroundTasksSettled();
    expect(published.filter((event) => event.type === "handoff_created")).toEqual([]);
  });

  it("leaves their own sessions and resolved work where they are", async () => {
    const own = await db.aiSession.create({ data: { accountId: tenant.accountId, userId: senior.id, title: "Own work", status: "active" } });
    const { session } = await claimedBySenior();
    await db.aiSession.update({ where: { id: session.id }, data: { status: "resolved" } });
    const result = await removeMember(viewerOf(tenant.owner), senior.id);
    expect(result.requeued_session_ids).toEqual([]);
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("active");
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("resolved");
  });
});
