import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as packagePreviewRoute } from "@/app/api/v1/ai-sessions/[id]/escalation-package/preview/route";
import { POST as notePreviewRoute } from "@/app/api/v1/ai-sessions/[id]/resolution-note/preview/route";
import { readViewerWithFirstRead, type ViewerIds } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { DETERMINISTIC_MARKER } from "@/lib/documents/deterministic-draft";
import { previewedSessionRead, previewEscalationPackage, previewResolutionNote, type PreviewedSession } from "@/lib/documents/preview";
import { workerReadableSessionsCondition } from "@/lib/sessions/session-access";
import { callRoute } from "@/tests/helpers/call-route";
import { signedInIdentity } from "@/tests/helpers/sign-ins";
import type { MessagesBody, RecordedRequest } from "@/tests/fakes/anthropic";
import { installFakeModel, withoutModel } from "@/tests/helpers/fake-model";
import { addFacts, addFix, addScriptRun, bumpVersion } from "@/tests/helpers/documents";
import { addUser } from "@/tests/helpers/users";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const NOTE = "## Problem\nA\n## What we confirmed\n- B\n## Root cause\nC\n## Resolution\nD";
// Only a reply with every section is accepted as the document (E1/E2), so variations keep them all.
const noteSaying = (resolution: string) => `## Problem\nA\n## What we confirmed\n- B\n## Root cause\nC\n## Resolution\n${resolution}`;
const PACKAGE = "## Problem\nP\n## What we've confirmed\n- C\n## What we've tried\n- T\n## Current hypothesis\nH\n## Suggested next steps\n1. N";
const SECRET = "Pa$$w0rd.(1)*";

/** The fake model writes whichever document its system prompt asks for. */
const answerDocuments = (body: MessagesBody) => ({ text: JSON.stringify(body.system).includes("escalation package") ? PACKAGE : NOTE });

const model = installFakeModel();
let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  tenant = await createTenant("Preview MSP");
  other = await createTenant("Other MSP");
});
beforeEach(() => {
  model().reset();
  model().setResponder(answerDocuments);
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  model().setResponder(undefined);
  vi.restoreAllMocks();
});

/** Everything the model was shown: system blocks and messages. */
const promptOf = (request: RecordedRequest) => JSON.stringify([request.body.system, request.body.messages]);
const engineer = () => viewerOf(tenant.engineer);

describe("previewResolutionNote with the model", () => {
  it("returns the model's draft, then serves unchanged state from cache without a second call", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Mail stuck in outbox" });
    await addFacts(tenant.engineer, session.id, ["Outbox holds three messages"]);

    const first = await previewResolutionNote(engineer(), session.id);
    expect(first).toMatchObject({ kind: "resolution_note", markdown: `${NOTE}\n`, from_cache: false, ai_generated: true, fallback_reason: null, state_version: 0, ticket_ref: null });
    expect(model().requests).toHaveLength(1);
    expect(promptOf(model().requests[0]!)).toContain("Outbox holds three messages");
    expect(promptOf(model().requests[0]!)).toContain("## Root cause");

    const second = await previewResolutionNote(engineer(), session.id);
    expect(second).toMatchObject({ markdown: first.markdown, from_cache: true, ai_generated: true, state_version: 0 });
    expect(model().requests).toHaveLength(1);
  });

  it("misses after a write bumps state_version, and refresh bypasses the cache", async () => {
    const session = await createSessionFor(tenant.engineer);
    await previewResolutionNote(engineer(), session.id);
    await addFacts(tenant.engineer, session.id, ["A new fact after the first preview"]);
    await bumpVersion(session.id);

    const afterWrite = await previewResolutionNote(engineer(), session.id);
    expect(afterWrite).toMatchObject({ from_cache: false, state_version: 1 });
    expect(model().requests).toHaveLength(2);
    expect(promptOf(model().requests[1]!)).toContain("A new fact after the first preview");

    model().enqueue({ text: noteSaying("Regenerated") });
    const refreshed = await previewResolutionNote(engineer(), session.id, { refresh: true });
    expect(refreshed).toMatchObject({ from_cache: false, markdown: `${noteSaying("Regenerated")}\n` });
    expect(model().requests).toHaveLength(3);
    // The refreshed draft replaces the cached one.
    expect(await previewResolutionNote(engineer(), session.id)).toMatchObject({ from_cache: true, markdown: `${noteSaying("Regenerated")}\n` });
  });

  it("keeps resolution notes and escalation packages of the same state apart", async () => {
    const session = await createSessionFor(tenant.engineer);
    await previewResolutionNote(engineer(), session.id);
    model().enqueue({ text: PACKAGE });
    const pkg = await previewEscalationPackage(engineer(), session.id);
    expect(pkg).toMatchObject({ kind: "escalation_package", from_cache: false, markdown: `${PACKAGE}\n` });
    expect(promptOf(model().requests[1]!)).toContain("## Suggested next steps");
    expect((await previewEscalationPackage(engineer(), session.id)).from_cache).toBe(true);
    expect(model().requests).toHaveLength(2);
  });

  it("shows the model the fix's recorded outcome", async () => {
    const failed = await createSessionFor(tenant.engineer);
    await addFix(tenant.engineer, failed.id, { title: "Rebuild the profile", status: "applied_failed", appliedAt: new Date(), failureReason: "Same error after rebuild" });
    const succeeded = await createSessionFor(tenant.engineer);
    await addFix(tenant.engineer, succeeded.id, { title: "Rebuild the profile", status: "applied_success", appliedAt: new Date(), verifiedAt: new Date() });

    await previewResolutionNote(engineer(), failed.id);
    await previewResolutionNote(engineer(), succeeded.id);
    const [failedPrompt, successPrompt] = model().requests.map((request) => JSON.stringify(request.body.messages));
    expect(failedPrompt).toContain('\\"status\\": \\"applied_failed\\"');
    expect(failedPrompt).toContain("Same error after rebuild");
    expect(successPrompt).toContain('\\"status\\": \\"applied_success\\"');
    expect(successPrompt).toMatch(/verified_at\\": \\"\d{4}-/);
  });

  it("never shows the model a sensitive value, and scrubs it from the reply if echoed", async () => {
    const session = await createSessionFor(tenant.engineer);
    await addScriptRun(tenant.engineer, session.id, {
      schema: [
        { name: "user", label: "User", type: "text", required: true, sensitive: false },
        { name: "password", label: "Password", type: "password", required: true, sensitive: true },
      ],
      // Stored unredacted on purpose: the bundle must not rely on the writer having redacted it.
      parameters: { user: "svc-backup", password: SECRET },
      renderedScript: `Set-LocalUser svc-backup -Password '${SECRET}'`,
    });
    model().enqueue({ text: noteSaying(`Reset svc-backup to ${SECRET} and it worked.`) });

    const preview = await previewResolutionNote(engineer(), session.id);
    const sent = JSON.stringify(model().requests[0]!.body);
    expect(sent).not.toContain(SECRET);
    expect(sent).toContain("svc-backup");
    expect(sent).toContain("[REDACTED]");
    expect(preview.markdown).not.toContain(SECRET);
    expect(preview.markdown).toContain("Reset svc-backup to [REDACTED] and it worked.");
  });

  it("carries the ticket reference", async () => {
    const session = await createSessionFor(tenant.engineer);
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: "90210", psaTicketRef: "#90210" } });
    expect((await previewResolutionNote(engineer(), session.id)).ticket_ref).toBe("#90210");
  });
});

