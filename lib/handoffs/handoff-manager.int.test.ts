import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as escalateRoute } from "@/app/api/v1/ai-sessions/[id]/escalate/route";
import { POST as handoffRoute } from "@/app/api/v1/ai-sessions/[id]/handoff/route";
import { db } from "@/lib/db";
import { DETERMINISTIC_MARKER } from "@/lib/documents/deterministic-draft";
import { previewEscalationPackage } from "@/lib/documents/preview";
import { createHandoff, escalateSession } from "@/lib/handoffs/handoff-manager";
import { escalationRecipientsWhere } from "@/lib/handoffs/recipients";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { escalationBus } from "@/lib/realtime/bus";
import type { RealtimeEvent } from "@/lib/realtime/events";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { escalationState } from "@/tests/helpers/handoffs";
import { addUser } from "@/tests/helpers/users";
import { asTableOwner } from "@/tests/helpers/as-table-owner";
import { createSessionFor, createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

const PACKAGE = "## Problem\nP\n## What we've confirmed\n- C\n## What we've tried\n- T\n## Current hypothesis\nH\n## Suggested next steps\n- N";
const fakeModel = installFakeModel();

let tenant: TestTenant;
let other: TestTenant;
let senior: TestUser;

beforeAll(async () => {
  tenant = await createTenant("Handoff MSP");
  other = await createTenant("Other MSP");
  senior = await addUser(tenant.accountId, { role: "engineer", label: "senior" });
});
beforeEach(() => {
  fakeModel().reset();
  fakeModel().setResponder(() => ({ text: PACKAGE }));
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  // The after-commit fan-out (live event, dev-mailbox email) finishes before the next test.
  await backgroundTasksSettled();
  fakeModel().setOverride(undefined);
  vi.restoreAllMocks();
});

const escalate = (sessionId: string, extra: { targetUserId?: string; reason?: string } = {}) =>
  createHandoff(viewerOf(tenant.engineer), { sessionId, intent: "escalate", reason: extra.reason ?? "Stuck on DNS", targetUserId: extra.targetUserId });

describe("escalationRecipientsWhere against the database", () => {
  it("finds active engineers, admins and owners of the account, never the escalator, viewers, removed users or other tenants", async () => {
    const users = await db.user.findMany({ where: escalationRecipientsWhere({ accountId: tenant.accountId, escalatorId: tenant.engineer.id }), select: { id: true } });
    expect(users.map((u) => u.id).sort()).toEqual([tenant.owner.id, tenant.admin.id, senior.id].sort());
  });
});

describe("createHandoff: escalate", () => {
  it("writes the handoff, escalation fields, package, documentation, step and one bell row per teammate", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Printer down" });
    const result = await escalate(session.id, { targetUserId: senior.id });

    expect(result.handoff).toMatchObject({ intent: "escalate", reason: "Stuck on DNS", from_user_id: tenant.engineer.id, target_user_id: senior.id, claimed_at: null });
    expect(result.session).toMatchObject({ id: session.id, status: "escalated", escalation_reason: "Stuck on DNS", escalated_to_id: senior.id });
    expect(result.documentation).toMatchObject({ ai_generated: true });
    expect(result.documentation!.markdown).toContain("## Suggested next steps");
    expect(result).toMatchObject({ outcome: "escalated_local", psa: null });

    const row = await db.aiSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.escalatedAt).not.toBeNull();
    expect(row.escalationPackageMarkdown).toBe(result.documentation!.markdown);
    expect(row.escalationPackage).toMatchObject({
      markdown: result.documentation!.markdown,
      ai_generated: true,
      handoff: { id: result.handoff.id, reason: "Stuck on DNS", from_user_id: tenant.engineer.id, target_user_id: senior.id },
    });
    const docs = await db.sessionDocumentation.findMany({ where: { sessionId: session.id } });
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ id: result.documentation!.id, kind: "escalation_package", psaPostStatus: "local", aiGenerated: true, createdById: tenant.engineer.id });
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: session.id } });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: "engineer_action", userId: tenant.engineer.id });

    const bells = await db.appNotification.findMany({ where: { handoffId: result.handoff.id } });
    expect(bells.map((b) => b.userId).sort()).toEqual([tenant.owner.id, tenant.admin.id, senior.id].sort());
    for (const bell of bells) {
      expect(bell).toMatchObject({ type: "session.escalated", sessionId: session.id, accountId: tenant.accountId, link: `/pilot/${session.id}?pickup=true&from=escalations` });
    }
    expect(await db.appNotification.count({ where: { accountId: other.accountId } })).toBe(0);
  });

  it("records the handoff_created event in the transaction and publishes it after commit; queues the teammates' email", async () => {
    const received: RealtimeEvent[] = [];
    const subscription = escalationBus.subscribe(tenant.accountId, { onEvent: (event) => received.push(event) });
    try {
      const session = await createSessionFor(tenant.engineer, { title: "Switch loop" });
      const result = await escalate(session.id, { targetUserId: senior.id, reason: "STP storm" });
      const stored = await db.realtimeEvent.findMany({ where: { accountId: tenant.accountId, type: "handoff_created" }, orderBy: { id: "desc" }, take: 1 });
      expect(stored[0]!.payload).toEqual({
        handoff_id: result.handoff.id, session_id: session.id, session_title: "Switch loop", reason: "STP storm",
        from_user_id: tenant.engineer.id, from_user_name: tenant.engineer.name, target_user_id: senior.id,
        created_at: result.handoff.created_at, link: `/pilot/${session.id}?pickup=true&from=escalations`,
      });
      await backgroundTasksSettled();
      expect(received.map((event) => event.id)).toEqual([stored[0]!.id.toString()]);
      const deliveries = await db.notificationDelivery.findMany({ where: { handoffId: result.handoff.id } });
      expect(deliveries.map((row) => row.recipientUserId).sort()).toEqual([tenant.owner.id, tenant.admin.id, senior.id].sort());
      // No RESEND_API_KEY in tests: the dev mailbox keeps them, sent.
      expect(deliveries.every((row) => row.channel === "email" && row.status === "sent")).toBe(true);
    } finally {
      subscription.close();
    }
  });

  it("still escalates with the deterministic package when the model is down", async () => {
    fakeModel().setOverride({ status: 500 });
    const session = await createSessionFor(tenant.engineer, { title: "Model outage" });
    const result = await escalate(session.id);
    expect(result.session.status).toBe("escalated");
    expect(result.documentation).toMatchObject({ ai_generated: false });
    expect(result.documentation!.markdown).toContain(DETERMINISTIC_MARKER);
    const row = await db.aiSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.escalationPackage).toMatchObject({ ai_generated: false });
    expect(await db.appNotification.count({ where: { sessionId: session.id } })).toBe(3);
  });

  it("escalates with the engineer's edit of the package, which then counts as theirs; the unedited preview stays AI-written", async () => {
    const edited = await createSessionFor(tenant.engineer, { title: "Edited package" });
    await previewEscalationPackage(viewerOf(tenant.engineer), edited.id);
    const mine = `${PACKAGE}\n- Also: the customer rebooted twice.`;
    const result = await createHandoff(viewerOf(tenant.engineer), { sessionId: edited.id, intent: "escalate", reason: "Edited", packageMarkdown: mine });
    expect(result.documentation).toEqual({ id: expect.any(String), markdown: mine, ai_generated: false });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: edited.id } })).escalationPackageMarkdown).toBe(mine);

    const verbatim = await createSessionFor(tenant.engineer, { title: "Verbatim package" });
    const preview = await previewEscalationPackage(viewerOf(tenant.engineer), verbatim.id);
    const same = await createHandoff(viewerOf(tenant.engineer), { sessionId: verbatim.id, intent: "escalate", reason: "Verbatim", packageMarkdown: preview.markdown });
    expect(same.documentation).toMatchObject({ ai_generated: true });
  });

  it("rejects an empty edited package (422) and writes nothing", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Empty package" });
    const response = await callRoute(handoffRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { intent: "escalate", reason: "x", package_markdown: "   " } });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/package is empty/);
    expect(await db.sessionHandoff.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("writes nothing when a write inside the transaction fails (the bell insert here)", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Atomic" });
    // A real database failure on the last insert of the transaction, not a mock of our code.
    await asTableOwner(`CREATE FUNCTION refuse_bell() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'bell insert refused'; END $$`);
    await asTableOwner(`CREATE TRIGGER refuse_bell BEFORE INSERT ON app_notifications FOR EACH ROW EXECUTE FUNCTION refuse_bell()`);
    try {
      await expect(escalate(session.id)).rejects.toThrow();
    } finally {
      await asTableOwner(`DROP TRIGGER refuse_bell ON app_notifications`);
      await asTableOwner(`DROP FUNCTION refuse_bell()`);
    }
    const row = await db.aiSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(row).toMatchObject({ status: "active", escalationReason: null, escalatedAt: null, escalationPackage: null, escalationPackageMarkdown: null });
    expect(await db.sessionHandoff.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.sessionDocumentation.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.aiSessionStep.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.notificationDelivery.count({ where: { handoff: { sessionId: session.id } } })).toBe(0);
    expect(await db.realtimeEvent.count({ where: { accountId: tenant.accountId, payload: { path: ["session_id"], equals: session.id } } })).toBe(0);
    // And the same session escalates once the database accepts the writes again.
    await expect(escalate(session.id)).resolves.toMatchObject({ session: { status: "escalated" } });
  });

  it("refuses a self target and targets that are not active working teammates (422)", async () => {
    const session = await createSessionFor(tenant.engineer);
    const outsider = await addUser(other.accountId);
    for (const target of [tenant.engineer.id, tenant.viewer.id, tenant.removed.id, outsider.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(escalate(session.id, { targetUserId: target })).rejects.toMatchObject({ code: "invalid" });
    }
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("active");
  });

  it("refuses resolved, already escalated and legacy requesting_escalation sessions (409)", async () => {
    for (const status of ["resolved", "escalated", "requesting_escalation"] as const) {
      const session = await createSessionFor(tenant.engineer, { status });
      await expect(escalate(session.id)).rejects.toMatchObject({ code: "conflict" });
    }
    const escalated = await createSessionFor(tenant.engineer, { status: "escalated" });
    await expect(escalate(escalated.id)).rejects.toThrow("already escalated");
  });

  it("lets two concurrent escalations of one session produce one handoff", async () => {
    const session = await createSessionFor(tenant.engineer);
    const results = await Promise.allSettled([escalate(session.id), escalate(session.id)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.sessionHandoff.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("is not found for another tenant's session and forbidden for a teammate's", async () => {
    const session = await createSessionFor(tenant.engineer);
    await expect(createHandoff(viewerOf(other.owner), { sessionId: session.id, intent: "escalate", reason: "x" })).rejects.toMatchObject({ code: "not_found" });
    const escalated = await createSessionFor(tenant.engineer, { status: "escalated" });
    await expect(createHandoff(viewerOf(tenant.admin), { sessionId: escalated.id, intent: "escalate", reason: "x" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("createHandoff: park", () => {
  it("parks privately: a handoff row and a step, no package, documentation or notifications", async () => {
    const session = await createSessionFor(tenant.engineer);
    const result = await createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "park", reason: "Waiting on the client" });
    expect(result).toMatchObject({ handoff: { intent: "park" }, session: { status: "parked", escalation_reason: null }, documentation: null, outcome: "parked", psa: null });
    expect(fakeModel().requests).toHaveLength(0);
    expect(await db.appNotification.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.sessionDocumentation.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.aiSessionStep.count({ where: { sessionId: session.id } })).toBe(1);
    expect(await db.notificationDelivery.count({ where: { handoff: { sessionId: session.id } } })).toBe(0);
    expect(await db.realtimeEvent.count({ where: { accountId: tenant.accountId, payload: { path: ["session_id"], equals: session.id } } })).toBe(0);
    await expect(createHandoff(viewerOf(tenant.engineer), { sessionId: session.id, intent: "park", reason: "again" })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("routes", () => {
  it("/handoff and the legacy /escalate leave identical state", async () => {
    const viaHandoff = await createSessionFor(tenant.engineer, { title: "Twin" });
    const viaEscalate = await createSessionFor(tenant.engineer, { title: "Twin" });
    const body = { reason: "Same reason", target_user_id: senior.id };

    const first = await callRoute(handoffRoute, "POST", { as: tenant.engineer.id, params: { id: viaHandoff.id }, body: { ...body, intent: "escalate" } });
    expect(first.status).toBe(201);
    const second = await callRoute(escalateRoute, "POST", { as: tenant.engineer.id, params: { id: viaEscalate.id }, body });
    expect(second.status).toBe(200);

    const a = await escalationState(viaHandoff.id);
    expect(a.handoffs).toHaveLength(1);
    expect(a.notifications).toHaveLength(3);
    expect(await escalationState(viaEscalate.id)).toEqual(a);
  });

  it("/escalate answers in the session-close shape", async () => {
    const session = await createSessionFor(tenant.engineer);
    const response = await callRoute(escalateRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { reason: "Need help" } });
    expect(response.status).toBe(200);
    const json = await response.json();
    const handoff = await db.sessionHandoff.findFirstOrThrow({ where: { sessionId: session.id } });
    const doc = await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } });
    // No linked ticket: escalated locally, psa null (PSA posts: lib/psa/psa-writeback.int.test.ts).
    expect(json).toEqual({
      status: "escalated",
      outcome: "escalated_local",
      session_id: session.id,
      handoff_id: handoff.id,
      documentation: { id: doc.id, markdown: doc.markdown, ai_generated: true },
      psa: null,
    });
  });

  it("validates the body (422) and refuses viewers (403)", async () => {
    const session = await createSessionFor(tenant.engineer);
    const bad = [{ intent: "escalate", reason: "" }, { intent: "fly", reason: "x" }, { intent: "escalate", reason: "x".repeat(2001) }, { intent: "escalate", reason: "x", target_user_id: "nope" }];
    for (const body of bad) {
      const response = await callRoute(handoffRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body });
      expect(response.status).toBe(422);
    }
    const self = await callRoute(escalateRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { reason: "x", target_user_id: tenant.engineer.id } });
    expect(self.status).toBe(422);
    const viewer = await callRoute(handoffRoute, "POST", { as: tenant.viewer.id, params: { id: session.id }, body: { intent: "park", reason: "x" } });
    expect(viewer.status).toBe(403);
  });

  it("escalateSession is the same call as createHandoff with intent escalate", async () => {
    const session = await createSessionFor(tenant.engineer);
    const result = await escalateSession(viewerOf(tenant.engineer), { sessionId: session.id, reason: "Direct" });
    expect(result.status).toBe("escalated");
    expect(await db.sessionHandoff.count({ where: { id: result.handoff_id, intent: "escalate" } })).toBe(1);
  });
});
