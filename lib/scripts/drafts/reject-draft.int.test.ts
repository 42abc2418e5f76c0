import { beforeAll, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/v1/draft-templates/[id]/accept/route";
import * as rejectRoute from "@/app/api/v1/draft-templates/[id]/reject/route";
import { db } from "@/lib/db";
import { queueDraft } from "@/lib/scripts/drafts/draft-fixtures";
import { callRoute } from "@/tests/helpers/call-route";
import { stateVersionOf } from "@/tests/helpers/session-state";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
let sessionId: string;
beforeAll(async () => {
  a = await createTenant("Reject A");
  b = await createTenant("Reject B");
  sessionId = (await createSessionFor(a.engineer, { status: "resolved" })).id;
});

const reject = (as: string, id: string) => callRoute(rejectRoute.POST, "POST", { as, params: { id } });
const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error;

describe("POST /api/v1/draft-templates/[id]/reject", () => {
  it("rejects a pending draft, adds nothing to the library and notes it on the session", async () => {
    const draft = await queueDraft(a.engineer, { sessionId });
    const before = await stateVersionOf(sessionId);
    const response = await reject(a.engineer.id, draft.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: draft.id, status: "rejected", promoted_template_id: null, resolved_at: expect.any(String) });
    expect(await db.scriptTemplate.count({ where: { accountId: a.accountId } })).toBe(0);
    const step = await db.aiSessionStep.findFirstOrThrow({ where: { sessionId }, orderBy: { createdAt: "desc" } });
    expect(step).toMatchObject({ kind: "engineer_action", userId: a.engineer.id, content: 'Rejected the draft template "Restart the print spooler".' });
    expect(step.metadata).toEqual({ type: "draft_template_rejected", draft_template_id: draft.id });
    expect(await stateVersionOf(sessionId)).toBe(before + 1);
  });

  it("is 409 on a re-reject and on rejecting an accepted draft", async () => {
    const draft = await queueDraft(a.engineer, { sessionId });
    expect((await reject(a.admin.id, draft.id)).status).toBe(200);
    const again = await reject(a.engineer.id, draft.id);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toBe("This draft was already rejected.");

    const accepted = await queueDraft(a.engineer, { sessionId });
    expect((await callRoute(acceptRoute.POST, "POST", { as: a.engineer.id, params: { id: accepted.id }, body: {} })).status).toBe(200);
    const late = await reject(a.engineer.id, accepted.id);
    expect(late.status).toBe(409);
    expect((await errorOf(late)).message).toMatch(/already saved as a template/);
    expect((await db.draftTemplate.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("accepted");
  });

  it("lets exactly one of two concurrent rejects win", async () => {
    const draft = await queueDraft(a.engineer, { sessionId });
    const statuses = (await Promise.all([reject(a.engineer.id, draft.id), reject(a.owner.id, draft.id)])).map((r) => r.status);
    expect(statuses.sort()).toEqual([200, 409]);
  });

  it("is 403 for a viewer and 404 for another tenant", async () => {
    const draft = await queueDraft(a.engineer, { sessionId });
    expect((await reject(a.viewer.id, draft.id)).status).toBe(403);
    expect((await reject(b.owner.id, draft.id)).status).toBe(404);
    expect((await db.draftTemplate.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("pending");
  });
});
