import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postRoute } from "@/app/api/v1/ai-sessions/[id]/resolution-note/post/route";
import { POST as previewRoute } from "@/app/api/v1/ai-sessions/[id]/resolution-note/preview/route";
import { db } from "@/lib/db";
import { DETERMINISTIC_MARKER } from "@/lib/documents/deterministic-draft";
import { postResolutionNote } from "@/lib/documents/post-resolution";
import { previewResolutionNote } from "@/lib/documents/preview";
import { NOT_CONNECTED } from "@/lib/psa/account-provider";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { callRoute } from "@/tests/helpers/call-route";
import { addFacts, addScriptRun } from "@/tests/helpers/documents";
import { addUser } from "@/tests/helpers/users";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const NOTE = "## Problem\nP\n## What we confirmed\n- F\n## Root cause\nR\n## Resolution\nFixed.";

const model = installFakeModel();
let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  tenant = await createTenant("Post MSP");
  other = await createTenant("Other MSP");
});
beforeEach(() => {
  model().reset();
  model().setResponder(() => ({ text: NOTE }));
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  model().setResponder(undefined);
  vi.restoreAllMocks();
});

const engineer = () => viewerOf(tenant.engineer);

describe("postResolutionNote without a linked ticket", () => {
  it("resolves the session and records the documentation in one go", async () => {
    const session = await createSessionFor(tenant.engineer);
    await addFacts(tenant.engineer, session.id, ["Cache was corrupt"]);

    const result = await postResolutionNote(engineer(), session.id);
    expect(result).toMatchObject({ outcome: "resolved_local", session_id: session.id, status: "resolved", markdown: `${NOTE}\n`, ai_generated: true, psa: null });

    const stored = await db.aiSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored).toMatchObject({ status: "resolved", resolutionNoteMarkdown: `${NOTE}\n` });
    expect(stored.resolvedAt?.toISOString()).toBe(result.resolved_at);
    expect(stored.resolutionNotePostedAt?.toISOString()).toBe(result.resolved_at);
    const docs = await db.sessionDocumentation.findMany({ where: { sessionId: session.id } });
    expect(docs).toEqual([
      expect.objectContaining({ id: result.documentation_id, kind: "resolution_note", markdown: `${NOTE}\n`, aiGenerated: true, psaPostStatus: "local", createdById: tenant.engineer.id }),
    ]);
    const step = await db.aiSessionStep.findFirstOrThrow({ where: { sessionId: session.id, kind: "engineer_action" } });
    expect(step.metadata).toMatchObject({ type: "resolution_note_posted", documentation_id: result.documentation_id });
  });

  it("refuses a second post with conflict and changes nothing", async () => {
    const session = await createSessionFor(tenant.engineer);
    await postResolutionNote(engineer(), session.id, { markdown: "First note" });
    await expect(postResolutionNote(engineer(), session.id, { markdown: "Second note" })).rejects.toMatchObject({ code: "conflict" });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).resolutionNoteMarkdown).toBe("First note");
    expect(await db.sessionDocumentation.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous posts win", async () => {
    const session = await createSessionFor(tenant.engineer);
    const results = await Promise.allSettled([
      postResolutionNote(engineer(), session.id, { markdown: "One" }),
      postResolutionNote(engineer(), session.id, { markdown: "Two" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await db.sessionDocumentation.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("stores the engineer's edit, counted as AI-written only when it is the model's draft unchanged", async () => {
    const edited = await createSessionFor(tenant.engineer);
    await previewResolutionNote(engineer(), edited.id);
    const editedResult = await postResolutionNote(engineer(), edited.id, { markdown: `${NOTE}\nAlso told the customer.` });
    expect(editedResult).toMatchObject({ markdown: `${NOTE}\nAlso told the customer.`, ai_generated: false });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: edited.id } })).resolutionNoteMarkdown).toBe(`${NOTE}\nAlso told the customer.`);

    const verbatim = await createSessionFor(tenant.engineer);
    const preview = await previewResolutionNote(engineer(), verbatim.id);
    expect((await postResolutionNote(engineer(), verbatim.id, { markdown: preview.markdown })).ai_generated).toBe(true);
    expect(model().requests).toHaveLength(2);
  });

  it("posts the deterministic draft when the model is down, flagged not AI-written", async () => {
    const session = await createSessionFor(tenant.engineer);
    model().setResponder(() => ({ status: 529 }));
    const result = await postResolutionNote(engineer(), session.id);
    expect(result.ai_generated).toBe(false);
    expect(result.markdown.startsWith(DETERMINISTIC_MARKER)).toBe(true);
    expect((await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } })).aiGenerated).toBe(false);
  });

  it("scrubs sensitive script values from an edited note", async () => {
    const session = await createSessionFor(tenant.engineer);
    await addScriptRun(tenant.engineer, session.id, {
      schema: [{ name: "secret", label: "Secret", type: "password", required: true, sensitive: true }],
      parameters: { secret: "hunter2-XYZ" },
      renderedScript: "Set-Secret '[REDACTED]'",
    });
    const result = await postResolutionNote(engineer(), session.id, { markdown: "Reset it to hunter2-XYZ." });
    expect(result.markdown).toBe("Reset it to [REDACTED].");
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).resolutionNoteMarkdown).toBe("Reset it to [REDACTED].");
  });
});

