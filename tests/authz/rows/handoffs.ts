import { db } from "@/lib/db";
import { workerOnly, type Expectations, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";
import { createPendingHandoff } from "@/tests/helpers/handoffs";
import { connectAccountToSimulator } from "@/tests/helpers/psa";
import { createSessionFor } from "@/tests/helpers/tenant";

/**
 * Handoffs (F1, F2, F6): only the engineer working a session hands it off (a teammate can't see
 * an active session, 404, and can see but not change an escalated one, 403). Each write call gets
 * a fresh session, so a 2xx means the handoff happened. Claims: any engineer-or-admin of the
 * account except the escalator (422); viewers 403; tenant B 404. `escalation-package/post` is
 * the same canonical escalation; its linked case posts the package to tenant A's simulator.
 */
async function freshActive(f: MatrixFixture, body: Record<string, unknown>) {
  const session = await createSessionFor(f.a.engineer, { title: "Handoff target" });
  return { params: { id: session.id }, body };
}

/** As `freshActive`, linked to a ticket of A's simulator: a 2xx means the package went to the ticket too. */
async function freshLinked(f: MatrixFixture, body: Record<string, unknown>) {
  await connectAccountToSimulator(f.a.accountId, f.psa.a.sim);
  const session = await createSessionFor(f.a.engineer, { title: "Linked handoff target" });
  await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: f.psa.a.ticketId, psaTicketRef: `CW #${f.psa.a.ticketId}` } });
  return { params: { id: session.id }, body };
}

async function freshClaim(f: MatrixFixture, intent: "escalate" | "park") {
  const { session, handoff } = await createPendingHandoff(f.a.engineer, { intent });
  return { params: { id: session.id, hid: handoff.id } };
}

const claimers = (status: number): Expectations => ({ signedOut: 401, viewer: 403, engineer: 422, admin: status, owner: status, otherTenant: 404, removed: 401 });
const reason = "Matrix handoff";

export const rows: Record<string, MatrixRow> = {
  "POST /api/v1/ai-sessions/[id]/handoff": [
    { label: "fresh escalate", request: (f) => freshActive(f, { intent: "escalate", reason }), expect: workerOnly(201, 404) },
    { label: "fresh park", request: (f) => freshActive(f, { intent: "park", reason }), expect: workerOnly(201, 404) },
    { label: "fresh linked escalate", request: (f) => freshLinked(f, { intent: "escalate", reason }), expect: workerOnly(201, 404) },
    { label: "already escalated", request: (f) => ({ params: { id: f.sessions.escalated }, body: { intent: "escalate", reason } }), expect: workerOnly(409, 403) },
  ],
  "POST /api/v1/ai-sessions/[id]/escalate": [
    { label: "fresh active", request: (f) => freshActive(f, { reason }), expect: workerOnly(200, 404) },
    { label: "already escalated", request: (f) => ({ params: { id: f.sessions.escalated }, body: { reason } }), expect: workerOnly(409, 403) },
  ],
  "POST /api/v1/ai-sessions/[id]/escalation-package/post": [
    { label: "fresh active", request: (f) => freshActive(f, { reason, markdown: "## Problem\nMatrix package" }), expect: workerOnly(200, 404) },
    { label: "fresh linked", request: (f) => freshLinked(f, { reason, markdown: "## Problem\nMatrix package" }), expect: workerOnly(200, 404) },
    { label: "already escalated", request: (f) => ({ params: { id: f.sessions.escalated }, body: { reason } }), expect: workerOnly(409, 403) },
  ],
  "POST /api/v1/ai-sessions/[id]/handoffs/[hid]/claim": [
    { label: "fresh escalation", request: (f) => freshClaim(f, "escalate"), expect: claimers(200) },
    { label: "parked handoff", request: (f) => freshClaim(f, "park"), expect: claimers(409) },
  ],
};
