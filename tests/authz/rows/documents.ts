import { db } from "@/lib/db";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { workerOnly, type Expectations, type MatrixFixture, type MatrixRow, type SessionStatus } from "@/tests/authz/expectations";
import { connectAccountToSimulator } from "@/tests/helpers/psa";
import { createSessionFor } from "@/tests/helpers/tenant";

/**
 * Documents (E1–E4): only the engineer working a session previews or posts its documents. A
 * teammate can't see an active session at all (404) and can see but not work an escalated one
 * (403); viewers are refused by the engineer-or-admin guard. Without an AI key in the test run,
 * previews are deterministic drafts, so no model is called. A linked post goes to tenant A's
 * ConnectWise simulator; a PSA post's retry follows `mayRetryPsaPost` (lib/psa/writeback).
 */
const previewCases = (): MatrixRow => [
  { label: "active", request: (f) => ({ params: { id: f.sessions.active }, body: { refresh: false } }), expect: workerOnly(200, 404) },
  { label: "escalated", request: (f) => ({ params: { id: f.sessions.escalated }, body: {} }), expect: workerOnly(200, 403) },
];

/** A new session of A's engineer for one post, with an edited note so no model is involved. */
async function freshPost(f: MatrixFixture, status: Extract<SessionStatus, "active" | "escalated">) {
  const session = await createSessionFor(f.a.engineer, { title: `Post target (${status})`, status });
  return { params: { id: session.id }, body: { markdown: "## Problem\nPosted by the matrix." } };
}

/** A session of A's engineer linked to a ticket of A's simulator (connection restored in case a row removed it). */
async function linkedSession(f: MatrixFixture, status: SessionStatus) {
  await connectAccountToSimulator(f.a.accountId, f.psa.a.sim);
  const session = await createSessionFor(f.a.engineer, { title: `Linked (${status})`, status });
  return db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: f.psa.a.ticketId, psaTicketRef: `CW #${f.psa.a.ticketId}` } });
}

/**
 * A document whose PSA post failed (as an outage would leave it: no note on the ticket), or was
 * posted; each retry call gets its own. Resolution notes sit on a resolved session, packages on
 * an escalated one.
 */
async function psaPost(f: MatrixFixture, kind: DocumentKind, status: "failed" | "posted") {
  const session = await linkedSession(f, kind === "resolution_note" ? "resolved" : "escalated");
  const markdown = `## Problem\nMatrix retry ${session.id}`;
  const doc = await db.sessionDocumentation.create({
    data: { accountId: f.a.accountId, sessionId: session.id, kind, markdown, aiGenerated: false, psaPostStatus: status, createdById: f.a.engineer.id },
  });
  const post = await db.psaPost.create({
    data: {
      accountId: f.a.accountId, sessionId: session.id, documentationId: doc.id, kind, ticketId: f.psa.a.ticketId, status, attempts: 1,
      noteId: status === "posted" ? "1" : null, lastError: status === "failed" ? "ConnectWise answered 500: An error has occurred." : null,
      postedAt: status === "posted" ? new Date() : null,
    },
  });
  return { params: { id: session.id, post_id: post.id } };
}

/** An escalated session's package: any engineer-or-admin of A may retry it while it waits for pickup. */
const accountWorkers = (status: number): Expectations => ({ signedOut: 401, viewer: 403, engineer: status, admin: status, owner: status, otherTenant: 404, removed: 401 });

export const rows: Record<string, MatrixRow> = {
  "POST /api/v1/ai-sessions/[id]/resolution-note/preview": previewCases(),
  "POST /api/v1/ai-sessions/[id]/escalation-package/preview": previewCases(),
  // Posting resolves the session, so each call gets a fresh one (request runs once per call); the
  // fixture's resolved session gives its engineer the stable 409.
  "POST /api/v1/ai-sessions/[id]/resolution-note/post": [
    { label: "fresh active", request: (f) => freshPost(f, "active"), expect: workerOnly(200, 404) },
    { label: "fresh escalated", request: (f) => freshPost(f, "escalated"), expect: workerOnly(200, 403) },
    {
      label: "fresh linked (posted to A's PSA)",
      request: async (f) => ({ params: { id: (await linkedSession(f, "active")).id }, body: { markdown: "## Problem\nPosted to the ticket by the matrix." } }),
      expect: workerOnly(200, 404),
    },
    {
      label: "already resolved",
      request: (f) => ({ params: { id: f.sessions.resolved }, body: { markdown: "## Problem\nNothing to post." } }),
      expect: workerOnly(409, 404),
    },
  ],
  // E4/F1 retry: a resolved session is its worker's alone (teammates can't see it, 404).
  "POST /api/v1/ai-sessions/[id]/psa-posts/[post_id]/retry": [
    { label: "failed resolution note", request: (f) => psaPost(f, "resolution_note", "failed"), expect: workerOnly(200, 404) },
    { label: "failed package, in transit", request: (f) => psaPost(f, "escalation_package", "failed"), expect: accountWorkers(200) },
    { label: "already posted", request: (f) => psaPost(f, "resolution_note", "posted"), expect: workerOnly(409, 404) },
  ],
};
