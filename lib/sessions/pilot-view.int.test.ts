import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPilotView } from "@/lib/sessions/pilot-view";
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
});