describe("previewResolutionNote without the model (E6)", () => {
  it("falls back to a marked deterministic draft on an overloaded model, uncached so the next preview retries", async () => {
    const session = await createSessionFor(tenant.engineer, { title: "Shared drive missing" });
    await addFacts(tenant.engineer, session.id, ["Drive maps manually"]);
    model().setResponder(() => ({ status: 529 }));

    const fallback = await previewResolutionNote(engineer(), session.id);
    expect(fallback).toMatchObject({ from_cache: false, ai_generated: false, state_version: 0 });
    expect(fallback.fallback_reason).toBe("The AI was unavailable, so FlowPilot built this resolution note from the session's facts and fix.");
    expect(fallback.markdown.split("\n")[0]).toBe(DETERMINISTIC_MARKER);
    expect(fallback.markdown).toContain("- Drive maps manually");
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining("documents.deterministic_draft"));
    const failedCalls = model().requests.length;
    expect(failedCalls).toBeGreaterThan(0);

    model().setResponder(answerDocuments);
    const retried = await previewResolutionNote(engineer(), session.id);
    expect(retried).toMatchObject({ from_cache: false, ai_generated: true, markdown: `${NOTE}\n` });
    expect(model().requests.length).toBe(failedCalls + 1);
  });

  it("builds the deterministic draft without calling anything when no API key is set", async () => {
    const session = await createSessionFor(tenant.engineer);
    await addFix(tenant.engineer, session.id, { title: "Clear the credential cache", status: "applied_failed", failureReason: "Prompt came back" });
    await withoutModel(async () => {
      const pkg = await previewEscalationPackage(engineer(), session.id);
      expect(pkg).toMatchObject({ kind: "escalation_package", ai_generated: false, from_cache: false });
      expect(pkg.fallback_reason).toBe("No AI is set up for this workspace, so FlowPilot built this escalation package from the session's facts and fix.");
      expect(pkg.markdown.startsWith(DETERMINISTIC_MARKER)).toBe(true);
      expect(pkg.markdown).toContain("Clear the credential cache — Applied; it did not fix the problem: Prompt came back.");
      expect((await previewEscalationPackage(engineer(), session.id)).from_cache).toBe(false);
    });
    expect(model().requests).toHaveLength(0);
  });
});