describe("postResolutionNote with a linked ticket", () => {
  // Posting to a connected PSA is covered against the ConnectWise simulator in lib/psa/psa-writeback.int.test.ts.
  it("resolves locally when the account has no PSA connection, and says why nothing went to the PSA", async () => {
    const session = await createSessionFor(tenant.engineer);
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: "5150", psaTicketRef: "#5150" } });
    const result = await postResolutionNote(engineer(), session.id, { markdown: "Done." });
    expect(result).toMatchObject({ outcome: "resolved_local", status: "resolved", psa: { posted: false, reason: NOT_CONNECTED } });
    const doc = await db.sessionDocumentation.findUniqueOrThrow({ where: { id: result.documentation_id } });
    expect(doc).toMatchObject({ psaPostStatus: "local", psaDetail: { posted: false, reason: NOT_CONNECTED } });
    expect(await db.psaPost.count({ where: { sessionId: session.id } })).toBe(0);
  });
});

describe("who may post", () => {
  it("refuses teammates and other tenants without touching the session", async () => {
    const active = await createSessionFor(tenant.engineer);
    const escalated = await createSessionFor(tenant.engineer, { status: "escalated" });
    const teammate = viewerOf(await addUser(tenant.accountId));
    await expect(postResolutionNote(teammate, active.id, { markdown: "x" })).rejects.toMatchObject({ code: "not_found" });
    await expect(postResolutionNote(teammate, escalated.id, { markdown: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(postResolutionNote(viewerOf(other.owner), active.id, { markdown: "x" })).rejects.toMatchObject({ code: "not_found" });
    const statuses = await db.aiSession.findMany({ where: { id: { in: [active.id, escalated.id] } }, select: { status: true } });
    expect(statuses.map((row) => row.status).sort()).toEqual(["active", "escalated"]);
    expect(await db.sessionDocumentation.count({ where: { sessionId: { in: [active.id, escalated.id] } } })).toBe(0);
  });
});

describe("the routes", () => {
  it("posts through the API and answers 409 on a repeat", async () => {
    const session = await createSessionFor(tenant.engineer);
    const response = await callRoute(postRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { markdown: "  Edited note  " } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "resolved_local", markdown: "Edited note", ai_generated: false, psa: null });
    const again = await callRoute(postRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: {} });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "conflict" } });
  });

  it("refuses viewers (403) and other tenants (404)", async () => {
    const session = await createSessionFor(tenant.engineer);
    const asViewer = await callRoute(postRoute, "POST", { as: tenant.viewer.id, params: { id: session.id }, body: { markdown: "x" } });
    expect(asViewer.status).toBe(403);
    const asOther = await callRoute(postRoute, "POST", { as: other.owner.id, params: { id: session.id }, body: { markdown: "x" } });
    expect(asOther.status).toBe(404);
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("active");
  });

  it("validates the markdown (1–50,000 characters when given) and refresh", async () => {
    const session = await createSessionFor(tenant.engineer);
    for (const markdown of ["   ", "x".repeat(50_001), 42]) {
      const response = await callRoute(postRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { markdown } });
      expect(response.status).toBe(422);
    }
    const badRefresh = await callRoute(previewRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { refresh: "yes" } });
    expect(badRefresh.status).toBe(422);
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("active");
  });

  it("previews through the API with the documented shape", async () => {
    const session = await createSessionFor(tenant.engineer);
    const response = await callRoute(previewRoute, "POST", { as: tenant.engineer.id, params: { id: session.id }, body: { refresh: true } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      kind: "resolution_note",
      session_id: session.id,
      markdown: `${NOTE}\n`,
      from_cache: false,
      ai_generated: true,
      fallback_reason: null,
      state_version: 0,
      ticket_ref: null,
    });
  });
});
