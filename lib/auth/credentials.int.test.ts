import { beforeAll, describe, expect, it } from "vitest";
import { UNKNOWN_ADDRESS } from "@/lib/auth/client-address";
import { SignInRefused, verifyCredentials } from "@/lib/auth/credentials";
import { EVERY_ADDRESS } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";
import { addUser, setPassword } from "@/tests/helpers/users";

const PASSWORD = "correct horse battery staple";
const WRONG = "correct horse battery stapler";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Sign-in MSP");
  await setPassword(tenant.engineer, PASSWORD);
  await setPassword(tenant.removed, PASSWORD);
});

/** The SignInRefused a sign-in attempt ends with; fails the test if it signs in. */
async function refusal(input: unknown): Promise<SignInRefused> {
  const outcome = await verifyCredentials(input).then(
    (user) => user,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(SignInRefused);
  return outcome as SignInRefused;
}

/** A fresh user with a password, so throttle tests don't share a counter. */
const freshUser = () => addUser(tenant.accountId, { password: PASSWORD });

describe("verifyCredentials", () => {
  it("signs in with the right password", async () => {
    const user = await verifyCredentials({ email: tenant.engineer.email, password: PASSWORD });
    expect(user).toEqual({
      id: tenant.engineer.id,
      accountId: tenant.accountId,
      role: "engineer",
      email: tenant.engineer.email,
      name: tenant.engineer.name,
    });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses a wrong password as invalid_credentials", async () => {
    const refused = await refusal({ email: tenant.engineer.email, password: WRONG });
    expect(refused.reason).toBe("invalid_credentials");
    expect(refused.message).toBe("That email and password don't match an account.");
  });

  it("refuses an unknown email exactly like a wrong password", async () => {
    const unknown = await refusal({ email: "nobody-here@example.test", password: PASSWORD });
    const wrong = await refusal({ email: tenant.engineer.email, password: WRONG });
    expect(unknown.reason).toBe("invalid_credentials");
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.retryAfterSeconds).toBeUndefined();
  });

  it("refuses a user without a password as invalid_credentials", async () => {
    const refused = await refusal({ email: tenant.owner.email, password: PASSWORD });
    expect(refused.reason).toBe("invalid_credentials");
  });

  it.each([
    ["a malformed email", { email: "not-an-email", password: PASSWORD }],
    ["an empty password", { email: "someone@example.test", password: "" }],
    ["no input at all", undefined],
  ])("refuses %s as invalid_credentials", async (_name, input) => {
    expect((await refusal(input)).reason).toBe("invalid_credentials");
  });

  it("tells a removed user with the right password that the account was removed", async () => {
    const refused = await refusal({ email: tenant.removed.email, password: PASSWORD });
    expect(refused.reason).toBe("account_removed");
    expect(refused.message).toMatch(/account has been removed/i);
  });

  it("does not reveal removal to someone with the wrong password", async () => {
    const refused = await refusal({ email: tenant.removed.email, password: WRONG });
    expect(refused.reason).toBe("invalid_credentials");
  });

  it("treats the email case-insensitively", async () => {
    const user = await verifyCredentials({ email: tenant.engineer.email.toUpperCase(), password: PASSWORD });
    expect(user.id).toBe(tenant.engineer.id);
    const mixed = tenant.engineer.email.replace(/^./, (first) => first.toUpperCase()).replace("example", "Example");
    expect((await verifyCredentials({ email: mixed, password: PASSWORD })).id).toBe(tenant.engineer.id);
  });

  it("keeps the password case-sensitive", async () => {
    expect((await refusal({ email: tenant.engineer.email, password: PASSWORD.toUpperCase() })).reason).toBe("invalid_credentials");
  });
});

describe("sign-in throttle", () => {
  /** The counter of `email` from a request without an address (as these calls are). */
  const counter = (email: string, address = UNKNOWN_ADDRESS) => db.signInThrottle.findUnique({ where: { email_address: { email, address } } });

  async function fail(email: string, times: number) {
    for (let attempt = 0; attempt < times; attempt += 1) {
      expect((await refusal({ email, password: WRONG })).reason).toBe("invalid_credentials");
    }
  }

  /** Five free failures, then one more wrong attempt: whatever it answers, the email is now blocked. */
  async function failUntilBlocked(email: string, spell: (attempt: number) => string = () => email) {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await refusal({ email: spell(attempt), password: WRONG })).reason).toBe("invalid_credentials");
    }
    expect(["invalid_credentials", "too_many_attempts"]).toContain((await refusal({ email: spell(5), password: WRONG })).reason);
  }

  it("allows five failures, each answered as invalid_credentials", async () => {
    const user = await freshUser();
    await fail(user.email, 5);
    expect((await counter(user.email))?.failures).toBe(5);
    expect((await counter(user.email, EVERY_ADDRESS))?.failures).toBe(5);
  });

  it("refuses even the right password with too_many_attempts and a wait once blocked", async () => {
    const user = await freshUser();
    await failUntilBlocked(user.email);
    const refused = await refusal({ email: user.email, password: PASSWORD });
    expect(refused.reason).toBe("too_many_attempts");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.message).toMatch(/Try again in \d+ seconds?\./);
  });

  it("counts failures under the lower-cased email, whatever the case typed", async () => {
    const user = await freshUser();
    await failUntilBlocked(user.email, (attempt) => (attempt % 2 ? user.email.toUpperCase() : user.email));
    expect((await refusal({ email: user.email, password: PASSWORD })).reason).toBe("too_many_attempts");
  });

  it("throttles unknown emails too, so probing costs the same", async () => {
    const email = "probe-target@example.test";
    await failUntilBlocked(email);
    expect((await refusal({ email, password: WRONG })).reason).toBe("too_many_attempts");
  });

  it("clears the counter after a successful sign-in", async () => {
    const user = await freshUser();
    await fail(user.email, 4);
    await verifyCredentials({ email: user.email, password: PASSWORD });
    expect(await counter(user.email)).toBeNull();
    // The success takes only its own attempt off the email's count across addresses.
    expect((await counter(user.email, EVERY_ADDRESS))?.failures).toBe(4);
    // Had the four failures been kept, the fifth and sixth below would block the last attempt.
    await fail(user.email, 4);
    expect((await verifyCredentials({ email: user.email, password: PASSWORD })).id).toBe(user.id);
  });

  it("does not let one email's throttle touch another's", async () => {
    const blocked = await freshUser();
    const other = await freshUser();
    await failUntilBlocked(blocked.email);
    expect((await refusal({ email: blocked.email, password: PASSWORD })).reason).toBe("too_many_attempts");
    expect((await verifyCredentials({ email: other.email, password: PASSWORD })).id).toBe(other.id);
    expect(await db.signInThrottle.findFirst({ where: { email: other.email } })).toBeNull();
  });

  it("forgets failures older than the window", async () => {
    const user = await freshUser();
    const longAgo = new Date(Date.now() - 16 * 60_000);
    await db.signInThrottle.create({
      data: { email: user.email, address: UNKNOWN_ADDRESS, failures: 9, windowStartedAt: longAgo, lastFailureAt: longAgo, blockedUntil: null },
    });
    await fail(user.email, 1);
    expect((await counter(user.email))?.failures).toBe(1);
    expect((await verifyCredentials({ email: user.email, password: PASSWORD })).id).toBe(user.id);
  });
});
