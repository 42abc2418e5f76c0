import { createHash, randomBytes } from "node:crypto";
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpsClient } from "./https-client";
import { startFakeEntra, type FakeEntra } from "./provider";

const redirectUri = "http://127.0.0.1:3999/api/auth/callback/microsoft-entra-id";
let fake: FakeEntra;

beforeAll(async () => {
  fake = await startFakeEntra({ redirectUris: [redirectUri] });
});
afterAll(() => fake?.close());

type Discovery = { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string };

async function discover(client: HttpsClient): Promise<Discovery> {
  const reply = await client.send(`${fake.issuer}/.well-known/openid-configuration`);
  expect(reply.status).toBe(200);
  return JSON.parse(reply.body) as Discovery;
}

/** Runs the browser's half of the flow: authorize → login page → submit → back to the app with a code. */
async function authorize(client: HttpsClient, discovery: Discovery, form: Record<string, string>) {
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(16).toString("base64url");
  const nonce = randomBytes(16).toString("base64url");
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: fake.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "openid profile email User.Read",
    state,
    nonce,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();

  const loginPage = HttpsClient.location(await client.send(url.href), fake.url);
  expect(loginPage.pathname).toMatch(/^\/interaction\/[\w-]+$/);
  const page = await client.send(loginPage.href);
  expect(page.status).toBe(200);
  expect(page.body).toContain('name="email"');

  const submitted = await client.send(`${loginPage.href}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  const resume = HttpsClient.location(submitted, fake.url);
  const callback = HttpsClient.location(await client.send(resume.href), fake.url);
  expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
  expect(callback.searchParams.get("state")).toBe(state);
  return { code: callback.searchParams.get("code")!, verifier, nonce };
}

function redeem(client: HttpsClient, discovery: Discovery, grant: { code: string; verifier: string }, secret = fake.clientSecret) {
  return client.send(discovery.token_endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${fake.clientId}:${secret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code: grant.code, redirect_uri: redirectUri, code_verifier: grant.verifier }).toString(),
  });
}

async function verifyIdToken(client: HttpsClient, discovery: Discovery, idToken: string) {
  const jwks = JSON.parse((await client.send(discovery.jwks_uri)).body) as JSONWebKeySet;
  const { payload } = await jwtVerify(idToken, createLocalJWKSet(jwks), { issuer: fake.issuer, audience: fake.clientId });
  return payload;
}

describe("the fake Entra ID", () => {
  it("answers its health route", async () => {
    const reply = await new HttpsClient(fake.certificate).send(`${fake.url}/_fake/health`);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, issuer: fake.issuer });
  });

  it("publishes discovery under a v2.0 issuer path with the tenant id", async () => {
    const discovery = await discover(new HttpsClient(fake.certificate));
    expect(fake.issuer).toBe(`${fake.url}/${fake.tenantId}/v2.0`);
    expect(discovery.issuer).toBe(fake.issuer);
    for (const endpoint of [discovery.authorization_endpoint, discovery.token_endpoint, discovery.jwks_uri]) {
      expect(endpoint.startsWith(`${fake.issuer}/`)).toBe(true);
    }
  });

  it("runs an authorization-code flow and issues Entra's claims in the id token", async () => {
    const client = new HttpsClient(fake.certificate);
    const discovery = await discover(client);
    const grant = await authorize(client, discovery, { email: "Casey.Tech@Contoso.example", name: "Casey Tech" });
    const reply = await redeem(client, discovery, grant);
    expect(reply.status).toBe(200);
    const tokens = JSON.parse(reply.body) as { id_token: string; access_token: string };
    expect(tokens.access_token).toEqual(expect.any(String));

    const claims = await verifyIdToken(client, discovery, tokens.id_token);
    expect(claims).toMatchObject({
      nonce: grant.nonce,
      tid: fake.tenantId,
      name: "Casey Tech",
      email: "casey.tech@contoso.example",
      preferred_username: "casey.tech@contoso.example",
      ver: "2.0",
    });
    expect(claims.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims.sub).not.toBe(claims.oid);
    expect(fake.logins.at(-1)?.oid).toBe(claims.oid);
  });

  it("leaves `email` out for an account without a mailbox, keeping the UPN in preferred_username", async () => {
    const client = new HttpsClient(fake.certificate);
    const discovery = await discover(client);
    const grant = await authorize(client, discovery, { email: "no.mailbox@contoso.example", omit_email: "1" });
    const tokens = JSON.parse((await redeem(client, discovery, grant)).body) as { id_token: string };
    const claims = await verifyIdToken(client, discovery, tokens.id_token);
    expect(claims.email).toBeUndefined();
    expect(claims.preferred_username).toBe("no.mailbox@contoso.example");
    expect(claims.name).toBe("No Mailbox");
  });

  it("refuses a code redeemed with the wrong client secret, and a code used twice", async () => {
    const client = new HttpsClient(fake.certificate);
    const discovery = await discover(client);
    const grant = await authorize(client, discovery, { email: "dana@contoso.example" });
    const wrongSecret = await redeem(client, discovery, grant, "not-the-secret");
    expect(wrongSecret.status).toBe(401);
    expect(JSON.parse(wrongSecret.body).error).toBe("invalid_client");

    // A fresh browser: the first one holds a session now, so it would skip the login page.
    const browser = new HttpsClient(fake.certificate);
    const again = await authorize(browser, discovery, { email: "dana@contoso.example" });
    expect((await redeem(browser, discovery, again)).status).toBe(200);
    const replay = await redeem(browser, discovery, again);
    expect(replay.status).toBe(400);
    expect(JSON.parse(replay.body).error).toBe("invalid_grant");
  });

  it("re-shows its login page for something that isn't an email", async () => {
    const client = new HttpsClient(fake.certificate);
    const discovery = await discover(client);
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({ client_id: fake.clientId, redirect_uri: redirectUri, response_type: "code", scope: "openid" }).toString();
    const loginPage = HttpsClient.location(await client.send(url.href), fake.url);
    const reply = await client.send(`${loginPage.href}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=not-an-email",
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain("Enter an email address");
  });
});
