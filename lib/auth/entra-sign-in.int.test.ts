import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { entraEmail, issuerTenantId, resolveEntraSignIn } from "@/lib/auth/entra-sign-in";
import { db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

const TENANT_ID = "5b3f7c2e-9d41-4a8e-b6f0-2c7d1e9a4f38";
const DAY = 24 * 60 * 60 * 1000;

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Entra MSP");
});

const newEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@contoso.example`;

function invite(email: string, options: { role?: UserRole; expiresAt?: Date; revokedAt?: Date } = {}) {
  return db.invitation.create({
    data: {
      accountId: tenant.accountId,
      email,
      role: options.role ?? "engineer",
      tokenHash: randomBytes(32).toString("hex"),
      invitedById: tenant.owner.id,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * DAY),
      revokedAt: options.revokedAt ?? null,
    },
  });
}

describe("resolveEntraSignIn", () => {
  it("signs an active user in by the token's email and stamps their last sign-in", async () => {
    const now = new Date("2026-12-01T09:30:00Z");
    const outcome = await resolveEntraSignIn({ email: tenant.engineer.email.toUpperCase(), tid: TENANT_ID }, { tenantId: TENANT_ID, now });
    expect(outcome).toEqual({ userId: tenant.engineer.id });
    const user = await db.user.findUniqueOrThrow({ where: { id: tenant.engineer.id } });
    expect(user.lastSignInAt).toEqual(now);
  });

  it("falls back to the UPN in preferred_username when the token has no email", async () => {
    const outcome = await resolveEntraSignIn({ preferred_username: tenant.admin.email, tid: TENANT_ID });
    expect(outcome).toEqual({ userId: tenant.admin.id });
  });

  it("refuses a removed user", async () => {
    expect(await resolveEntraSignIn({ email: tenant.removed.email })).toEqual({ refusal: "entra_removed" });
    const user = await db.user.findUniqueOrThrow({ where: { id: tenant.removed.id } });
    expect(user.lastSignInAt).toBeNull();
  });

  it("refuses an email no user or invitation has, and creates nobody", async () => {
    const email = newEmail("stranger");
    expect(await resolveEntraSignIn({ email, name: "A Stranger" })).toEqual({ refusal: "entra_unknown" });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a token that names no email at all", async () => {
    expect(await resolveEntraSignIn({ preferred_username: "not an email", name: "Nobody" })).toEqual({ refusal: "entra_unknown" });
  });

  it("refuses a token from another directory when the issuer names a tenant", async () => {
    const outcome = await resolveEntraSignIn({ email: tenant.engineer.email, tid: randomUUID() }, { tenantId: TENANT_ID });
    expect(outcome).toEqual({ refusal: "entra_tenant" });
  });

  it("accepts an open invitation: the user is created with its role and the token's name, once", async () => {
    const email = newEmail("invitee");
    const invitation = await invite(email, { role: "viewer" });
    const now = new Date();

    const outcome = await resolveEntraSignIn({ email, name: "Ivy Invitee", tid: TENANT_ID }, { tenantId: TENANT_ID, now });
    expect(outcome).toEqual({ userId: expect.any(String) });
    const userId = (outcome as { userId: string }).userId;
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ accountId: tenant.accountId, email, name: "Ivy Invitee", role: "viewer", passwordHash: null, deletedAt: null });
    expect(user.lastSignInAt).toEqual(now);

    const accepted = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(accepted.acceptedUserId).toBe(userId);
    expect(accepted.acceptedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { accountId: tenant.accountId, action: "invitation.accepted", targetId: invitation.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(userId);

    // The next Microsoft sign-in finds the user; no second account, no second acceptance.
    expect(await resolveEntraSignIn({ email, name: "Ivy Invitee" })).toEqual({ userId });
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "invitation.accepted", targetId: invitation.id } })).toBe(1);
  });

  it("accepts an invitation named by the UPN alone", async () => {
    const email = newEmail("upn-only");
    await invite(email);
    const outcome = await resolveEntraSignIn({ preferred_username: email.toUpperCase(), name: "Uma Upn" });
    expect(outcome).toEqual({ userId: expect.any(String) });
    expect(await db.user.findUnique({ where: { email }, select: { role: true } })).toEqual({ role: "engineer" });
  });

  it("refuses an expired or a revoked invitation, creating nobody", async () => {
    const expired = newEmail("expired");
    await invite(expired, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = newEmail("revoked");
    await invite(revoked, { revokedAt: new Date() });
    expect(await resolveEntraSignIn({ email: expired })).toEqual({ refusal: "entra_unknown" });
    expect(await resolveEntraSignIn({ email: revoked })).toEqual({ refusal: "entra_unknown" });
    expect(await db.user.count({ where: { email: { in: [expired, revoked] } } })).toBe(0);
  });

  it("gives two simultaneous sign-ins with one invitation the same single user", async () => {
    const email = newEmail("twice");
    await invite(email);
    const [first, second] = await Promise.all([resolveEntraSignIn({ email, name: "Tess Twice" }), resolveEntraSignIn({ email, name: "Tess Twice" })]);
    expect(first).toEqual({ userId: expect.any(String) });
    expect(second).toEqual(first);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("entraEmail", () => {
  it("prefers email, lower-cased, over preferred_username", () => {
    expect(entraEmail({ email: " Pat@Contoso.Example ", preferred_username: "upn@contoso.example" })).toBe("pat@contoso.example");
    expect(entraEmail({ email: null, preferred_username: "UPN@contoso.example" })).toBe("upn@contoso.example");
    expect(entraEmail({ preferred_username: "pat" })).toBeNull();
  });
});

describe("issuerTenantId", () => {
  it("reads the tenant GUID from a tenant issuer and nothing from the shared ones", () => {
    expect(issuerTenantId(`https://login.microsoftonline.com/${TENANT_ID.toUpperCase()}/v2.0`)).toBe(TENANT_ID);
    expect(issuerTenantId(`https://127.0.0.1:4330/${TENANT_ID}/v2.0`)).toBe(TENANT_ID);
    expect(issuerTenantId("https://login.microsoftonline.com/common/v2.0")).toBeNull();
    expect(issuerTenantId("https://login.microsoftonline.com/organizations/v2.0")).toBeNull();
    expect(issuerTenantId(undefined)).toBeNull();
  });
});
