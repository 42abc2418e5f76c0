import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SignInRefused, verifyCredentials } from "@/lib/auth/credentials";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant();
});

it("refuses the 6th attempt after 5 failures, even with the right password", async () => {
  const { email } = await addUser(tenant.accountId, { password: "right-password" });
  for (let i = 0; i < 5; i += 1) {
    await expect(verifyCredentials({ email, password: "wrong-password" })).rejects.toMatchObject({ reason: "invalid_credentials" });
  }
  const sixth = await verifyCredentials({ email, password: "right-password" }).catch((error: unknown) => error);
  expect(sixth).toBeInstanceOf(SignInRefused);
  expect(sixth).toMatchObject({ reason: "too_many_attempts", retryAfterSeconds: expect.any(Number) });
});

it("trims the email before checking it", async () => {
  const { email, id } = await addUser(tenant.accountId, { password: "right-password" });
  const user = await verifyCredentials({ email: `  ${email.toUpperCase()} `, password: "right-password" }).catch((error: unknown) => error);
  expect(user).toMatchObject({ id });
});
it("counts every one of 20 parallel failures and checks at most 5 passwords before blocking", async () => {
  const { email } = await addUser(tenant.accountId, { password: "right-password" });
  const reasons = await Promise.all(
    Array.from({ length: 20 }, () => verifyCredentials({ email, password: "wrong-password" }).catch((error: { reason: string }) => error.reason)),
  );
  expect(reasons.filter((reason) => reason === "invalid_credentials").length).toBeLessThanOrEqual(5);
  expect((await db.signInThrottle.findUnique({ where: { email } }))?.failures).toBeGreaterThanOrEqual(5);
});