describe("who may preview", () => {
  it("is the session's worker: a teammate gets not_found on an active session, forbidden on an escalated one", async () => {
    const active = await createSessionFor(tenant.engineer);
    const escalated = await createSessionFor(tenant.engineer, { status: "escalated" });
    const teammate = viewerOf(await addUser(tenant.accountId));
    await expect(previewResolutionNote(teammate, active.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(previewEscalationPackage(teammate, escalated.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(previewResolutionNote(viewerOf(other.owner), active.id)).rejects.toMatchObject({ code: "not_found" });
    expect(model().requests).toHaveLength(0);
  });

  it("follows the session to its handler after a pickup", async () => {
    const session = await createSessionFor(tenant.engineer, { status: "active" });
    await db.aiSession.update({ where: { id: session.id }, data: { handlerId: tenant.admin.id } });
    expect((await previewEscalationPackage(viewerOf(tenant.admin), session.id)).ai_generated).toBe(true);
    await expect(previewEscalationPackage(engineer(), session.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

const previewAs = (userId: string, sessionId: string, body: unknown = {}) => callRoute(notePreviewRoute, "POST", { as: userId, params: { id: sessionId }, body });

describe("the preview routes, with the session read in the viewer's statement", () => {
  it("answers a repeat from the cache, as the service does, and a changed session afresh", async () => {
    const session = await createSessionFor(tenant.engineer);
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: "90210", psaTicketRef: "#90210" } });

    const first = await previewAs(tenant.engineer.id, session.id);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ from_cache: false, ai_generated: true, ticket_ref: "#90210" });
    const repeat = await previewAs(tenant.engineer.id, session.id);
    const service = await previewResolutionNote(viewerOf(tenant.engineer), session.id);
    expect(await repeat.json()).toEqual({ ...service, from_cache: true });
    expect(model().requests).toHaveLength(1);

    await db.aiSession.update({ where: { id: session.id }, data: { stateVersion: { increment: 1 } } });
    expect(await (await previewAs(tenant.engineer.id, session.id)).json()).toMatchObject({ from_cache: false, state_version: service.state_version + 1 });
  });

  it("refuses as before: another engineer's active session 404, their escalated one 403, another tenant's 404, a viewer 403", async () => {
    const teammate = (await addUser(tenant.accountId, { role: "engineer", label: "teammate" })).id;
    const active = await createSessionFor(tenant.engineer);
    const escalated = await createSessionFor(tenant.engineer, { status: "escalated" });
    expect((await previewAs(teammate, active.id)).status).toBe(404);
    expect((await callRoute(packagePreviewRoute, "POST", { as: teammate, params: { id: escalated.id }, body: {} })).status).toBe(403);
    expect((await previewAs(other.owner.id, active.id)).status).toBe(404);
    expect((await previewAs(tenant.viewer.id, active.id)).status).toBe(403);
    expect((await previewAs(tenant.removed.id, active.id)).status).toBe(401);
    expect((await callRoute(notePreviewRoute, "POST", { params: { id: active.id }, body: {} })).status).toBe(401);
    expect(model().requests).toHaveLength(0);
  });

  it("answers who may ask before what they asked: a bad payload is 401 signed out or removed, 403 for a viewer, 422 for the engineer", async () => {
    const session = await createSessionFor(tenant.engineer);
    const bad = { refresh: "yes" };
    expect((await callRoute(notePreviewRoute, "POST", { params: { id: session.id }, body: "{not json" })).status).toBe(401);
    expect((await previewAs(tenant.removed.id, session.id, bad)).status).toBe(401);
    expect((await previewAs(tenant.viewer.id, session.id, bad)).status).toBe(403);
    const invalid = await previewAs(tenant.engineer.id, session.id, bad);
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe("invalid");
    expect((await previewAs(tenant.engineer.id, "not-a-uuid")).status).toBe(422);
  });
});

describe("readViewerWithFirstRead", () => {
  const readFor = (sessionId: string) => (ids: ViewerIds) => previewedSessionRead(sessionId, workerReadableSessionsCondition(ids));

  it("returns the viewer and the first read's row, decoded from JSON", async () => {
    const session = await createSessionFor(tenant.engineer);
    const { viewer, first } = await readViewerWithFirstRead<PreviewedSession>(await signedInIdentity(tenant.engineer), readFor(session.id));
    expect(viewer).toMatchObject({ userId: tenant.engineer.id, accountId: tenant.accountId, role: "engineer" });
    expect(first).toEqual({ id: session.id, userId: tenant.engineer.id, handlerId: null, stateVersion: session.stateVersion, psaTicketId: null, psaTicketRef: null });
  });

  it("returns null when the read finds nothing, and refuses a removed user whatever it would find", async () => {
    const session = await createSessionFor(tenant.engineer);
    expect((await readViewerWithFirstRead(await signedInIdentity(tenant.engineer), readFor(crypto.randomUUID()))).first).toBeNull();
    expect((await readViewerWithFirstRead(await signedInIdentity(other.owner), readFor(session.id))).first).toBeNull();
    await expect(readViewerWithFirstRead(await signedInIdentity(tenant.removed), readFor(session.id))).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
