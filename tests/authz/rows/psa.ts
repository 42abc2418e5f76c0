import { db } from "@/lib/db";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { PsaProvider } from "@/lib/psa/provider";
import { signedInOnly, workerOnly, type Expectations, type MatrixFixture, type MatrixRow, type SessionStatus } from "@/tests/authz/expectations";
import { createSessionFor } from "@/tests/helpers/tenant";

/**
 * PSA tickets and lists (SPEC G2–G7). Reads are for every signed-in member, writes for
 * engineer-or-admin (viewers 403, A3).
 *
 * What "another tenant's object is a 404" means for PSA ticket ids
 * -----------------------------------------------------------------
 * A ticket id is not a FlowPilot row: it is an address inside the caller's own PSA. Every call
 * builds its provider from the caller's account's connection (lib/psa/account-provider.ts), so
 * when tenant B's owner (`otherTenant`) sends tenant A's ticket id 48233, the request goes to B's
 * PSA with B's keys and is answered from B's ticket 48233 (B's simulator has the same seed), never
 * from A's. So on ticket routes `otherTenant` gets what B's own PSA answers: 200 for an id B's PSA
 * has, 404 for one it doesn't (the "ticket only A's PSA has" case below). What stays ours is
 * scoped as always: a session (spin-off) of tenant A is a 404 for B, and the sessions a ticket
 * detail lists as linked are only the caller's account's. lib/psa/tickets/tenant-isolation.int.test.ts
 * asserts on both simulators' request logs that A's keys never reach B's PSA and B's never A's.
 *
 * Writes are made real on every allowed call: `request` first puts the ticket back (status New,
 * the member unassigned or assigned) in both tenants' PSAs, so a 2xx means the write happened.
 */

/** Engineers, admins and owners (B's owner in B's own PSA) get `status`; viewers 403. */
function engineersWrite(status: number): Expectations {
  return { signedOut: 401, viewer: 403, engineer: status, admin: status, owner: status, otherTenant: status, removed: 401 };
}

/** Runs `prepare` against tenant A's PSA and tenant B's, through each one's own connection. */
async function inBothPsas(f: MatrixFixture, prepare: (provider: PsaProvider) => Promise<unknown>) {
  for (const accountId of [f.a.accountId, f.b.accountId]) await prepare(await requirePsaProvider(accountId));
}

// Seeded simulator data (tests/fakes/connectwise/seed*.ts), the same in both tenants' PSAs.
const HELP_DESK = "1";
const NORTHWIND = "250";
const NEW = "101";
const IN_PROGRESS = "102";
/** Help Desk, New, unassigned: the status row moves it New → In Progress. */
const STATUS_TICKET = "48210";
/** Help Desk, owned by ssenior with jjunior co-assigned: the assignment rows add and remove tlee. */
const ASSIGNMENT_TICKET = "48204";
const TLEE = "180";

/** A fresh unlinked session of A's engineer for one spin-off. */
async function freshSpinOff(f: MatrixFixture, status: Extract<SessionStatus, "active" | "escalated">) {
  const session = await createSessionFor(f.a.engineer, { title: `Spin-off target (${status})`, status });
  return { params: { id: session.id }, body: { board_id: HELP_DESK, company_id: NORTHWIND } };
}

/** A session of A's engineer already linked to a ticket: spinning it off again is a conflict. */
async function linkedSession(f: MatrixFixture) {
  const session = await createSessionFor(f.a.engineer, { title: "Already linked" });
  await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: f.psa.a.ticketId, psaTicketRef: `CW #${f.psa.a.ticketId}` } });
  return { params: { id: session.id }, body: { board_id: HELP_DESK, company_id: NORTHWIND } };
}

const ticket = (f: MatrixFixture) => ({ params: { id: f.psa.a.ticketId } });

