import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as acceptRoute } from "@/app/api/v1/invitations/[token]/accept/route";
import { POST as inviteRoute } from "@/app/api/v1/members/invitations/route";
import { DELETE as revokeRoute } from "@/app/api/v1/members/invitations/[id]/route";
import { POST as resendRoute } from "@/app/api/v1/members/invitations/[id]/resend/route";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { acceptInvitation, acceptThrottleKey } from "@/lib/members/accept-invitation";
import { reserveKeyAttempt } from "@/lib/auth/sign-in-throttle";
import { acceptInvitationWithEntra } from "@/lib/members/accept-invitation-with-entra";
import { inviteMember } from "@/lib/members/invite-member";
import { listMembers } from "@/lib/members/list-members";
import { resendInvitation } from "@/lib/members/resend-invitation";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { listDevMailbox, type EmailPayload } from "@/lib/notifications/email";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeResend, withDevMailbox } from "@/tests/helpers/resend";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const fakeResend = installFakeResend();
const DAY = 24 * 60 * 60_000;
const PASSWORD = "a long enough password";

let tenant: TestTenant;
let other: TestTenant;
beforeEach(async () => {
  tenant = await createTenant("Invite MSP");
  other = await createTenant("Other MSP");
  fakeResend().reset();
});
afterEach(async () => {
  await backgroundTasksSettled();
  vi.restoreAllMocks();
});

const uniqueEmail = (label = "new") => `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;

/** Invites through the route as the owner and returns the invitation id and the token the mail carries. */
async function invite(email = uniqueEmail(), role = "engineer", as = tenant.owner.id) {
  const response = await callRoute(inviteRoute, "POST", { as, body: { email, role } });
  expect(response.status).toBe(201);
  const invitation = (await response.json()) as { id: string; email: string; state: string; send_count: number };
  return { ...invitation, token: await latestToken(invitation.id) };
}

/** The token in the newest mail of an invitation: the only place it exists. */
async function latestToken(invitationId: string): Promise<string> {
  const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { invitationId }, orderBy: { createdAt: "desc" } });
  const link = (delivery.payload as EmailPayload).link;
  return link.slice(link.lastIndexOf("/") + 1);
}

const accept = (token: string, body: Record<string, unknown> = { name: "New Person", password: PASSWORD }) =>
  callRoute(acceptRoute, "POST", { params: { token }, body });

describe("inviting", () => {
  it("stores the email lower-cased, hashes the token, mails the link through the outbox and audits it", async () => {
    const email = uniqueEmail("Mixed");
    const invitation = await invite(`  ${email.toUpperCase()} `);
    expect(invitation).toMatchObject({ email: email.toLowerCase(), state: "invited", send_count: 1 });
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(invitation.token);
    expect(row.expiresAt.getTime() - row.lastSentAt.getTime()).toBe(7 * DAY);

    await backgroundTasksSettled();
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { invitationId: invitation.id } });
    expect(delivery).toMatchObject({ channel: "email", recipientUserId: null, recipientEmail: email.toLowerCase(), handoffId: null, status: "sent" });
    const sent = fakeResend().emails.filter((mail) => mail.idempotencyKey === `invitation/${invitation.id}/1`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual([email.toLowerCase()]);
    expect(sent[0]!.text).toContain(`http://localhost:3000/invite/${invitation.token}`);
    expect(sent[0]!.subject).toContain("Invite MSP");

    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: invitation.id } });
    expect(audit).toMatchObject({ accountId: tenant.accountId, actorId: tenant.owner.id, action: "invitation.sent", after: { email: email.toLowerCase(), role: "engineer" } });
  });

  it("keeps the mail in the dev mailbox without a Resend key, where owners and admins of the account see it", async () => {
    await withDevMailbox(async () => {
      const invitation = await invite();
      await backgroundTasksSettled();
      const mail = (await listDevMailbox(viewerOf(tenant.admin))).find((item) => item.to === invitation.email);
      expect(mail?.html).toContain(`href="/invite/${invitation.token}"`);
      expect((await listDevMailbox(viewerOf(tenant.engineer))).some((item) => item.to === invitation.email)).toBe(false);
      expect((await listDevMailbox(viewerOf(other.owner))).some((item) => item.to === invitation.email)).toBe(false);
    });
  });

  it("refuses an email that belongs to a user of any tenant, removed users included", async () => {
    for (const email of [other.engineer.email, tenant.viewer.email.toUpperCase(), tenant.removed.email]) {
      const response = await callRoute(inviteRoute, "POST", { as: tenant.owner.id, body: { email, role: "engineer" } });
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ error: { code: "conflict", message: "That email already has a FlowPilot account." } });
    }
  });

  it("refuses a second open invitation of one email in the account, suggesting a resend; another account may invite it", async () => {
    const { email } = await invite();
    const again = await callRoute(inviteRoute, "POST", { as: tenant.admin.id, body: { email, role: "viewer" } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/Resend it/);
    await invite(email, "engineer", other.owner.id);
  });

  it("lets an expired invitation block a new one until it is resent or revoked", async () => {
    const { id, email } = await invite();
    await db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callRoute(inviteRoute, "POST", { as: tenant.owner.id, body: { email, role: "engineer" } })).status).toBe(409);
    expect((await listMembers(viewerOf(tenant.owner))).invitations.find((row) => row.id === id)?.state).toBe("expired");
    expect((await callRoute(revokeRoute, "DELETE", { as: tenant.owner.id, params: { id } })).status).toBe(200);
    await invite(email);
  });

  it("refuses bad input with 422", async () => {
    for (const body of [{ email: "not-an-email", role: "engineer" }, { email: uniqueEmail(), role: "superuser" }, { role: "engineer" }]) {
      expect((await callRoute(inviteRoute, "POST", { as: tenant.owner.id, body })).status).toBe(422);
    }
  });

  it("lets admins invite engineers and viewers only; owners invite any role", async () => {
    for (const role of ["admin", "owner"]) {
      const refused = await callRoute(inviteRoute, "POST", { as: tenant.admin.id, body: { email: uniqueEmail(), role } });
      expect(refused.status).toBe(403);
    }
    await invite(uniqueEmail(), "viewer", tenant.admin.id);
    await invite(uniqueEmail(), "admin", tenant.owner.id);
    await invite(uniqueEmail(), "owner", tenant.owner.id);
  });
});

