import { beforeAll, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/v1/draft-templates/[id]/accept/route";
import * as rejectRoute from "@/app/api/v1/draft-templates/[id]/reject/route";
import { db } from "@/lib/db";
import { DRAFT_BODY, DRAFT_PARAMETERS, queueDraft } from "@/lib/scripts/drafts/draft-fixtures";
import { callRoute } from "@/tests/helpers/call-route";
import { stateVersionOf } from "@/tests/helpers/session-state";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
let resolvedSession: string;
beforeAll(async () => {
  a = await createTenant("Accept A");
  b = await createTenant("Accept B");
  const session = await db.aiSession.create({
    data: {
      accountId: a.accountId,
      userId: a.engineer.id,
      handlerId: a.admin.id,
      title: "Printer queue stuck",
      status: "resolved",
      psaTicketId: "99123",
      psaTicketRef: "CW #99123",
    },
  });
  resolvedSession = session.id;
});

const accept = (as: string, id: string, body: unknown = {}) => callRoute(acceptRoute.POST, "POST", { as, params: { id }, body });
const reject = (as: string, id: string) => callRoute(rejectRoute.POST, "POST", { as, params: { id } });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("POST /api/v1/draft-templates/[id]/accept", () => {
  it("promotes the draft as it stands: version 1 with the session's provenance, the draft accepted, a step on the session", async () => {
    const draft = await queueDraft(a.engineer, { sessionId: resolvedSession });
    const before = await stateVersionOf(resolvedSession);
    const response = await accept(a.engineer.id, draft.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.template).toMatchObject({ name: "Restart the print spooler", version: 1 });
    expect(body.draft).toMatchObject({ id: draft.id, status: "accepted", promoted_template_id: body.template.id });
    expect(body.draft.resolved_at).toEqual(expect.any(String));

    const template = await db.scriptTemplate.findUniqueOrThrow({ where: { id: body.template.id }, include: { versions: true } });
    expect(template).toMatchObject({
      accountId: a.accountId,
      name: "Restart the print spooler",
      description: "The spooler hung after a driver update.",
      language: "powershell",
      body: DRAFT_BODY,
      parametersSchema: DRAFT_PARAMETERS,
      categoryId: null,
      version: 1,
      createdById: a.engineer.id,
      sourceSessionId: resolvedSession,
      // The engineer who resolved it: the handler after a pickup.
      sourceUserId: a.admin.id,
      sourceTicketRef: "CW #99123",
    });
    expect(template.versions).toEqual([expect.objectContaining({ version: 1, body: DRAFT_BODY, parametersSchema: DRAFT_PARAMETERS })]);

    const stored = await db.draftTemplate.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ status: "accepted", promotedTemplateId: template.id });
    expect(stored.resolvedAt).toBeInstanceOf(Date);
    const step = await db.aiSessionStep.findFirstOrThrow({ where: { sessionId: resolvedSession }, orderBy: { createdAt: "desc" } });
    expect(step).toMatchObject({ kind: "engineer_action", userId: a.engineer.id });
    expect(step.metadata).toEqual({ type: "draft_template_accepted", template_id: template.id, draft_template_id: draft.id });
    expect(await stateVersionOf(resolvedSession)).toBe(before + 1);
  });

  it("applies the engineer's edits: name, description, category, body and parameters", async () => {
    const draft = await queueDraft(a.engineer, { sessionId: resolvedSession });
    const category = await db.scriptCategory.create({ data: { accountId: a.accountId, name: "Printing" } });
    const parameters = [{ name: "server", label: "Print server", type: "select", options: ["PRN-01", "PRN-02"] }];
    const body = 'Restart-Service -Name Spooler -Force\nGet-Printer -ComputerName "{{server}}"';
    const response = await accept(a.owner.id, draft.id, {
      name: "  Restart spooler on a print server ",
      description: "",
      category_id: category.id,
      body,
      parameters,
    });
    expect(response.status).toBe(200);
    const { template } = await response.json();
    const stored = await db.scriptTemplate.findUniqueOrThrow({ where: { id: template.id } });
    expect(stored).toMatchObject({ name: "Restart spooler on a print server", description: null, categoryId: category.id, body, version: 1 });
    expect(stored.parametersSchema).toEqual([
      { name: "server", label: "Print server", type: "select", options: ["PRN-01", "PRN-02"], required: true, default: null, sensitive: false, description: null },
    ]);
  });

  it("promotes a draft without a session with no provenance and no step", async () => {
    const draft = await queueDraft(a.engineer);
    const response = await accept(a.engineer.id, draft.id);
    expect(response.status).toBe(200);
    const stored = await db.scriptTemplate.findUniqueOrThrow({ where: { id: (await response.json()).template.id } });
    expect(stored).toMatchObject({ sourceSessionId: null, sourceUserId: null, sourceTicketRef: null });
  });

  it("is 409 on a re-accept and on accepting a rejected draft, and creates no second template", async () => {
    const draft = await queueDraft(a.engineer, { sessionId: resolvedSession });
    expect((await accept(a.engineer.id, draft.id)).status).toBe(200);
    const again = await accept(a.admin.id, draft.id);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toMatch(/already saved as a template/);
    expect(await db.scriptTemplate.count({ where: { drafts: { some: { id: draft.id } } } })).toBe(1);

    const rejected = await queueDraft(a.engineer, { sessionId: resolvedSession });
    expect((await reject(a.engineer.id, rejected.id)).status).toBe(200);
    const late = await accept(a.engineer.id, rejected.id);
    expect(late.status).toBe(409);
    expect((await errorOf(late)).message).toMatch(/was rejected/);
    expect((await db.draftTemplate.findUniqueOrThrow({ where: { id: rejected.id } })).status).toBe("rejected");
  });

  it("is 400 for an unknown category and for another tenant's, and leaves the draft pending", async () => {
    const draft = await queueDraft(a.engineer, { sessionId: resolvedSession });
    const theirs = await db.scriptCategory.create({ data: { accountId: b.accountId, name: "Theirs" } });
    const templatesBefore = await db.scriptTemplate.count({ where: { accountId: a.accountId } });
    for (const categoryId of [theirs.id, "5b0c8a54-3c55-4a64-9a55-6f4f8f1d1e01"]) {
      const response = await accept(a.engineer.id, draft.id, { category_id: categoryId });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toMatch(/Unknown category/);
    }
    expect((await db.draftTemplate.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("pending");
    expect(await db.scriptTemplate.count({ where: { accountId: a.accountId } })).toBe(templatesBefore);
  });

  it("is 422 for a body using an undeclared parameter, edited or as drafted, and for bad parameters", async () => {
    const draft = await queueDraft(a.engineer, { sessionId: resolvedSession });
    const undeclared = await accept(a.engineer.id, draft.id, { body: "Restart-Service -Name {{service_name}} -ComputerName {{host}}" });
    expect(undeclared.status).toBe(422);
    expect((await errorOf(undeclared)).message).toMatch(/\{\{host\}\}/);

    const duplicate = await accept(a.engineer.id, draft.id, { parameters: [{ name: "x", type: "text" }, { name: "x", type: "text" }] });
    expect(duplicate.status).toBe(422);
    const badType = await accept(a.engineer.id, draft.id, { parameters: [{ name: "service_name", type: "script" }] });
    expect(badType.status).toBe(422);
    const emptySelect = await accept(a.engineer.id, draft.id, { parameters: [{ name: "service_name", type: "select" }] });
    expect(emptySelect.status).toBe(422);

    // Drafted before the rules: the body uses {{service}}, which no proposed parameter declares.
    const stale = await queueDraft(a.engineer, { templatedBody: "Get-Service {{service}}", proposedParameters: [] });
    expect((await accept(a.engineer.id, stale.id)).status).toBe(422);
    expect(await db.draftTemplate.count({ where: { id: { in: [draft.id, stale.id] }, status: "pending" } })).toBe(2);
  });

  it("lets exactly one of two concurrent accepts win", async () => {
    const draft = await queueDraft(a.engineer, { sessionId: resolvedSession });
    const responses = await Promise.all([accept(a.engineer.id, draft.id), accept(a.admin.id, draft.id), accept(a.owner.id, draft.id)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    expect(await db.scriptTemplate.count({ where: { drafts: { some: { id: draft.id } } } })).toBe(1);
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: resolvedSession, metadata: { path: ["draft_template_id"], equals: draft.id } } });
    expect(steps).toHaveLength(1);
  });

  it("is 403 for a viewer and 404 for another tenant, changing nothing", async () => {
    const draft = await queueDraft(a.engineer, { sessionId: resolvedSession });
    expect((await accept(a.viewer.id, draft.id)).status).toBe(403);
    expect((await accept(b.owner.id, draft.id)).status).toBe(404);
    expect((await accept(b.engineer.id, draft.id)).status).toBe(404);
    expect((await accept(a.engineer.id, "5b0c8a54-3c55-4a64-9a55-6f4f8f1d1e02")).status).toBe(404);
    expect((await db.draftTemplate.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("pending");
  });
});