/** The A-only ticket; B's 404 must come from B's PSA lacking it, so that is checked each call. */
function onlyInA(f: MatrixFixture) {
  if (f.psa.b.sim.ticket(Number(f.psa.a.onlyInA))) throw new Error(`B's PSA now has ticket ${f.psa.a.onlyInA}; give the fixture's A-only ticket a bigger lead.`);
  return { params: { id: f.psa.a.onlyInA } };
}

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/psa/tickets": {
    request: () => ({ query: { board_id: HELP_DESK, status_name: "New", assigned: "unassigned", q: "password", page: "1" } }),
    expect: signedInOnly(200),
  },
  "POST /api/v1/psa/tickets": {
    request: () => ({ body: { summary: "Matrix ticket", board_id: HELP_DESK, company_id: NORTHWIND, priority_id: "13" } }),
    expect: engineersWrite(201),
  },
  "GET /api/v1/psa/tickets/[id]": [
    // B's owner reads B's own ticket 48233 from B's PSA (see above).
    { label: "a ticket both PSAs have", request: ticket, expect: signedInOnly(200) },
    { label: "a ticket only A's PSA has", request: onlyInA, expect: { ...signedInOnly(200), otherTenant: 404 } },
  ],
  "PATCH /api/v1/psa/tickets/[id]/status": {
    request: async (f) => {
      await inBothPsas(f, (provider) => provider.setTicketStatus(STATUS_TICKET, NEW));
      return { params: { id: STATUS_TICKET }, body: { status_id: IN_PROGRESS } };
    },
    expect: engineersWrite(200),
  },
  "GET /api/v1/psa/tickets/[id]/notes": { request: ticket, expect: signedInOnly(200) },
  "POST /api/v1/psa/tickets/[id]/notes": {
    request: (f) => ({ ...ticket(f), body: { kind: "internal_analysis", text: "Posted by the authorization matrix." } }),
    expect: engineersWrite(201),
  },
  "GET /api/v1/psa/tickets/[id]/resources": { request: ticket, expect: signedInOnly(200) },
  "POST /api/v1/psa/tickets/[id]/resources": {
    request: async (f) => {
      await inBothPsas(f, (provider) => provider.removeResource(ASSIGNMENT_TICKET, TLEE));
      return { params: { id: ASSIGNMENT_TICKET }, body: { member_id: TLEE } };
    },
    expect: engineersWrite(200),
  },
  "DELETE /api/v1/psa/tickets/[id]/resources/[member_id]": {
    request: async (f) => {
      await inBothPsas(f, async (provider) => {
        const tlee = (await provider.listMembers()).find((member) => member.id === TLEE)!;
        await provider.addResource(ASSIGNMENT_TICKET, tlee);
      });
      return { params: { id: ASSIGNMENT_TICKET, member_id: TLEE } };
    },
    expect: engineersWrite(200),
  },

  "GET /api/v1/psa/boards": { expect: signedInOnly(200) },
  "GET /api/v1/psa/boards/[id]/statuses": { request: () => ({ params: { id: HELP_DESK } }), expect: signedInOnly(200) },
  "GET /api/v1/psa/statuses": { expect: signedInOnly(200) },
  "GET /api/v1/psa/priorities": { expect: signedInOnly(200) },
  "GET /api/v1/psa/members": { expect: signedInOnly(200) },
  "GET /api/v1/psa/companies": { request: () => ({ query: { q: "North" } }), expect: signedInOnly(200) },

  // A session is ours: only the engineer working it spins it off; B's owner gets 404 for A's session.
  "POST /api/v1/ai-sessions/[id]/spin-off-ticket": [
    { label: "fresh active", request: (f) => freshSpinOff(f, "active"), expect: workerOnly(201, 404) },
    { label: "fresh escalated", request: (f) => freshSpinOff(f, "escalated"), expect: workerOnly(201, 403) },
    { label: "already linked", request: linkedSession, expect: workerOnly(409, 404) },
  ],
};
