import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectAccountToSimulator, createConnectedTenant, installPsaTenants } from "@/tests/helpers/psa";
import { createSessionFor, createTenant, viewerOf, type TestUser } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

// The simulator is on loopback over http: allowed for tests only, before lib/env is first read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { updatePreferences } = await import("@/lib/accounts/preferences");
const { postResolutionNote } = await import("@/lib/documents/post-resolution");
const { createHandoff } = await import("@/lib/handoffs/handoff-manager");
const { backgroundTasksSettled } = await import("@/lib/notifications/dispatcher");
const { NOT_CONNECTED, loadPsaProvider } = await import("@/lib/psa/account-provider");
const { CONNECTION_OFF, retryPsaPost } = await import("@/lib/psa/psa-writeback");
const { getLatestPsaPost, latestPsaPostsByKind } = await import("@/lib/psa/psa-post-view");
const { isPsaWritebackFailure } = await import("@/lib/psa/writeback/writeback-failure");

const NOTE = "## Problem\nOutlook kept prompting.\n\n## What we confirmed\n- Stale credentials\n## Root cause\nCached token\n## Resolution\nCleared the credential cache.";
const PACKAGE = "## Problem\nP\n## What we've confirmed\n- C\n## What we've tried\n- T\n## Current hypothesis\nH\n## Suggested next steps\n- N";
const TICKET = 48233;
const SKIPPED_RESOLVED = "No resolved status is configured in Settings → PSA, so the ticket's status was left as it was.";

const { sim, a: tenant, unconnected: other } = installPsaTenants({ name: "Writeback" });
beforeEach(async () => {
  await setTargets(null, null);
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(async () => {
  await backgroundTasksSettled();
  vi.restoreAllMocks();
});

const engineer = () => viewerOf(tenant().engineer);

async function setTargets(resolved: number | null, escalated: number | null) {
  await updatePreferences(viewerOf(tenant().owner), { cw_resolved_status_id: resolved, cw_escalated_status_id: escalated });
}

async function linkedSession(user: TestUser = tenant().engineer, ticket = TICKET) {
  const session = await createSessionFor(user, { title: "Outlook prompts" });
  return db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: String(ticket), psaTicketRef: `CW #${ticket}` } });
}

/** The simulator's notes on the ticket carrying `text` (ConnectWise may flatten its whitespace). */
function notesWith(text: string, ticket = TICKET) {
  const wanted = text.replace(/\s+/g, " ").trim();
  return sim()
    .notes(ticket)
    .filter((note) => String((note as { text: string }).text).replace(/\s+/g, " ").trim() === wanted) as { id: number; text: string; resolutionFlag: boolean; internalAnalysisFlag: boolean; detailDescriptionFlag: boolean }[];
}

const ticketStatus = (ticket = TICKET) => (sim().ticket(ticket) as { status: { id: number; name: string } }).status;

async function psaSteps(sessionId: string) {
  const steps = await db.aiSessionStep.findMany({ where: { sessionId, kind: "system_event" }, orderBy: { createdAt: "asc" } });
  return steps.map((step) => ({ content: step.content, metadata: step.metadata as Record<string, unknown> }));
}

/** The rejection of `promise`, which must be a PsaWritebackFailure. */
async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error("expected the PSA post to fail");
    },
    (thrown: unknown) => thrown,
  );
  if (!isPsaWritebackFailure(error)) throw error;
  return error;
}

