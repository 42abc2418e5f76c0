import { db } from "@/lib/db";
import { anyMemberOfA, signedInOnly, type Expectations, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";

/**
 * Knowledge base (L2): articles belong to the account. Every member reads them; engineers, admins
 * and owners edit and publish; viewers read only. Drafting needs a resolved session the drafter
 * can read, so a teammate of A's engineer gets 404 on that engineer's session. Without an AI key
 * in the test run, drafts are deterministic, so no model is called.
 */
const accountWriters = (status: number): Expectations => ({ signedOut: 401, viewer: 403, engineer: status, admin: status, owner: status, otherTenant: 404, removed: 401 });

/** A fresh draft article of tenant A for one call. */
async function articleOfA(f: MatrixFixture) {
  const article = await db.kbArticle.create({
    data: { accountId: f.a.accountId, sessionId: f.sessions.resolved, authorId: f.a.engineer.id, format: "troubleshooting", title: "Matrix article", bodyMarkdown: "## Symptoms\nMatrix", aiGenerated: false },
  });
  return { params: { id: article.id } };
}

export const rows: Record<string, MatrixRow> = {
  "POST /api/v1/ai-sessions/[id]/kb-articles": [
    {
      label: "resolved session",
      request: (f) => ({ params: { id: f.sessions.resolved }, body: { format: "troubleshooting" } }),
      expect: { signedOut: 401, viewer: 403, engineer: 201, admin: 404, owner: 404, otherTenant: 404, removed: 401 },
    },
    {
      label: "active session",
      request: (f) => ({ params: { id: f.sessions.active }, body: { format: "procedural" } }),
      expect: { signedOut: 401, viewer: 403, engineer: 409, admin: 404, owner: 404, otherTenant: 404, removed: 401 },
    },
  ],
  "GET /api/v1/kb-articles": { request: () => ({ query: { q: "matrix" } }), expect: signedInOnly(200) },
  "GET /api/v1/kb-articles/[id]": { request: articleOfA, expect: anyMemberOfA(200) },
  "PATCH /api/v1/kb-articles/[id]": { request: async (f) => ({ ...(await articleOfA(f)), body: { title: "Edited by the matrix" } }), expect: accountWriters(200) },
  "POST /api/v1/kb-articles/[id]/publish": { request: articleOfA, expect: accountWriters(200) },
};
