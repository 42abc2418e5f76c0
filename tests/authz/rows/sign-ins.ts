import { db } from "@/lib/db";
import { creatorOnly, signedInOnly, type Expectations, type MatrixRow } from "@/tests/authz/expectations";
import { addUser } from "@/tests/helpers/users";

/**
 * Settings → Security (A1): each caller's own sign-ins and password. A sign-in is its owner's
 * alone: a teammate, an admin and tenant B all get 404 for A's engineer's sign-in. Signing a
 * member out everywhere follows the members rules (A7).
 */
const adminsOfA = (status: number): Expectations => ({ signedOut: 401, viewer: 403, engineer: 403, admin: status, owner: status, otherTenant: 404, removed: 401 });

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/me/sign-ins": { expect: signedInOnly(200) },
  // Every call signs in afresh (its own cookie and row), so ending them all leaves the next call working.
  "DELETE /api/v1/me/sign-ins": { expect: signedInOnly(200) },
  "DELETE /api/v1/me/sign-ins/[id]": {
    request: async (f) => {
      const signIn = await db.signIn.create({ data: { accountId: f.a.accountId, userId: f.a.engineer.id, userAgent: "matrix" }, select: { id: true } });
      return { params: { id: signIn.id } };
    },
    expect: creatorOnly(200),
  },
  // The fixture's users sign in with Microsoft (no password): a signed-in caller reaches the check, which refuses.
  "POST /api/v1/me/password": {
    request: () => ({ body: { current_password: "whatever it is", new_password: "a long enough new password" } }),
    expect: signedInOnly(409),
  },
  "DELETE /api/v1/members/[id]/sign-ins": {
    request: async (f) => ({ params: { id: (await addUser(f.a.accountId, { role: "engineer", label: "matrix-signed-out" })).id } }),
    expect: adminsOfA(200),
  },
};
