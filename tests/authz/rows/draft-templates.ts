import { anyMemberOfA, signedInOnly, type Expectations, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";
import { queueDraft } from "@/lib/scripts/drafts/draft-fixtures";

/**
 * Draft templates (H5): the queue is the team's, so any member reads it and tenant B reads only
 * its own (an empty list; A's draft is a 404); engineers, admins and owners accept or reject.
 */
const teamWriters = (status: number): Expectations => ({
  signedOut: 401,
  viewer: 403,
  engineer: status,
  admin: status,
  owner: status,
  otherTenant: 404,
  removed: 401,
});

/** A fresh pending draft of A's resolved session for every call, so each 200 is a real first decision. */
async function freshDraft(f: MatrixFixture) {
  const draft = await queueDraft(f.a.engineer, { sessionId: f.sessions.resolved });
  return { id: draft.id };
}

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/draft-templates": [
    { label: "pending", expect: signedInOnly(200) },
    { label: "audit view", request: () => ({ query: { pending_only: "false" } }), expect: signedInOnly(200) },
  ],
  "GET /api/v1/draft-templates/[id]": { request: async (f) => ({ params: await freshDraft(f) }), expect: anyMemberOfA(200) },
  "POST /api/v1/draft-templates/[id]/accept": {
    request: async (f) => ({ params: await freshDraft(f), body: { name: "Matrix template" } }),
    expect: teamWriters(200),
  },
  "POST /api/v1/draft-templates/[id]/reject": { request: async (f) => ({ params: await freshDraft(f) }), expect: teamWriters(200) },
};
