import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import * as preferencesRoute from "@/app/api/v1/accounts/me/preferences/route";
import type { Guard } from "@/lib/auth/roles";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { loadViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { callRoute, sessionCookieFor } from "@/tests/helpers/call-route";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";
import { signedInIdentity } from "@/tests/helpers/sign-ins";
import { addUser } from "@/tests/helpers/users";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Viewer MSP");
});

/** The AppError code loadViewer ends with, or "ok". */
async function outcomeOf(userId: string | undefined | null, guard: Guard, accountId: string = tenant.accountId): Promise<string> {
  try {
    await loadViewer({ userId, accountId, signInId: await signInIdFor(userId) }, guard);
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** A real sign-in row for a known user, so only the property under test differs. */
async function signInIdFor(userId: string | undefined | null): Promise<string | undefined> {
  if (!userId) return undefined;
  const user = await db.user.findFirst({ where: { id: userId }, select: { id: true, accountId: true } });
  return user ? (await signedInIdentity(user)).signInId : crypto.randomUUID();
}

describe("loadViewer guard matrix", () => {
  const allowed: Record<Guard, UserRole[]> = {
    signedIn: ["owner", "admin", "engineer", "viewer"],
    engineerOrAdmin: ["owner", "admin", "engineer"],
    ownerOrAdmin: ["owner", "admin"],
  };
  const roles: UserRole[] = ["owner", "admin", "engineer", "viewer"];
  const cases = (Object.keys(allowed) as Guard[]).flatMap((guard) =>
    roles.map((role) => [guard, role, allowed[guard].includes(role) ? "ok" : "forbidden"] as const),
  );

  it.each(cases)("%s lets a %s through: %s", async (guard, role, expected) => {
    expect(await outcomeOf(tenant[role].id, guard)).toBe(expected);
  });

  it.each(Object.keys(allowed) as Guard[])("%s refuses a removed user as unauthenticated", async (guard) => {
    expect(await outcomeOf(tenant.removed.id, guard)).toBe("unauthenticated");
  });

  it.each([undefined, null, "", "00000000-0000-4000-8000-000000000000"])("refuses the user id %s as unauthenticated", async (id) => {
    expect(await outcomeOf(id, "signedIn")).toBe("unauthenticated");
  });

  it("refuses a user id presented with another account as unauthenticated", async () => {
    const other = await createTenant("Other Viewer MSP");
    expect(await outcomeOf(tenant.owner.id, "signedIn", other.accountId)).toBe("unauthenticated");
    expect(await outcomeOf(tenant.owner.id, "signedIn", "not-a-uuid")).toBe("unauthenticated");
    expect(await outcomeOf(tenant.owner.id, "signedIn", "")).toBe("unauthenticated");
  });

  it("returns the user's own account, role and names", async () => {
    const identity = await signedInIdentity(tenant.engineer);
    expect(await loadViewer(identity, "engineerOrAdmin")).toEqual({
      ...viewerOf(tenant.engineer),
      signInId: identity.signInId,
      account: { id: tenant.accountId, name: "Viewer MSP", slug: expect.any(String) as string },
    });
  });

  it("names the gate in the refusal", async () => {
    await expect(loadViewer(await signedInIdentity(tenant.viewer), "ownerOrAdmin")).rejects.toMatchObject({
      code: "forbidden",
      message: "Owner or admin access required.",
    });
    await expect(loadViewer(await signedInIdentity(tenant.viewer), "engineerOrAdmin")).rejects.toMatchObject({
      code: "forbidden",
      message: "Engineer or admin access required.",
    });
  });
});

describe("changes take effect on the next request", () => {
  it("refuses an admin demoted to viewer on the very next loadViewer", async () => {
    const user = await addUser(tenant.accountId, { role: "admin" });
    expect((await loadViewer(await signedInIdentity(user), "ownerOrAdmin")).role).toBe("admin");
    await db.user.update({ where: { id: user.id }, data: { role: "viewer" } });
    expect(await outcomeOf(user.id, "ownerOrAdmin")).toBe("forbidden");
    expect((await loadViewer(await signedInIdentity(user), "signedIn")).role).toBe("viewer");
  });

  it("refuses a demoted admin's PATCH with the same, still-valid cookie", async () => {
    const user = await addUser(tenant.accountId, { role: "admin" });
    const cookie = await sessionCookieFor(user.id);
    const body = { escalation_renotify_minutes: 45 };
    expect((await callRoute(preferencesRoute.PATCH, "PATCH", { headers: { cookie }, body })).status).toBe(200);

    await db.user.update({ where: { id: user.id }, data: { role: "viewer" } });
    const before = await db.accountSettings.findUnique({ where: { accountId: tenant.accountId } });
    const refused = await callRoute(preferencesRoute.PATCH, "PATCH", { headers: { cookie }, body: { escalation_renotify_minutes: 90 } });
    expect(refused.status).toBe(403);
    expect(await db.accountSettings.findUnique({ where: { accountId: tenant.accountId } })).toEqual(before);
  });

  it("gives a user soft-deleted after sign-in 401 on the next route call", async () => {
    const user = await addUser(tenant.accountId, { role: "owner" });
    const cookie = await sessionCookieFor(user.id);
    const first = await callRoute(meRoute.GET, "GET", { headers: { cookie } });
    expect(first.status).toBe(200);
    expect((await first.json()).id).toBe(user.id);

    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    const next = await callRoute(meRoute.GET, "GET", { headers: { cookie } });
    expect(next.status).toBe(401);
    expect(await next.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("lets a restored user back in with the same cookie", async () => {
    const user = await addUser(tenant.accountId, { deleted: true });
    const cookie = await sessionCookieFor(user.id);
    expect((await callRoute(meRoute.GET, "GET", { headers: { cookie } })).status).toBe(401);
    await db.user.update({ where: { id: user.id }, data: { deletedAt: null } });
    expect((await callRoute(meRoute.GET, "GET", { headers: { cookie } })).status).toBe(200);
  });
});

describe("the session cookie", () => {
  /** Claims that would pass with the right secret and expiry: only the property under test differs. */
  async function liveClaims() {
    const { userId, accountId, signInId } = await signedInIdentity(tenant.owner);
    return { sub: userId, accountId, signInId };
  }

  it("is refused when forged with another secret", async () => {
    const token = await encode({ token: await liveClaims(), secret: "not-the-app-secret-at-all", salt: sessionCookieName });
    const response = await callRoute(meRoute.GET, "GET", { headers: { cookie: `${sessionCookieName}=${token}` } });
    expect(response.status).toBe(401);
  });

  it("is refused when garbled", async () => {
    const cookie = `${(await sessionCookieFor(tenant.owner.id)).slice(0, -6)}AAAAAA`;
    expect((await callRoute(meRoute.GET, "GET", { headers: { cookie } })).status).toBe(401);
  });

  it("is refused when expired", async () => {
    const token = await encode({ token: await liveClaims(), secret: process.env.AUTH_SECRET!, salt: sessionCookieName, maxAge: -60 });
    const response = await callRoute(meRoute.GET, "GET", { headers: { cookie: `${sessionCookieName}=${token}` } });
    expect(response.status).toBe(401);
  });
});