describe("resending and revoking", () => {
  it("resend gives a new token and a new 7-day expiry, counts the send, mails again and kills the old link", async () => {
    const first = await invite();
    const sentAt = new Date(Date.now() + 3 * DAY);
    const resent = await resendInvitation(viewerOf(tenant.admin), first.id, sentAt);
    expect(resent.send_count).toBe(2);
    expect(new Date(resent.expires_at).getTime()).toBe(sentAt.getTime() + 7 * DAY);
    const token = await latestToken(first.id);
    expect(token).not.toBe(first.token);
    await backgroundTasksSettled();
    expect(fakeResend().emails.map((mail) => mail.idempotencyKey)).toEqual(expect.arrayContaining([`invitation/${first.id}/1`, `invitation/${first.id}/2`]));

    const old = await accept(first.token);
    expect(old.status).toBe(404);
    expect(((await old.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe("unknown");
    expect((await accept(token)).status).toBe(201);
    expect((await db.auditEvent.findMany({ where: { targetId: first.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action)).toEqual([
      "invitation.sent", "invitation.resent", "invitation.accepted",
    ]);
  });

  it("revives an expired invitation by resending it", async () => {
    const { id } = await invite();
    await db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await callRoute(resendRoute, "POST", { as: tenant.owner.id, params: { id } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { state: string }).state).toBe("invited");
    expect((await accept(await latestToken(id))).status).toBe(201);
  });

  it("revoke kills the link; a revoked or accepted invitation can't be resent or revoked again", async () => {
    const revoked = await invite();
    const response = await callRoute(revokeRoute, "DELETE", { as: tenant.owner.id, params: { id: revoked.id } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { state: string }).state).toBe("revoked");
    const dead = await accept(revoked.token);
    expect(dead.status).toBe(404);
    expect(((await dead.json()) as { error: { message: string } }).error.message).toMatch(/withdrawn/);
    expect((await callRoute(resendRoute, "POST", { as: tenant.owner.id, params: { id: revoked.id } })).status).toBe(409);
    expect((await callRoute(revokeRoute, "DELETE", { as: tenant.owner.id, params: { id: revoked.id } })).status).toBe(409);

    const used = await invite();
    expect((await accept(used.token)).status).toBe(201);
    expect((await callRoute(resendRoute, "POST", { as: tenant.owner.id, params: { id: used.id } })).status).toBe(409);
  });

  it("keeps admins off owners' and admins' invitations, and other tenants off all of them (404)", async () => {
    const forAdmin = await invite(uniqueEmail(), "admin");
    expect((await callRoute(resendRoute, "POST", { as: tenant.admin.id, params: { id: forAdmin.id } })).status).toBe(403);
    expect((await callRoute(revokeRoute, "DELETE", { as: tenant.admin.id, params: { id: forAdmin.id } })).status).toBe(403);
    expect((await callRoute(revokeRoute, "DELETE", { as: other.owner.id, params: { id: forAdmin.id } })).status).toBe(404);
    expect((await callRoute(resendRoute, "POST", { as: other.owner.id, params: { id: forAdmin.id } })).status).toBe(404);
  });
});

describe("accepting", () => {
  it("creates the member with the invitation's role, the given name and an argon2 password, who can then sign in", async () => {
    const { id, email, token } = await invite(uniqueEmail(), "viewer");
    const response = await accept(token, { name: "  Vera Viewer ", password: PASSWORD });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { id: string; email: string; role: string; accountId: string }; team: string };
    expect(body).toMatchObject({ team: "Invite MSP", user: { email, role: "viewer", accountId: tenant.accountId } });
    const user = await db.user.findUniqueOrThrow({ where: { id: body.user.id }, omit: { passwordHash: false } });
    expect(user.name).toBe("Vera Viewer");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ acceptedUserId: user.id, acceptedAt: expect.any(Date) });
    expect(await db.auditEvent.findFirst({ where: { targetId: id, action: "invitation.accepted" } })).toMatchObject({ actorId: user.id, accountId: tenant.accountId });

    const signedIn = await verifyCredentials({ email, password: PASSWORD });
    expect(signedIn.id).toBe(user.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeInstanceOf(Date);
  });

  it("is single use: a second accept is told the link was used", async () => {
    const { token } = await invite();
    expect((await accept(token)).status).toBe(201);
    const second = await accept(token, { name: "Someone Else", password: PASSWORD });
    expect(second.status).toBe(404);
    expect(((await second.json()) as { error: { message: string } }).error.message).toBe("This invitation has already been used. Sign in with the account you created.");
  });

  it("creates exactly one user when the link is accepted concurrently", async () => {
    const { email, token } = await invite();
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, n) => accept(token, { name: `Racer ${n}`, password: PASSWORD })));
    expect(outcomes.map((response) => response.status).sort()).toEqual([201, 404, 404, 404, 404]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses an expired link with a sentence and creates nobody", async () => {
    const { id, email, token } = await invite();
    await db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await accept(token);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "This invitation has expired. Ask your team owner or admin to resend it.", details: { reason: "expired" } },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses with 409 when the email got an account elsewhere meanwhile", async () => {
    const { email } = await invite();
    const inOther = await invite(email, "engineer", other.owner.id);
    expect((await accept(inOther.token)).status).toBe(201);
    const token = await latestToken((await db.invitation.findFirstOrThrow({ where: { email, accountId: tenant.accountId } })).id);
    const response = await accept(token);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("That email already has a FlowPilot account.");
  });

  it("validates name and password (422) without spending the link", async () => {
    const { token } = await invite();
    expect((await accept(token, { name: "", password: PASSWORD })).status).toBe(422);
    expect((await accept(token, { name: "Short", password: "short" })).status).toBe(422);
    expect((await accept(token, { name: "Ok" })).status).toBe(422);
    expect((await callRoute(acceptRoute, "POST", { params: { token }, body: "{not json" })).status).toBe(422);
    expect((await accept(token)).status).toBe(201);
  });

  it("refuses a cross-site accept", async () => {
    const { token } = await invite();
    const response = await callRoute(acceptRoute, "POST", {
      params: { token }, body: { name: "X", password: PASSWORD }, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(403);
  });

  it("throttles attempts on one link like sign-in: after five misses even a good request waits", async () => {
    const { id, token } = await invite();
    await db.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await accept(token)).status).toBe(404);
    expect([404, 429]).toContain((await accept(token)).status);
    await db.invitation.update({ where: { id }, data: { revokedAt: null } });
    const throttled = await accept(token);
    expect(throttled.status).toBe(429);
    expect(((await throttled.json()) as { error: { message: string } }).error.message).toMatch(/Try again in \d+ seconds?\./);
    // Another link is not affected.
    expect((await accept((await invite()).token)).status).toBe(201);
  });

  it("forgets a link's misses once it is accepted", async () => {
    const { token } = await invite();
    await reserveKeyAttempt(acceptThrottleKey(token));
    await acceptInvitation({ token, name: "Direct", password: PASSWORD });
    expect(await db.signInThrottle.findFirst({ where: { email: acceptThrottleKey(token) } })).toBeNull();
  });
});

describe("accepting with Entra ID (the hook the provider calls)", () => {
  it("accepts the open invitation of a verified email without a password", async () => {
    const { id, email } = await invite(uniqueEmail(), "engineer");
    const accepted = await acceptInvitationWithEntra({ email: email.toUpperCase(), name: "Entra Person" });
    expect(accepted).not.toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: accepted!.id }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ accountId: tenant.accountId, email, role: "engineer", name: "Entra Person", passwordHash: null });
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).acceptedUserId).toBe(user.id);
  });

  it("returns null for an email without an open invitation", async () => {
    expect(await acceptInvitationWithEntra({ email: uniqueEmail("stranger") })).toBeNull();
    const { id, email } = await invite();
    await db.invitation.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await acceptInvitationWithEntra({ email })).toBeNull();
  });
});

describe("inviteMember (service)", () => {
  it("refuses a viewer-granted role outright", async () => {
    await expect(inviteMember(viewerOf(tenant.admin), { email: uniqueEmail(), role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
