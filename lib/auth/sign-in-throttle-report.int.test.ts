import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import * as auditRoute from "@/app/api/v1/audit-events/route";
import type { AuditEventPage } from "@/lib/audit/list-audit-events";
import { SignInRefused, verifyCredentials } from "@/lib/auth/credentials";
import { reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { emailHash } from "@/lib/auth/sign-in-throttle-report";
import { db } from "@/lib/db";
import { runWithoutScope } from "@/lib/tenancy/scope";
import { callRoute } from "@/tests/helpers/call-route";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

const PASSWORD = "right-password";
const A = "203.0.113.7";

let tenant: TestTenant;
let other: TestTenant;
let warn: MockInstance<typeof console.warn>;
beforeAll(async () => {
  tenant = await createTenant("Lockout MSP");
  other = await createTenant("Lockout other");
});
beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
});

/** A sign-in as the app makes it: outside any data scope, so the code must enter its own. */
const attempt = (email: string, password: string, address: string, now: Date) =>
  runWithoutScope(() => verifyCredentials({ email, password }, { address, now })).catch((error: unknown) => {
    if (!(error instanceof SignInRefused)) throw error;
    return error.reason;
  });

/** The `auth.sign_in_locked` lines logged so far, parsed. */
const lockLines = () =>
  warn.mock.calls
    .map(([line]) => String(line))
    .filter((line) => line.includes("auth.sign_in_locked"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const lockoutEvents = (accountId: string) => db.auditEvent.findMany({ where: { accountId, action: "sign_in.locked_out" }, orderBy: { createdAt: "asc" } });

async function auditSummaries(owner: { id: string }) {
  const response = await callRoute(auditRoute.GET, "GET", { as: owner.id });
  expect(response.status).toBe(200);
  const page = (await response.json()) as AuditEventPage;
  return page.events.filter((event) => event.action === "sign_in.locked_out").map((event) => event.summary);
}

describe("a sign-in lockout", () => {
  it("is audited once in the user's account, however many attempts it refuses, and shown to its owner", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const now = new Date();
    for (let index = 0; index < 5; index += 1) expect(await attempt(user.email, "wrong-password", A, now)).toBe("invalid_credentials");
    for (let index = 0; index < 4; index += 1) expect(await attempt(user.email, PASSWORD, A, now)).toBe("too_many_attempts");

    const events = await lockoutEvents(tenant.accountId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: null,
      targetType: "user",
      targetId: user.id,
      after: { email: user.email, scope: "address", address: "203.0.113.x", failures: 5, until: new Date(now.getTime() + 5_000).toISOString() },
    });
    expect(await auditSummaries(tenant.owner)).toEqual([`Sign-in locked for ${user.name} after 5 failed attempts from 203.0.113.x`]);
    expect(await auditSummaries(other.owner)).toEqual([]);

    // One log line, naming neither the email nor the full address.
    expect(lockLines()).toEqual([
      { event: "auth.sign_in_locked", email_hash: emailHash(user.email), scope: "address", address: "203.0.113.x", failures: 5, until: expect.any(String), lockouts: 1 },
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(user.email);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(A);
  });

  it("is audited again when a new lockout starts after the old failures were forgotten", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const later = new Date(Date.now() + 16 * 60_000);
    for (const now of [new Date(), later]) {
      for (let index = 0; index < 5; index += 1) await attempt(user.email, "wrong-password", A, now);
      expect(await attempt(user.email, PASSWORD, A, now)).toBe("too_many_attempts");
    }
    expect((await lockoutEvents(tenant.accountId)).filter((event) => event.targetId === user.id)).toHaveLength(2);
    expect(lockLines().map((line) => line.lockouts)).toEqual([1, 2]);
  });

  it("of the email from every address is audited once as such", async () => {
    const lone = await createTenant("Lockout everywhere");
    const user = await addUser(lone.accountId, { password: PASSWORD });
    const now = new Date();
    for (let index = 0; index < 100; index += 1) await reserveSignInAttempt({ email: user.email, address: `192.0.2.${Math.floor(index / 5)}` }, now);
    expect(await attempt(user.email, PASSWORD, "198.51.100.1", now)).toBe("too_many_attempts");
    expect(await attempt(user.email, PASSWORD, "198.51.100.2", now)).toBe("too_many_attempts");

    const events = await lockoutEvents(lone.accountId);
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ scope: "every_address", address: null, failures: 100 });
    expect(await auditSummaries(lone.owner)).toEqual([`Sign-in locked for ${user.name} from every address after 100 failed attempts`]);
    expect(lockLines()).toEqual([expect.objectContaining({ scope: "every_address", address: null, failures: 100 })]);
  });

  it("of an email nobody has is logged but audited nowhere", async () => {
    const email = "nobody-has-this@example.test";
    const before = await db.auditEvent.count();
    const now = new Date();
    for (let index = 0; index < 6; index += 1) await attempt(email, "wrong-password", A, now);
    expect(await db.auditEvent.count()).toBe(before);
    expect(lockLines()).toEqual([expect.objectContaining({ email_hash: emailHash(email), scope: "address", failures: 5 })]);
  });
});
