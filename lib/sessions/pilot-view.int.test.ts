import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getActiveFix } from "@/lib/fixes/fix-access";
import { listEscalationQueue } from "@/lib/handoffs/queue";
import { canReadSession, getPilotView } from "@/lib/sessions/pilot-view";
import { connectAccountToSimulator } from "@/tests/helpers/psa";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Pilot view A");
  b = await createTenant("Pilot view B");
});

describe("getPilotView", () => {
  it("gives the engineer who started it the working view with facts, fix and task lane", async () => {
    const session = await createSessionFor(a.engineer);
    const questionId = crypto.randomUUID();
    await db.aiSession.update({
      where: { id: session.id },
      data: { pendingTaskLane: { questions: [{ id: questionId, text: "Did it work yesterday?", status: "open" }], actions: [] } },
    });
    await db.sessionFact.create({ data: { accountId: a.accountId, sessionId: session.id, text: "Only floor two", sourceKind: "engineer_note" } });
    await db.sessionSuggestedFix.create({ data: { accountId: a.accountId, sessionId: session.id, title: "Restart", description: "Restart it", confidence: 60 } });

    const view = await getPilotView(viewerOf(a.engineer), session.id);
    expect(view).toMatchObject({ canWrite: true, canWork: true, fix: { title: "Restart" } });
    expect(view.facts.map((fact) => fact.text)).toEqual(["Only floor two"]);
    expect(view.taskLane.questions[0]?.id).toBe(questionId);
  });

  it("shows the active fix, not a superseded one, as the active-fix route gives it, its reused session's title included", async () => {
    const source = await createSessionFor(a.engineer, { status: "resolved" });
    const session = await createSessionFor(a.engineer);
    await db.sessionSuggestedFix.create({
      data: {
        accountId: a.accountId, sessionId: session.id, title: "Lower the MTU", description: "As last time", confidence: 80,
        sourceSessionId: source.id, aiDraftedParameters: { mtu: 1400 }, aiOutcomeProposal: { outcome: "worked" },
      },
    });
    await db.sessionSuggestedFix.create({
      data: { accountId: a.accountId, sessionId: session.id, title: "Later idea, superseded", description: "Superseded", confidence: 40, supersededAt: new Date() },
    });
    const viewer = viewerOf(a.engineer);
    const view = await getPilotView(viewer, session.id);
    expect(view.fix).toEqual(await getActiveFix(viewer, session.id));
    expect(view.fix).toMatchObject({ title: "Lower the MTU", source_session_id: source.id, source_session_title: source.title, ai_drafted_parameters: { mtu: 1400 } });
  });

  it("is read-only for a teammate on an escalated session and for the handler's predecessor", async () => {
    const escalated = await createSessionFor(a.engineer, { status: "escalated" });
    expect(await getPilotView(viewerOf(a.admin), escalated.id)).toMatchObject({ canWrite: false, canWork: false, fix: null });

    await db.aiSession.update({ where: { id: escalated.id }, data: { handlerId: a.admin.id } });
    expect((await getPilotView(viewerOf(a.admin), escalated.id)).canWrite).toBe(true);
    expect((await getPilotView(viewerOf(a.engineer), escalated.id)).canWrite).toBe(false);
  });

  it("stops work on a resolved session and hides other tenants' sessions", async () => {
    const resolved = await createSessionFor(a.engineer, { status: "resolved" });
    expect(await getPilotView(viewerOf(a.engineer), resolved.id)).toMatchObject({ canWrite: true, canWork: false });
    await expect(getPilotView(viewerOf(b.owner), resolved.id)).rejects.toBeInstanceOf(AppError);
  });

  describe("the PSA part (G6)", () => {
    // Only the row matters here (no PSA call is made), so the connection points nowhere real.
    const nowhere = {
      url: "https://cw.pilot-view.example.test",
      credentials: { companyId: "pilotview", publicKey: "pub-pilot-view", privateKey: "priv-pilot-view", clientId: "00000000-0000-4000-8000-00000000feed" },
    };

    it("shows a linked ticket by its ref and offers no spin-off for it", async () => {
      const tenant = await createTenant("Pilot view linked");
      await connectAccountToSimulator(tenant.accountId, nowhere);
      const session = await createSessionFor(tenant.engineer);
      await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: "48233", psaTicketRef: "CW #48233" } });
      expect((await getPilotView(viewerOf(tenant.engineer), session.id)).psa).toEqual({ ticket: { id: "48233", ref: "CW #48233" }, canSpinOff: false });
    });

    it("offers a spin-off only to whoever works an unlinked session, and only with an active connection", async () => {
      const tenant = await createTenant("Pilot view spin-off");
      const session = await createSessionFor(tenant.engineer);
      const escalated = await createSessionFor(tenant.engineer, { status: "escalated" });
      const resolved = await createSessionFor(tenant.engineer, { status: "resolved" });
      expect((await getPilotView(viewerOf(tenant.engineer), session.id)).psa).toEqual({ ticket: null, canSpinOff: false });

      await connectAccountToSimulator(tenant.accountId, nowhere);
      expect((await getPilotView(viewerOf(tenant.engineer), session.id)).psa).toEqual({ ticket: null, canSpinOff: true });
      // A teammate reading an escalation before picking it up may not change it.
      expect((await getPilotView(viewerOf(tenant.admin), escalated.id)).psa.canSpinOff).toBe(false);
      // A resolved session's note is written; a ticket made now would never get it.
      expect((await getPilotView(viewerOf(tenant.engineer), resolved.id)).psa.canSpinOff).toBe(false);

      await connectAccountToSimulator(tenant.accountId, nowhere, { isActive: false });
      expect((await getPilotView(viewerOf(tenant.engineer), session.id)).psa.canSpinOff).toBe(false);
    });

    it("never offers a spin-off to a viewer, whose role can't write", async () => {
      const tenant = await createTenant("Pilot view viewer");
      await connectAccountToSimulator(tenant.accountId, nowhere);
      const own = await db.aiSession.create({ data: { accountId: tenant.accountId, userId: tenant.viewer.id, title: "Viewer's own", status: "active" } });
      expect(await getPilotView(viewerOf(tenant.viewer), own.id)).toMatchObject({ canWrite: false, psa: { ticket: null, canSpinOff: false } });
    });
  });
});

