import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { connectAccountToSimulator, installConnectWiseSimulator } from "@/tests/helpers/psa";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: allowed for tests only, before lib/env is first read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { updatePreferences } = await import("@/lib/accounts/preferences");
const { backgroundTasksSettled } = await import("@/lib/notifications/dispatcher");
const { POST: resolutionPost } = await import("@/app/api/v1/ai-sessions/[id]/resolution-note/post/route");
const { POST: packagePost } = await import("@/app/api/v1/ai-sessions/[id]/escalation-package/post/route");
const { POST: escalateRoute } = await import("@/app/api/v1/ai-sessions/[id]/escalate/route");
const { POST: handoffRoute } = await import("@/app/api/v1/ai-sessions/[id]/handoff/route");
const { POST: retryRoute } = await import("@/app/api/v1/ai-sessions/[id]/psa-posts/[post_id]/retry/route");

const NOTE = "## Problem\nP\n## What we confirmed\n- F\n## Root cause\nR\n## Resolution\nFixed.";
const PACKAGE = "## Problem\nP\n## What we've confirmed\n- C\n## What we've tried\n- T\n## Current hypothesis\nH\n## Suggested next steps\n- N";
const TICKET = 48210;

const sim = installConnectWiseSimulator();
let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  tenant = await createTenant("Writeback routes MSP");
  other = await createTenant("Other routes MSP");
  await connectAccountToSimulator(tenant.accountId, sim());
  await connectAccountToSimulator(other.accountId, sim());
  await updatePreferences(viewerOf(tenant.owner), { cw_resolved_status_id: 105, cw_escalated_status_id: 104 });
});
beforeEach(() => {
  sim().reset();
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(async () => {
  await backgroundTasksSettled();
  vi.restoreAllMocks();
});

async function linkedSession(status: "active" | "escalated" = "active") {
  const session = await createSessionFor(tenant.engineer, { title: "Kiosk admin", status });
  return db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: String(TICKET), psaTicketRef: `CW #${TICKET}` } });
}

const notesOnTicket = () => sim().notes(TICKET) as { id: number; text: string; resolutionFlag: boolean; internalAnalysisFlag: boolean; detailDescriptionFlag: boolean }[];
const asEngineer = (params: Record<string, string>, body?: unknown) => ({ as: tenant.engineer.id, params, body });

describe("POST /ai-sessions/:id/resolution-note/post", () => {
  it("answers resolved with the note id and the verified status, then 409 on a re-post", async () => {
    const session = await linkedSession();
    const response = await callRoute(resolutionPost, "POST", asEngineer({ id: session.id }, { markdown: NOTE }));
    expect(response.status).toBe(200);
    const body = await response.json();
    const post = await db.psaPost.findFirstOrThrow({ where: { sessionId: session.id } });
    const note = notesOnTicket().find((candidate) => candidate.resolutionFlag)!;
    expect(body).toMatchObject({ outcome: "resolved", session_id: session.id, status: "resolved", markdown: NOTE, ai_generated: false });
    expect(body.psa).toEqual({
      posted: true, post_id: post.id, ticket_id: String(TICKET), external_id: String(note.id),
      verified_status: { id: "105", name: "Resolved" }, status_transition_skipped_reason: null,
    });
    const again = await callRoute(resolutionPost, "POST", asEngineer({ id: session.id }, { markdown: NOTE }));
    expect(again.status).toBe(409);
    expect(notesOnTicket().filter((candidate) => candidate.resolutionFlag)).toHaveLength(1);
  });

  it("answers 502 with ConnectWise's words and the post to retry; the retry route posts it once", async () => {
    const session = await linkedSession();
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    const response = await callRoute(resolutionPost, "POST", asEngineer({ id: session.id }, { markdown: NOTE }));
    expect(response.status).toBe(502);
    const { error } = await response.json();
    const post = await db.psaPost.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(error).toEqual({
      code: "upstream",
      message: expect.stringContaining("The session is resolved in FlowPilot, but posting the resolution note to ConnectWise ticket #48210 failed: ConnectWise answered 500"),
      details: { psa_post_id: post.id, session_id: session.id, session_status: "resolved", ticket_id: String(TICKET), failed_step: "note", external_id: null, psa_failure: "upstream" },
    });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("resolved");
    // Re-posting the resolved session stays 409: the retry is the way on.
    expect((await callRoute(resolutionPost, "POST", asEngineer({ id: session.id }, { markdown: NOTE }))).status).toBe(409);

    const retried = await callRoute(retryRoute, "POST", asEngineer({ id: session.id, post_id: post.id }));
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({
      outcome: "resolved",
      session_id: session.id,
      session_status: "resolved",
      documentation: { kind: "resolution_note", markdown: NOTE },
      psa: { posted: true, post_id: post.id, verified_status: { id: "105", name: "Resolved" } },
    });
    expect(notesOnTicket().filter((candidate) => candidate.resolutionFlag)).toHaveLength(1);
    expect((await callRoute(retryRoute, "POST", asEngineer({ id: session.id, post_id: post.id }))).status).toBe(409);
  });
});

