import { beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { SignInRefused, verifyCredentials } from "@/lib/auth/credentials";
import { EVERY_ADDRESS, reserveSignInAttempt } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

const PASSWORD = "right-password";
const A = "203.0.113.7";
const B = "198.51.100.20";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant();
});

const freshUser = () => addUser(tenant.accountId, { password: PASSWORD });

type Outcome = { signedIn?: string; reason?: string; wait?: number };

/** What a sign-in attempt ends with: the user, or the reason it was refused. */
async function attempt(email: string, password: string, address: string, now?: Date): Promise<Outcome> {
  return verifyCredentials({ email, password }, { address, now }).then(
    (user) => ({ signedIn: user.id }),
    (error: unknown) => {
      if (!(error instanceof SignInRefused)) throw error;
      return { reason: error.reason, wait: error.retryAfterSeconds };
    },
  );
}

/** `count` failures for `email`, five from each of as many addresses as that takes, without checking passwords. */
async function failFromManyAddresses(email: string, count: number, now: Date) {
  for (let index = 0; index < count; index += 1) {
    const { wait } = await reserveSignInAttempt({ email, address: `192.0.2.${Math.floor(index / 5)}` }, now);
    expect(wait).toBe(0);
  }
}

describe("throttled per (email, address)", () => {
  it("signs in at once from another address after 30 wrong passwords from one", async () => {
    const { email, id } = await freshUser();
    const outcomes = [];
    for (let index = 0; index < 30; index += 1) outcomes.push(await attempt(email, "wrong-password", A));
    expect(outcomes.slice(0, 5).every((outcome) => outcome.reason === "invalid_credentials")).toBe(true);
    expect(outcomes.at(-1)).toMatchObject({ reason: "too_many_attempts" });

    expect(await attempt(email, PASSWORD, B)).toEqual({ signedIn: id });
    // The address that failed stays throttled, even with the right password.
    expect(await attempt(email, PASSWORD, A)).toMatchObject({ reason: "too_many_attempts", wait: expect.any(Number) });
  });

  it("counts the addresses of one IPv6 /64 as one, so rotating within it doesn't help", async () => {
    const { email } = await freshUser();
    const from = (host: string) => clientAddress(new Headers({ "x-forwarded-for": `2001:db8:0:1::${host}` }));
    for (let host = 1; host <= 5; host += 1) expect(await attempt(email, "wrong-password", from(String(host)))).toMatchObject({ reason: "invalid_credentials" });
    expect(await attempt(email, PASSWORD, from("ffff"))).toMatchObject({ reason: "too_many_attempts" });
  });

  it("trims and lower-cases the email before counting it", async () => {
    const { email } = await freshUser();
    for (let index = 0; index < 5; index += 1) await attempt(index % 2 ? `  ${email.toUpperCase()} ` : email, "wrong-password", A);
    expect(await attempt(email, PASSWORD, A)).toMatchObject({ reason: "too_many_attempts" });
  });

  it("does not delay a clean address below the per-email ceiling", async () => {
    const { email, id } = await freshUser();
    const now = new Date();
    await failFromManyAddresses(email, 99, now);
    expect(await attempt(email, PASSWORD, B, now)).toEqual({ signedIn: id });
  });

  it("throttles every address once the email reaches 100 failures in the window", async () => {
    const { email, id } = await freshUser();
    const now = new Date();
    await failFromManyAddresses(email, 100, now);
    expect(await attempt(email, PASSWORD, B, now)).toMatchObject({ reason: "too_many_attempts", wait: 5 });
    // No counter from B was written: a refused attempt counts nowhere.
    expect(await db.signInThrottle.findUnique({ where: { email_address: { email, address: B } } })).toBeNull();
    // Once the wait is over, the right password gets in again.
    expect(await attempt(email, PASSWORD, B, new Date(now.getTime() + 6_000))).toEqual({ signedIn: id });
  });

  it("starts the per-email count again a window after it began, so a slow trickle never adds up", async () => {
    const { email } = await freshUser();
    const start = new Date(Date.now() - 16 * 60_000);
    await failFromManyAddresses(email, 99, start);
    await reserveSignInAttempt({ email, address: A });
    expect((await db.signInThrottle.findUnique({ where: { email_address: { email, address: EVERY_ADDRESS } } }))?.failures).toBe(1);
  });

  it("queues parallel attempts from one address: at most 5 passwords are checked before blocking", async () => {
    const { email } = await freshUser();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => attempt(email, "wrong-password", A)));
    expect(outcomes.filter((outcome) => outcome.reason === "invalid_credentials")).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome.reason === "too_many_attempts")).toHaveLength(15);
    expect((await db.signInThrottle.findUnique({ where: { email_address: { email, address: A } } }))?.failures).toBe(5);
  });

  it("lets parallel sign-ins of one email from many addresses all through, without deadlocking", async () => {
    const { email, id } = await freshUser();
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, index) => attempt(email, PASSWORD, `192.0.2.${index}`)));
    expect(outcomes).toEqual(Array.from({ length: 12 }, () => ({ signedIn: id })));
    // Each success took its own attempt off again, so nothing is left counting.
    expect(await db.signInThrottle.findFirst({ where: { email } })).toBeNull();
  });
});
