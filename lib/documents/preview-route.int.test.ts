import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as packagePreviewRoute } from "@/app/api/v1/ai-sessions/[id]/escalation-package/preview/route";
import { POST as notePreviewRoute } from "@/app/api/v1/ai-sessions/[id]/resolution-note/preview/route";
import { readViewerWithFirstRead } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { previewedSessionRead, previewResolutionNote, type PreviewedSession } from "@/lib/documents/preview";
import { workerReadableSessionsCondition } from "@/lib/sessions/session-access";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { signedInIdentity } from "@/tests/helpers/sign-ins";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

const NOTE = "## Problem\nP\n## What we confirmed\n- F\n## Root cause\nR\n## Resolution\nFixed.";

const model = installFakeModel();
let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  tenant = await createTenant("Preview route MSP");
  other = await createTenant("Preview route other MSP");
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
  const readFor = (sessionId: string) => (ids: { userId: string; accountId: string }) => previewedSessionRead(sessionId, workerReadableSessionsCondition(ids));

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
