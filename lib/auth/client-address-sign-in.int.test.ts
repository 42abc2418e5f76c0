/**
 * The client address reaches the throttle from the real sign-in path: the login form's server
 * action, next-auth's Credentials provider and its `authorize(credentials, request)`.
 */
import { beforeAll, expect, it, vi } from "vitest";

vi.hoisted(async () => {
  // Next's server runtime provides this global before any request scope exists; so must the test.
  const { AsyncLocalStorage } = await import("node:async_hooks");
  Object.assign(globalThis, { AsyncLocalStorage });
});

import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { signInWithPassword } from "@/app/(auth)/login/actions";
import { db } from "@/lib/db";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

const PASSWORD = "right-password";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Address MSP");
});

/** Submits the login form as a POST from `forwardedFor` (the header as the proxy left it). */
function signInFrom(forwardedFor: string, email: string, password: string) {
  const headers = new Headers({ host: "localhost:3000", "x-forwarded-for": forwardedFor, "x-forwarded-proto": "http" });
  const workStore = { route: "/login", forceStatic: false, dynamicShouldError: false, isStaticGeneration: false } as never;
  const requestStore = { type: "request", phase: "action", headers, url: { pathname: "/login", search: "" } } as never;
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, () => signInWithPassword({}, form)));
}

it("throttles the address in the request's right-most x-forwarded-for hop, not the email everywhere", async () => {
  const { email } = await addUser(tenant.accountId, { password: PASSWORD });
  // The first hop is the client's own claim; each attempt claims another, to no avail.
  for (let index = 0; index < 5; index += 1) {
    expect(await signInFrom(`10.0.0.${index}, 203.0.113.7`, email, "wrong-password")).toEqual({ error: "That email and password don't match an account.", email });
  }
  expect((await signInFrom("10.0.0.99, 203.0.113.7", email, PASSWORD)).error).toMatch(/^Too many failed sign-ins/);
  // Another address is still asked only for the password.
  expect(await signInFrom("203.0.113.7, 198.51.100.20", email, "wrong-password")).toEqual({ error: "That email and password don't match an account.", email });
  expect((await db.signInThrottle.findMany({ where: { email }, orderBy: { address: "asc" } })).map((row) => [row.address, row.failures])).toEqual([
    ["*", 6],
    ["198.51.100.20", 1],
    ["203.0.113.7", 5],
  ]);
});