describe("POST /ai-sessions/:id/escalation-package/post", () => {
  it("escalates with the engineer's package and posts it as an internal-analysis note; 409 when already escalated", async () => {
    const session = await linkedSession();
    const response = await callRoute(packagePost, "POST", asEngineer({ id: session.id }, { reason: "Needs LAPS rights", markdown: PACKAGE }));
    expect(response.status).toBe(200);
    const body = await response.json();
    const doc = await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } });
    const [note] = notesOnTicket().filter((candidate) => candidate.text === PACKAGE);
    expect(note).toMatchObject({ internalAnalysisFlag: true, resolutionFlag: false, detailDescriptionFlag: false });
    expect(body).toEqual({
      status: "escalated",
      outcome: "escalated",
      session_id: session.id,
      handoff_id: expect.any(String),
      documentation: { id: doc.id, markdown: PACKAGE, ai_generated: false },
      psa: { posted: true, post_id: expect.any(String), ticket_id: String(TICKET), external_id: String(note!.id), verified_status: { id: "104", name: "Escalated" }, status_transition_skipped_reason: null },
    });
    const again = await callRoute(packagePost, "POST", asEngineer({ id: session.id }, { reason: "Again", markdown: PACKAGE }));
    expect(again.status).toBe(409);
    expect(notesOnTicket().filter((candidate) => candidate.internalAnalysisFlag && candidate.text === PACKAGE)).toHaveLength(1);
  });

  it("escalates an unlinked session locally", async () => {
    const session = await createSessionFor(tenant.engineer);
    const response = await callRoute(packagePost, "POST", asEngineer({ id: session.id }, { reason: "Stuck", markdown: PACKAGE }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "escalated", outcome: "escalated_local", psa: null });
    expect(sim().requests).toHaveLength(0);
  });

  it("validates the body (422, nothing changes) and refuses viewers (403) and other tenants (404)", async () => {
    const session = await linkedSession();
    for (const body of [{ reason: "" }, { reason: "x", markdown: "   " }, { reason: "x", target_user_id: "nope" }, { markdown: PACKAGE }]) {
      expect((await callRoute(packagePost, "POST", asEngineer({ id: session.id }, body))).status).toBe(422);
    }
    expect((await callRoute(packagePost, "POST", { as: tenant.viewer.id, params: { id: session.id }, body: { reason: "x" } })).status).toBe(403);
    expect((await callRoute(packagePost, "POST", { as: other.owner.id, params: { id: session.id }, body: { reason: "x" } })).status).toBe(404);
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("active");
    expect(sim().requests).toHaveLength(0);
  });
});

describe("the other escalation entries", () => {
  it("/handoff (escalate) answers 201 with the outcome and the PSA post", async () => {
    const session = await linkedSession();
    const response = await callRoute(handoffRoute, "POST", asEngineer({ id: session.id }, { intent: "escalate", reason: "Senior please", package_markdown: PACKAGE }));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ outcome: "escalated", session: { status: "escalated" }, psa: { posted: true, verified_status: { id: "104" } } });
  });

  it("/escalate answers 502 when ConnectWise is down; the session stays escalated and a teammate may retry", async () => {
    const session = await linkedSession();
    sim().setTraps({ failNext: { count: 1, status: 503 } });
    const response = await callRoute(escalateRoute, "POST", asEngineer({ id: session.id }, { reason: "Down", package_markdown: PACKAGE }));
    expect(response.status).toBe(502);
    const { error } = await response.json();
    expect(error.message).toContain("The session is escalated in FlowPilot and your teammates were notified");
    expect(error.details).toMatchObject({ session_status: "escalated", failed_step: "note" });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("escalated");

    const params = { id: session.id, post_id: error.details.psa_post_id };
    expect((await callRoute(retryRoute, "POST", { as: tenant.viewer.id, params })).status).toBe(403);
    const retried = await callRoute(retryRoute, "POST", { as: tenant.admin.id, params });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ outcome: "escalated", psa: { posted: true } });
  });
});

describe("POST /ai-sessions/:id/psa-posts/:post_id/retry", () => {
  it("is 404 for another tenant and another session's post, 422 for a malformed id", async () => {
    const session = await linkedSession();
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    await callRoute(resolutionPost, "POST", asEngineer({ id: session.id }, { markdown: NOTE }));
    const post = await db.psaPost.findFirstOrThrow({ where: { sessionId: session.id } });
    const elsewhere = await createSessionFor(tenant.engineer);
    expect((await callRoute(retryRoute, "POST", { as: other.owner.id, params: { id: session.id, post_id: post.id } })).status).toBe(404);
    expect((await callRoute(retryRoute, "POST", asEngineer({ id: elsewhere.id, post_id: post.id }))).status).toBe(404);
    expect((await callRoute(retryRoute, "POST", asEngineer({ id: session.id, post_id: "nope" }))).status).toBe(422);
    expect((await callRoute(retryRoute, "POST", { params: { id: session.id, post_id: post.id } })).status).toBe(401);
    expect(await db.psaPost.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({ status: "failed", attempts: 1 });
    expect(notesOnTicket().filter((candidate) => candidate.resolutionFlag)).toHaveLength(0);
  });
});