describe("resolve (E4) with a linked ticket", () => {
  it("posts a customer-visible resolution note, moves the ticket to the resolved status and verifies it", async () => {
    await setTargets(105, null);
    const session = await linkedSession();
    const result = await postResolutionNote(engineer(), session.id, { markdown: NOTE });

    const [note] = notesWith(NOTE);
    expect(notesWith(NOTE)).toHaveLength(1);
    expect(note).toMatchObject({ resolutionFlag: true, internalAnalysisFlag: false, detailDescriptionFlag: false });
    expect(ticketStatus()).toMatchObject({ id: 105, name: "Resolved" });

    const post = await db.psaPost.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(result).toMatchObject({ outcome: "resolved", status: "resolved", markdown: NOTE });
    expect(result.psa).toEqual({
      posted: true,
      post_id: post.id,
      ticket_id: String(TICKET),
      external_id: String(note!.id),
      verified_status: { id: "105", name: "Resolved" },
      status_transition_skipped_reason: null,
    });
    expect(post).toMatchObject({
      kind: "resolution_note", ticketId: String(TICKET), status: "posted", noteId: String(note!.id), targetStatusId: "105",
      verifiedStatusId: "105", verifiedStatusName: "Resolved", statusTransitionSkippedReason: null, lastError: null, attempts: 1,
    });
    expect(post.postedAt).not.toBeNull();
    const doc = await db.sessionDocumentation.findUniqueOrThrow({ where: { id: result.documentation_id } });
    expect(doc).toMatchObject({ psaPostStatus: "posted", psaExternalId: String(note!.id), psaDetail: result.psa });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("resolved");

    const steps = await psaSteps(session.id);
    expect(steps.map((step) => [step.metadata.action, step.metadata.ok])).toEqual([["note", true], ["status", true]]);
    expect(steps[0]!.metadata).toMatchObject({ type: "psa_write", ticket_id: String(TICKET), external_id: String(note!.id) });
    expect(steps[1]!.content).toContain("Moved the ticket to 'Resolved' (verified");
  });

  it("posts anyway without a configured status and says why the status stayed", async () => {
    const session = await linkedSession();
    const result = await postResolutionNote(engineer(), session.id, { markdown: NOTE });
    expect(result.outcome).toBe("resolved");
    expect(result.psa).toMatchObject({ posted: true, verified_status: null, status_transition_skipped_reason: SKIPPED_RESOLVED });
    expect(notesWith(NOTE)).toHaveLength(1);
    expect(ticketStatus()).toMatchObject({ id: 102, name: "In Progress" });
    expect(await db.psaPost.findFirstOrThrow({ where: { sessionId: session.id } })).toMatchObject({ status: "posted", targetStatusId: null, statusTransitionSkippedReason: SKIPPED_RESOLVED });
    expect((await psaSteps(session.id)).map((step) => step.metadata.action)).toEqual(["note"]);
  });

  it("answers a silent status rejection with a readable 502; the session stays resolved and the failure is recorded", async () => {
    // Resolved on the Escalations board: ConnectWise answers the PATCH with 200 and keeps the status.
    await setTargets(203, null);
    const session = await linkedSession();
    const failure = await failureOf(postResolutionNote(engineer(), session.id, { markdown: NOTE }));

    expect(failure.status).toBe(502);
    expect(failure.message).toContain("The session is resolved in FlowPilot");
    expect(failure.message).toContain("ConnectWise kept the ticket in 'In Progress'");
    expect(failure.message).toContain("is not on this ticket's board 'Help Desk'");
    const post = await db.psaPost.findFirstOrThrow({ where: { sessionId: session.id } });
    const [note] = notesWith(NOTE);
    expect(failure.publicDetails).toEqual({
      psa_post_id: post.id, session_id: session.id, session_status: "resolved", ticket_id: String(TICKET),
      failed_step: "status", external_id: String(note!.id), psa_failure: "rejected",
    });
    expect(post).toMatchObject({ status: "failed", noteId: String(note!.id), targetStatusId: "203", attempts: 1, postedAt: null });
    expect(post.lastError).toContain("ConnectWise kept the ticket in 'In Progress'");
    expect(await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } })).toMatchObject({ psaPostStatus: "failed", psaExternalId: String(note!.id) });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("resolved");
    expect(ticketStatus().id).toBe(102);
    const steps = await psaSteps(session.id);
    expect(steps.map((step) => [step.metadata.action, step.metadata.ok])).toEqual([["note", true], ["status", false]]);
    expect(steps[1]!.content).toMatch(/^PSA failed · ticket #48233: .*kept the ticket in 'In Progress'/);

    // The page reads the same failure back on reload, with the retry offered to the engineer.
    expect(await getLatestPsaPost(engineer(), session.id)).toMatchObject({ id: post.id, status: "failed", can_retry: true, message: failure.message });
    // The pilot page's one-query read of both kinds says the same, and nothing for the other kind.
    const byKind = await latestPsaPostsByKind(engineer(), { id: session.id, status: "resolved", userId: tenant().engineer.id, handlerId: null });
    expect(byKind).toEqual({ resolution_note: await getLatestPsaPost(engineer(), session.id) });

    // Fixed in Settings; the retry moves the status and posts no second note.
    await setTargets(105, null);
    const retried = await retryPsaPost(engineer(), { sessionId: session.id, postId: post.id });
    expect(retried).toMatchObject({ outcome: "resolved", session_status: "resolved", psa: { posted: true, external_id: String(note!.id), verified_status: { id: "105", name: "Resolved" } } });
    expect(notesWith(NOTE)).toHaveLength(1);
    expect(ticketStatus().id).toBe(105);
    expect(await db.psaPost.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({ status: "posted", attempts: 2, lastError: null, verifiedStatusName: "Resolved" });
  });

  it("records an outage on the note as a 502; a retry once ConnectWise is back posts exactly one note", async () => {
    await setTargets(105, null);
    const session = await linkedSession();
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    const failure = await failureOf(postResolutionNote(engineer(), session.id, { markdown: NOTE }));
    expect(failure.publicDetails).toMatchObject({ session_status: "resolved", failed_step: "note", external_id: null, psa_failure: "upstream" });
    expect(failure.message).toMatch(/posting the resolution note to ConnectWise ticket #48233 failed: .*500/);
    expect(notesWith(NOTE)).toHaveLength(0);
    const post = await db.psaPost.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(post).toMatchObject({ status: "failed", noteId: null, attempts: 1 });
    expect(post.lastError).toMatch(/500/);
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("resolved");
    expect((await psaSteps(session.id)).map((step) => [step.metadata.action, step.metadata.ok])).toEqual([["note", false]]);

    const retried = await retryPsaPost(engineer(), { sessionId: session.id, postId: post.id });
    expect(notesWith(NOTE)).toHaveLength(1);
    expect(retried.psa).toMatchObject({ posted: true, external_id: String(notesWith(NOTE)[0]!.id), verified_status: { id: "105" } });
    await expect(retryPsaPost(engineer(), { sessionId: session.id, postId: post.id })).rejects.toMatchObject({ code: "conflict" });
    expect(notesWith(NOTE)).toHaveLength(1);
  });

  it("adopts the note a timed-out attempt left on the ticket (newlines flattened) instead of posting it again", async () => {
    const session = await linkedSession();
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    const failure = await failureOf(postResolutionNote(engineer(), session.id, { markdown: NOTE }));
    // As if the POST had landed but its answer never arrived, stored the way ConnectWise flattens newlines.
    const provider = (await loadPsaProvider(tenant().accountId))!;
    const landed = await provider.addNote(String(TICKET), { kind: "resolution", text: NOTE.replace(/\n+/g, " ") });

    const retried = await retryPsaPost(engineer(), { sessionId: session.id, postId: String(failure.publicDetails!.psa_post_id) });
    expect(retried.psa.external_id).toBe(landed.id);
    expect(notesWith(NOTE)).toHaveLength(1);
    const steps = await psaSteps(session.id);
    expect(steps.at(-1)!.content).toContain("already on the ticket from an earlier attempt");
  });

  it("lets exactly one of two simultaneous retries post", async () => {
    const session = await linkedSession();
    sim().setTraps({ failNext: { count: 1, status: 502 } });
    const failure = await failureOf(postResolutionNote(engineer(), session.id, { markdown: NOTE }));
    const postId = String(failure.publicDetails!.psa_post_id);
    const results = await Promise.allSettled([retryPsaPost(engineer(), { sessionId: session.id, postId }), retryPsaPost(engineer(), { sessionId: session.id, postId })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(notesWith(NOTE)).toHaveLength(1);
  });

  it("refuses a re-post of the resolved session (409) and posts nothing more", async () => {
    const session = await linkedSession();
    await postResolutionNote(engineer(), session.id, { markdown: NOTE });
    await expect(postResolutionNote(engineer(), session.id, { markdown: "Again" })).rejects.toMatchObject({ code: "conflict" });
    expect(sim().notes(TICKET).filter((note) => (note as { resolutionFlag: boolean }).resolutionFlag)).toHaveLength(1);
    expect(await db.psaPost.count({ where: { sessionId: session.id } })).toBe(1);
  });
});

describe("resolve without a PSA post", () => {
  it("keeps an unlinked session's note local and never calls the PSA", async () => {
    const session = await createSessionFor(tenant().engineer);
    const result = await postResolutionNote(engineer(), session.id, { markdown: NOTE });
    expect(result).toMatchObject({ outcome: "resolved_local", psa: null });
    expect(sim().requests).toHaveLength(0);
    expect(await db.psaPost.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("resolves a linked session of an account without a PSA connection locally, saying why", async () => {
    const session = await linkedSession(other().engineer);
    const result = await postResolutionNote(viewerOf(other().engineer), session.id, { markdown: NOTE });
    expect(result).toMatchObject({ outcome: "resolved_local", status: "resolved", psa: { posted: false, reason: NOT_CONNECTED } });
    expect(await db.sessionDocumentation.findUniqueOrThrow({ where: { id: result.documentation_id } })).toMatchObject({ psaPostStatus: "local", psaDetail: { posted: false, reason: NOT_CONNECTED } });
    expect(await db.psaPost.count({ where: { sessionId: session.id } })).toBe(0);
    expect(sim().requests).toHaveLength(0);
  });

  it("says so when the account's connection is switched off", async () => {
    const off = await createTenant("Switched off MSP");
    await connectAccountToSimulator(off.accountId, sim(), { isActive: false });
    const session = await linkedSession(off.engineer);
    const result = await postResolutionNote(viewerOf(off.engineer), session.id, { markdown: NOTE });
    expect(result).toMatchObject({ outcome: "resolved_local", psa: { posted: false, reason: CONNECTION_OFF } });
    expect(sim().requests).toHaveLength(0);
  });
});

describe("escalate (F1) with a linked ticket", () => {
  const escalate = (sessionId: string) => createHandoff(engineer(), { sessionId, intent: "escalate", reason: "Needs Exchange admin", packageMarkdown: PACKAGE });

  it("posts the package as an internal-analysis note only, and moves the ticket to the escalated status", async () => {
    await setTargets(105, 104);
    const session = await linkedSession();
    const result = await escalate(session.id);
    const [note] = notesWith(PACKAGE);
    expect(notesWith(PACKAGE)).toHaveLength(1);
    expect(note).toMatchObject({ internalAnalysisFlag: true, resolutionFlag: false, detailDescriptionFlag: false });
    expect(ticketStatus()).toMatchObject({ id: 104, name: "Escalated" });
    expect(result).toMatchObject({
      outcome: "escalated",
      session: { status: "escalated" },
      psa: { posted: true, external_id: String(note!.id), verified_status: { id: "104", name: "Escalated" }, status_transition_skipped_reason: null },
    });
    expect(await db.psaPost.findFirstOrThrow({ where: { sessionId: session.id } })).toMatchObject({ kind: "escalation_package", status: "posted", targetStatusId: "104" });
    expect(await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } })).toMatchObject({ kind: "escalation_package", psaPostStatus: "posted", psaExternalId: String(note!.id) });
  });

  it("says why the status stayed when no escalated status is configured", async () => {
    const session = await linkedSession();
    const result = await escalate(session.id);
    expect(result.psa).toMatchObject({ posted: true, verified_status: null, status_transition_skipped_reason: "No escalated status is configured in Settings → PSA, so the ticket's status was left as it was." });
  });

  it("keeps the escalation and the teammates' notifications when the PSA is down; a teammate may retry while it waits for pickup", async () => {
    await setTargets(null, 104);
    const session = await linkedSession();
    sim().setTraps({ failNext: { count: 1, status: 503 } });
    const failure = await failureOf(escalate(session.id));
    expect(failure.message).toContain("The session is escalated in FlowPilot and your teammates were notified");
    expect(failure.publicDetails).toMatchObject({ session_status: "escalated", failed_step: "note" });
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("escalated");
    expect(await db.sessionHandoff.count({ where: { sessionId: session.id } })).toBe(1);
    expect((await db.appNotification.findMany({ where: { sessionId: session.id } })).map((bell) => bell.userId).sort()).toEqual([tenant().owner.id, tenant().admin.id].sort());
    expect(notesWith(PACKAGE)).toHaveLength(0);

    const postId = String(failure.publicDetails!.psa_post_id);
    expect(await getLatestPsaPost(viewerOf(tenant().admin), session.id)).toMatchObject({ status: "failed", can_retry: true });
    await expect(retryPsaPost(viewerOf(tenant().viewer), { sessionId: session.id, postId })).rejects.toMatchObject({ code: "forbidden" });
    const retried = await retryPsaPost(viewerOf(tenant().admin), { sessionId: session.id, postId });
    expect(retried).toMatchObject({ outcome: "escalated", session_status: "escalated", psa: { posted: true, verified_status: { id: "104" } } });
    expect(notesWith(PACKAGE)).toHaveLength(1);
    expect(notesWith(PACKAGE)[0]).toMatchObject({ internalAnalysisFlag: true, resolutionFlag: false });
  });

  it("keeps an unlinked escalation local and never calls the PSA", async () => {
    const session = await createSessionFor(tenant().engineer);
    const result = await escalate(session.id);
    expect(result).toMatchObject({ outcome: "escalated_local", psa: null });
    expect(await db.sessionDocumentation.findFirstOrThrow({ where: { sessionId: session.id } })).toMatchObject({ psaPostStatus: "local" });
    expect(sim().requests).toHaveLength(0);
  });
});

describe("who may retry", () => {
  async function failedResolution(user: TestUser = tenant().engineer) {
    const session = await linkedSession(user);
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    const failure = await failureOf(postResolutionNote(viewerOf(user), session.id, { markdown: NOTE }));
    return { session, postId: String(failure.publicDetails!.psa_post_id) };
  }

  it("is not found for another tenant, another session's post, or a teammate who can't see the session", async () => {
    const { session, postId } = await failedResolution();
    const elsewhere = await createSessionFor(tenant().engineer);
    await expect(retryPsaPost(viewerOf(other().owner), { sessionId: session.id, postId })).rejects.toMatchObject({ code: "not_found" });
    await expect(retryPsaPost(engineer(), { sessionId: elsewhere.id, postId })).rejects.toMatchObject({ code: "not_found" });
    await expect(retryPsaPost(viewerOf(tenant().admin), { sessionId: session.id, postId })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.psaPost.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ status: "failed", attempts: 1 });
    expect(notesWith(NOTE)).toHaveLength(0);
  });

  it("is forbidden for the escalator once a senior picked the session up (the package is theirs now)", async () => {
    const senior = await addUser(tenant().accountId, { role: "engineer", label: "senior" });
    const session = await linkedSession();
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    const failure = await failureOf(createHandoff(engineer(), { sessionId: session.id, intent: "escalate", reason: "Help", packageMarkdown: PACKAGE }));
    await db.aiSession.update({ where: { id: session.id }, data: { status: "active", handlerId: senior.id } });
    const postId = String(failure.publicDetails!.psa_post_id);
    await expect(retryPsaPost(engineer(), { sessionId: session.id, postId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(retryPsaPost(viewerOf(senior), { sessionId: session.id, postId })).resolves.toMatchObject({ psa: { posted: true } });
  });

  it("answers conflict when the account is no longer connected, without an attempt", async () => {
    const lone = await createConnectedTenant("Disconnecting MSP", sim());
    const { session, postId } = await failedResolution(lone.engineer);
    await db.psaConnection.delete({ where: { accountId: lone.accountId } });
    await expect(retryPsaPost(viewerOf(lone.engineer), { sessionId: session.id, postId })).rejects.toMatchObject({ code: "conflict", message: NOT_CONNECTED });
    expect(await db.psaPost.findUniqueOrThrow({ where: { id: postId } })).toMatchObject({ attempts: 1 });
  });
});
