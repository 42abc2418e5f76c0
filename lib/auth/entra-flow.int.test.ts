/**
 * Microsoft sign-in end to end inside one process: next-auth's real Entra provider, as
 * lib/auth/auth.ts configures it, against the fake Entra ID (tests/fakes/oidc) — discovery,
 * PKCE/state/nonce, the `tid` re-discovery, the token exchange — then the mapping onto users.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpsClient } from "@/tests/fakes/oidc/https-client";
import { startFakeEntra, type FakeEntra } from "@/tests/fakes/oidc/provider";
import type { TestTenant } from "@/tests/helpers/tenant";

const APP = "http://localhost:3000";
let fake: FakeEntra;
let handlers: typeof import("@/lib/auth/auth").handlers;
let db: typeof import("@/lib/db").db;
let tenant: TestTenant;

beforeAll(async () => {
  fake = await startFakeEntra({ redirectUris: [`${APP}/api/auth/callback/microsoft-entra-id`] });
  // The app process trusts the fake's certificate through NODE_EXTRA_CA_CERTS (playwright.config.ts);
  // that is read at process start, so this test process skips the check for its own loopback fake.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
  Object.assign(process.env, {
    AUTH_MICROSOFT_ENTRA_ID_ID: fake.clientId,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: fake.clientSecret,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: fake.issuer,
  });
  // Loaded after the variables are set: lib/env reads them once.
  ({ handlers } = await import("@/lib/auth/auth"));
  ({ db } = await import("@/lib/db"));
  tenant = await (await import("@/tests/helpers/tenant")).createTenant("Entra flow MSP");
});
afterAll(async () => {
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  await fake?.close();
});

/** The app's cookies as a browser keeps them between requests. */
class CookieJar {
  readonly cookies = new Map<string, string>();
  header = () => [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const separator = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, separator), pair!.slice(separator + 1));
    }
    return response;
  }
}

/** Signs in with Microsoft as `login`, from the app's sign-in POST to where the callback sends the browser. */
async function signInWithMicrosoft(login: Record<string, string>, callbackUrl = "/pilot") {
  const app = new CookieJar();
  const csrf = app.take(await handlers.GET(new NextRequest(`${APP}/api/auth/csrf`)));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const started = app.take(
    await handlers.POST(
      new NextRequest(`${APP}/api/auth/signin/microsoft-entra-id`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: app.header() },
        body: new URLSearchParams({ csrfToken, callbackUrl }).toString(),
      }),
    ),
  );
  const authorize = new URL(started.headers.get("location")!);
  expect(authorize.href.startsWith(`${fake.issuer}/`)).toBe(true);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("state")).toBeTruthy();
  expect(authorize.searchParams.get("nonce")).toBeTruthy();

  const browser = new HttpsClient(fake.certificate);
  const loginPage = HttpsClient.location(await browser.send(authorize.href), fake.url);
  const submitted = await browser.send(`${loginPage.href}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(login).toString(),
  });
  const callback = HttpsClient.location(await browser.send(HttpsClient.location(submitted, fake.url).href), fake.url);
  expect(callback.href.startsWith(`${APP}/api/auth/callback/microsoft-entra-id?`)).toBe(true);

  const finished = app.take(await handlers.GET(new NextRequest(callback.href, { headers: { cookie: app.header() } })));
  return { location: new URL(finished.headers.get("location")!, APP), session: app.cookies.get("authjs.session-token") };
}

async function sessionUserId(sessionToken: string | undefined): Promise<string | undefined> {
  const response = await handlers.GET(new NextRequest(`${APP}/api/auth/session`, { headers: { cookie: `authjs.session-token=${sessionToken}` } }));
  return ((await response.json()) as { user?: { id?: string } } | null)?.user?.id;
}

describe("Microsoft sign-in through next-auth", () => {
  it("signs an existing user in and lands on the page they were heading for", async () => {
    const { location, session } = await signInWithMicrosoft({ email: tenant.engineer.email }, "/pilot/some-session?pickup=true");
    expect(`${location.pathname}${location.search}`).toBe("/pilot/some-session?pickup=true");
    expect(await sessionUserId(session)).toBe(tenant.engineer.id);
  });

  it("maps a token without `email` by its UPN", async () => {
    const { location, session } = await signInWithMicrosoft({ email: tenant.viewer.email, omit_email: "1" });
    expect(location.pathname).toBe("/pilot");
    expect(await sessionUserId(session)).toBe(tenant.viewer.id);
  });

  it("creates an invited user from the invitation and signs them in", async () => {
    const email = `invitee-${randomUUID().slice(0, 8)}@contoso.example`;
    await db.invitation.create({
      data: {
        accountId: tenant.accountId, email, role: "engineer", tokenHash: randomBytes(32).toString("hex"),
        invitedById: tenant.owner.id, expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const { location, session } = await signInWithMicrosoft({ email, name: "Nia Newcomer" }, "/pilot/deep");
    expect(location.pathname).toBe("/pilot/deep");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ accountId: tenant.accountId, name: "Nia Newcomer", role: "engineer" });
    expect(await sessionUserId(session)).toBe(user.id);
  });

  it("refuses an unknown email and a removed user back to the login page, with no session", async () => {
    const unknown = await signInWithMicrosoft({ email: `nobody-${randomUUID().slice(0, 8)}@contoso.example` });
    expect(`${unknown.location.pathname}${unknown.location.search}`).toBe("/login?error=entra_unknown");
    expect(unknown.session).toBeUndefined();

    const removed = await signInWithMicrosoft({ email: tenant.removed.email });
    expect(`${removed.location.pathname}${removed.location.search}`).toBe("/login?error=entra_removed");
    expect(removed.session).toBeUndefined();
  });
});
