import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashInvitationToken, invitationExpiry, newInvitationToken } from "@/lib/members/invitation-token";
import { ownerOrAdminOnly, type Expectations, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";
import { addUser } from "@/tests/helpers/users";

/**
 * Settings → Members (A7): owners and admins of the account only; tenant B's owner addressing
 * A's members or invitations gets 404 (A2). Every write gets a fresh target of tenant A (an
 * engineer, an engineer's invitation), so each allowed call really changes something. The accept
 * route is public: anyone holding a live link gets in, whoever is signed in.
 */
const adminsOfA = (status: number): Expectations => ({ ...ownerOrAdminOnly(status), otherTenant: 404 });
const everyone = (status: number): Expectations => ({
  signedOut: status, viewer: status, engineer: status, admin: status, owner: status, otherTenant: status, removed: status,
});

async function invitationOfA(f: MatrixFixture, options: { revoked?: boolean } = {}) {
  const { token, tokenHash } = newInvitationToken();
  const invitation = await db.invitation.create({
    data: {
      accountId: f.a.accountId, email: `invitee-${randomUUID().slice(0, 8)}@example.test`, role: "engineer", tokenHash,
      invitedById: f.a.owner.id, expiresAt: invitationExpiry(new Date()), revokedAt: options.revoked ? new Date() : null,
    },
  });
  return { id: invitation.id, token };
}

const engineerOfA = async (f: MatrixFixture) => ({ id: (await addUser(f.a.accountId, { role: "engineer", label: "matrix-member" })).id });

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/members": { expect: ownerOrAdminOnly(200) },
  "POST /api/v1/members/invitations": {
    request: () => ({ body: { email: `Matrix-${randomUUID().slice(0, 8)}@Example.test`, role: "engineer" } }),
    expect: ownerOrAdminOnly(201),
  },
  "POST /api/v1/members/invitations/[id]/resend": {
    request: async (f) => ({ params: { id: (await invitationOfA(f)).id } }),
    expect: adminsOfA(200),
  },
  "DELETE /api/v1/members/invitations/[id]": {
    request: async (f) => ({ params: { id: (await invitationOfA(f)).id } }),
    expect: adminsOfA(200),
  },
  "PATCH /api/v1/members/[id]": {
    request: async (f) => ({ params: await engineerOfA(f), body: { role: "viewer" } }),
    expect: adminsOfA(200),
  },
  "DELETE /api/v1/members/[id]": {
    request: async (f) => ({ params: await engineerOfA(f) }),
    expect: adminsOfA(200),
  },
  "POST /api/v1/invitations/[token]/accept": [
    {
      label: "live link",
      request: async (f) => ({ params: { token: (await invitationOfA(f)).token }, body: { name: "Matrix Invitee", password: "a long enough password" } }),
      expect: everyone(201),
    },
    {
      label: "revoked link",
      request: async (f) => ({ params: { token: (await invitationOfA(f, { revoked: true })).token }, body: { name: "Matrix Invitee", password: "a long enough password" } }),
      expect: everyone(404),
    },
    {
      label: "unknown link",
      request: () => ({ params: { token: hashInvitationToken(randomUUID()) }, body: { name: "Matrix Invitee", password: "a long enough password" } }),
      expect: everyone(404),
    },
  ],
};
