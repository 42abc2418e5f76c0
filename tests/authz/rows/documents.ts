import { workerOnly, type MatrixFixture, type MatrixRow, type SessionStatus } from "@/tests/authz/expectations";
import { createSessionFor } from "@/tests/helpers/tenant";

/**
 * Documents (E1–E4): only the engineer working a session previews or posts its documents. A
 * teammate can't see an active session at all (404) and can see but not work an escalated one
 * (403); viewers are refused by the engineer-or-admin guard. Without an AI key in the test run,
 * previews are deterministic drafts, so no model is called.
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

export const rows: Record<string, MatrixRow> = {
  "POST /api/v1/ai-sessions/[id]/resolution-note/preview": previewCases(),
  "POST /api/v1/ai-sessions/[id]/escalation-package/preview": previewCases(),
  // Posting resolves the session, so each call gets a fresh one (request runs once per call); the
  // fixture's resolved session gives its engineer the stable 409.
  "POST /api/v1/ai-sessions/[id]/resolution-note/post": [
    { label: "fresh active", request: (f) => freshPost(f, "active"), expect: workerOnly(200, 404) },
    { label: "fresh escalated", request: (f) => freshPost(f, "escalated"), expect: workerOnly(200, 403) },
    {
      label: "already resolved",
      request: (f) => ({ params: { id: f.sessions.resolved }, body: { markdown: "## Problem\nNothing to post." } }),
      expect: workerOnly(409, 404),
    },
  ],
};