describe("the handoff screen's escalation", () => {
  it("shows the reason and escalator the queue shows: the open handoff's, not the session's older copy", async () => {
    const session = await db.aiSession.create({
      data: { accountId: a.accountId, userId: a.engineer.id, handlerId: a.admin.id, title: "Re-escalated share", status: "escalated", escalationReason: "First round's words", escalatedAt: new Date() },
    });
    await db.sessionHandoff.create({ data: { accountId: a.accountId, sessionId: session.id, intent: "escalate", reason: "First round's words", fromUserId: a.engineer.id, claimedAt: new Date(), claimedById: a.admin.id } });
    await db.sessionHandoff.create({ data: { accountId: a.accountId, sessionId: session.id, intent: "escalate", reason: "The handler's words", fromUserId: a.admin.id } });

    const { escalation } = await getPilotView(viewerOf(a.owner), session.id);
    const queued = (await listEscalationQueue(viewerOf(a.owner), { q: "Re-escalated share" })).items.find((item) => item.sessionId === session.id)!;
    expect(escalation).toMatchObject({ reason: "The handler's words", escalatedBy: a.admin.name });
    expect(queued).toMatchObject({ reason: escalation!.reason, escalatedBy: { name: escalation!.escalatedBy } });
  });

  it("falls back to the session's reason for a legacy escalation without a handoff, and is null for a session not in transit", async () => {
    const legacy = await db.aiSession.create({ data: { accountId: a.accountId, userId: a.engineer.id, title: "Legacy", status: "requesting_escalation", escalationReason: "Old words" } });
    expect((await getPilotView(viewerOf(a.owner), legacy.id)).escalation).toMatchObject({ reason: "Old words", escalatedBy: a.engineer.name });
    const active = await createSessionFor(a.engineer);
    expect((await getPilotView(viewerOf(a.engineer), active.id)).escalation).toBeNull();
  });
});

describe("canReadSession", () => {
  it("is true for a session the viewer may read, false for an unknown id or another tenant's", async () => {
    const session = await createSessionFor(a.engineer);
    expect(await canReadSession(viewerOf(a.engineer), session.id)).toBe(true);
    expect(await canReadSession(viewerOf(b.owner), session.id)).toBe(false);
    expect(await canReadSession(viewerOf(a.engineer), "7f000000-0000-4000-8000-000000000000")).toBe(false);
  });
});
