import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/draft-templates/route";
import * as draftRoute from "@/app/api/v1/draft-templates/[id]/route";
import { db } from "@/lib/db";
import { DRAFT_BODY, DRAFT_PARAMETERS, DRAFT_SCRIPT, queueDraft } from "@/lib/scripts/drafts/draft-fixtures";
import { listDraftTemplates } from "@/lib/scripts/drafts/draft-queue";
import { callRoute } from "@/tests/helpers/call-route";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
let sessionId: string;
const ids = { loose: "", pending: "", accepted: "", rejected: "", theirs: "" };
beforeAll(async () => {
  a = await createTenant("Queue A");
  b = await createTenant("Queue B");
  sessionId = (
    await db.aiSession.create({
      data: { accountId: a.accountId, userId: a.engineer.id, title: "VPN drops", status: "resolved", psaTicketId: "48233", psaTicketRef: null },
    })
  ).id;
  ids.loose = (await queueDraft(a.admin, { name: "Loose draft" })).id;
  ids.pending = (await queueDraft(a.engineer, { sessionId, name: "Pending draft" })).id;
  ids.accepted = (await queueDraft(a.engineer, { sessionId, status: "accepted", name: "Accepted draft" })).id;
  ids.rejected = (await queueDraft(a.engineer, { status: "rejected", name: "Rejected draft" })).id;
  ids.theirs = (await queueDraft(b.engineer, { name: "B's draft" })).id;
});

const list = (as: string, query: Record<string, string> = {}) => callRoute(listRoute.GET, "GET", { as, query });
const namesOf = async (response: Response) => ((await response.json()) as { items: { name: string }[] }).items.map((item) => item.name);

describe("GET /api/v1/draft-templates", () => {
  it("lists the account's pending drafts by default, newest first, to every member", async () => {
    for (const user of [a.viewer, a.engineer, a.owner]) {
      const response = await list(user.id);
      expect(response.status).toBe(200);
      expect(await namesOf(response)).toEqual(["Pending draft", "Loose draft"]);
    }
  });

  it("lists every draft with pending_only=false (the audit view), and only the tenant's own", async () => {
    expect(await namesOf(await list(a.viewer.id, { pending_only: "false" }))).toEqual([
      "Rejected draft",
      "Accepted draft",
      "Pending draft",
      "Loose draft",
    ]);
    expect(await namesOf(await list(b.owner.id, { pending_only: "false" }))).toEqual(["B's draft"]);
  });

  it("filters by session", async () => {
    expect(await namesOf(await list(a.engineer.id, { session_id: sessionId, pending_only: "false" }))).toEqual(["Accepted draft", "Pending draft"]);
    expect(await namesOf(await list(b.owner.id, { session_id: sessionId }))).toEqual([]);
  });

  it("answers the list shape with each draft's view", async () => {
    const body = await (await list(a.engineer.id, { session_id: sessionId })).json();
    expect(body).toEqual({
      next_page: null,
      items: [
        {
          id: ids.pending,
          name: "Pending draft",
          description: "The spooler hung after a driver update.",
          language: "powershell",
          original_script: DRAFT_SCRIPT,
          templated_body: DRAFT_BODY,
          proposed_parameters: DRAFT_PARAMETERS,
          status: "pending",
          session: { id: sessionId, title: "VPN drops", ticket_ref: "#48233" },
          created_by: { id: a.engineer.id, name: a.engineer.name },
          created_at: expect.any(String),
          resolved_at: null,
          promoted_template_id: null,
        },
      ],
    });
  });

  it("is 422 for a pending_only that isn't true or false, 401 signed out", async () => {
    expect((await list(a.engineer.id, { pending_only: "maybe" })).status).toBe(422);
    expect((await callRoute(listRoute.GET, "GET")).status).toBe(401);
  });

  it("matches the service called directly", async () => {
    const { items } = await listDraftTemplates(viewerOf(a.engineer));
    expect(items.map((item) => item.id)).toEqual([ids.pending, ids.loose]);
  });
});

describe("GET /api/v1/draft-templates/[id]", () => {
  it("reads any draft of the account, whatever its status", async () => {
    for (const id of [ids.pending, ids.rejected]) {
      const response = await callRoute(draftRoute.GET, "GET", { as: a.viewer.id, params: { id } });
      expect(response.status).toBe(200);
      expect((await response.json()).id).toBe(id);
    }
  });

  it("shows the original script with sensitive values masked", async () => {
    const draft = await queueDraft(a.engineer, {
      templatedBody: 'net user {{user}} "{{password}}"',
      proposedParameters: [
        { name: "user", label: "User", type: "text", required: true, default: null, sensitive: false, description: null },
        { name: "password", label: "Password", type: "secret", required: true, default: null, sensitive: true, description: null },
      ],
      originalScript: 'net user alice "Winter2026!"',
    });
    const body = await (await callRoute(draftRoute.GET, "GET", { as: a.viewer.id, params: { id: draft.id } })).json();
    expect(body.original_script).toBe('net user alice "••••"');
    expect(JSON.stringify(body)).not.toContain("Winter2026!");
  });

  it("is 404 for another tenant's draft and an unknown id, 422 for a malformed one", async () => {
    expect((await callRoute(draftRoute.GET, "GET", { as: b.owner.id, params: { id: ids.pending } })).status).toBe(404);
    expect((await callRoute(draftRoute.GET, "GET", { as: a.owner.id, params: { id: ids.theirs } })).status).toBe(404);
    expect((await callRoute(draftRoute.GET, "GET", { as: a.owner.id, params: { id: "not-a-uuid" } })).status).toBe(422);
  });
});
