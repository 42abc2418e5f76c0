/**
 * L3: the reopen signal against the ConnectWise simulator. A session resolved through the real
 * resolve path (note posted, ticket moved to the configured resolved status and verified) is
 * marked reopened when the ticket is read open again, or when a new session starts on the
 * ticket; a later session confirming the same fix clears the mark.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { connectAccountToSimulator, installConnectWiseSimulator } from "@/tests/helpers/psa";
import { suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: allowed for tests only, before lib/env is first read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { updatePreferences } = await import("@/lib/accounts/preferences");
const { backgroundTasksSettled } = await import("@/lib/notifications/dispatcher");
const { postResolutionNote } = await import("@/lib/documents/post-resolution");
const { changePsaTicketStatus } = await import("@/lib/psa/tickets/change-ticket-status");
const { createSession } = await import("@/lib/sessions/create-session");
const ticketRoute = await import("@/app/api/v1/psa/tickets/[id]/route");

const NOTE = "## Problem\nP\n## What we confirmed\n- F\n## Root cause\nR\n## Resolution\nFixed.";
const TICKET = "48210";
const IN_PROGRESS = "102";

const sim = installConnectWiseSimulator();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTenant("Reopen MSP");
  b = await createTenant("Reopen other MSP");
  await connectAccountToSimulator(a.accountId, sim());
  await connectAccountToSimulator(b.accountId, sim());
  await updatePreferences(viewerOf(a.owner), { cw_resolved_status_id: 105 });
  await updatePreferences(viewerOf(b.owner), { cw_resolved_status_id: 105 });
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

/** A session on TICKET with a fix that worked, resolved through the real path. */
async function resolvedOnTicket(user: TestUser, fixTitle = "Rebuild the Outlook profile", ticket = TICKET) {
  const session = await createSessionFor(user, { title: "Outlook keeps asking for a password" });
  await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: ticket, psaTicketRef: `CW #${ticket}` } });
  const fix = await suggestFix(user, session.id, { title: fixTitle });
  await db.sessionSuggestedFix.update({ where: { id: fix.id }, data: { status: "applied_success", verifiedAt: new Date() } });
  const result = await postResolutionNote(viewerOf(user), session.id, { markdown: NOTE });
  expect(result.psa).toMatchObject({ posted: true, verified_status: { id: "105" } });
  return session.id;
}

const readTicket = (user: TestUser, id = TICKET) => callRoute(ticketRoute.GET, "GET", { as: user.id, params: { id } });
const reopenedAt = async (sessionId: string) => (await db.aiSession.findFirstOrThrow({ where: { id: sessionId }, select: { reopenedAt: true } })).reopenedAt;
const reopenSteps = (sessionId: string) =>
  db.aiSessionStep.findMany({ where: { sessionId, kind: "system_event", content: { contains: "reopen" } }, orderBy: { createdAt: "asc" } });

describe("the reopen signal", () => {
  it("marks a resolved session reopened once the ticket is read open again, not while it stays closed", async () => {
    const sessionId = await resolvedOnTicket(a.engineer);
    expect((await readTicket(a.engineer)).status).toBe(200);
    expect(await reopenedAt(sessionId)).toBeNull();

    await changePsaTicketStatus(viewerOf(a.engineer), TICKET, IN_PROGRESS);
    const response = await readTicket(a.viewer);
    expect(response.status).toBe(200);
    expect((await response.json()).ticket).toMatchObject({ closed: false, status: { id: IN_PROGRESS } });
    expect(await reopenedAt(sessionId)).toBeInstanceOf(Date);
    const steps = await reopenSteps(sessionId);
    expect(steps.map((step) => step.content)).toEqual(['The linked ticket is open again in the PSA (status "In Progress"): this session is marked reopened.']);

    // Reading it again changes nothing and logs nothing more.
    const first = await reopenedAt(sessionId);
    await readTicket(a.engineer);
    expect(await reopenedAt(sessionId)).toEqual(first);
    expect(await reopenSteps(sessionId)).toHaveLength(1);
  });

  it("gives no signal for a session whose resolve never moved the ticket", async () => {
    const session = await createSessionFor(a.engineer, { title: "Printer offline", status: "resolved" });
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: TICKET, resolvedAt: new Date() } });
    await changePsaTicketStatus(viewerOf(a.engineer), TICKET, IN_PROGRESS);
    await readTicket(a.engineer);
    expect(await reopenedAt(session.id)).toBeNull();
  });

  it("never touches another tenant's session on the same ticket id", async () => {
    const theirs = await resolvedOnTicket(b.engineer);
    await changePsaTicketStatus(viewerOf(a.engineer), TICKET, IN_PROGRESS);
    await readTicket(a.engineer);
    expect(await reopenedAt(theirs)).toBeNull();
    await readTicket(b.engineer);
    expect(await reopenedAt(theirs)).toBeInstanceOf(Date);
  });

  it("marks the ticket's resolved sessions reopened when a new session starts on it; a fork does not", async () => {
    const original = await resolvedOnTicket(a.engineer);
    const fork = await createSession(viewerOf(a.engineer), { title: "Fork of the Outlook fix", forked_from_id: original, psa_ticket_id: TICKET });
    expect(fork.forkedFromId).toBe(original);
    expect(await reopenedAt(original)).toBeNull();

    const again = await createSession(viewerOf(a.owner), { title: "Outlook password prompts are back", psa_ticket_id: TICKET });
    expect(await reopenedAt(original)).toBeInstanceOf(Date);
    expect((await reopenSteps(original)).map((step) => step.metadata)).toEqual([{ type: "session_reopened", reason: "new_session", session_id: again.id }]);
  });

  it("clears the mark when a later session on the ticket resolves with the same fix; a different fix leaves it", async () => {
    const sameFix = await resolvedOnTicket(a.engineer, "Rebuild the Outlook profile");
    const otherFix = await resolvedOnTicket(a.engineer, "Clear cached credentials");
    await changePsaTicketStatus(viewerOf(a.engineer), TICKET, IN_PROGRESS);
    await readTicket(a.engineer);
    expect(await reopenedAt(sameFix)).toBeInstanceOf(Date);
    expect(await reopenedAt(otherFix)).toBeInstanceOf(Date);

    await resolvedOnTicket(a.owner, "  rebuild the outlook PROFILE ");
    expect(await reopenedAt(sameFix)).toBeNull();
    expect(await reopenedAt(otherFix)).toBeInstanceOf(Date);
    const cleared = await db.aiSessionStep.findMany({ where: { sessionId: sameFix, kind: "system_event" }, orderBy: { createdAt: "asc" } });
    expect(cleared.at(-1)!.metadata).toMatchObject({ type: "session_reopen_cleared" });
  });

  it("shows the mark on the session", async () => {
    const sessionId = await resolvedOnTicket(a.engineer);
    await changePsaTicketStatus(viewerOf(a.engineer), TICKET, IN_PROGRESS);
    await readTicket(a.engineer);
    const { getSession } = await import("@/lib/sessions/read-session");
    const session = await getSession(viewerOf(a.engineer), sessionId);
    expect(session.reopenedAt).toBeInstanceOf(Date);
  });
});
