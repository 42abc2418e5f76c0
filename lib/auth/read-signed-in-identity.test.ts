import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readCookieIdentity, readSignedInIdentity } from "@/lib/auth/read-signed-in-identity";
import { sessionCookieName } from "@/lib/auth/session-cookie";

const claims = () => ({ sub: randomUUID(), accountId: randomUUID(), signInId: randomUUID() });

async function tokenFor(token: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) {
  return encode({ token, secret: options.secret ?? process.env.AUTH_SECRET!, salt: sessionCookieName, maxAge: options.maxAge });
}

describe("reading who a session cookie names", () => {
  it("decodes the cookie among others, and answers the same token again from memory", async () => {
    const identity = claims();
    const token = await tokenFor(identity);
    const first = await readCookieIdentity(`theme=dark; ${sessionCookieName}=${token}; other=1`);
    expect(first).toEqual({ userId: identity.sub, accountId: identity.accountId, signInId: identity.signInId });
    // A decode builds a new object; the remembered answer is the very same one.
    expect(await readCookieIdentity(`${sessionCookieName}=${token}`)).toBe(first);
  });

  it("stops answering for a remembered token once it has expired", async () => {
    const token = await tokenFor(claims(), { maxAge: 60 });
    const cookie = `${sessionCookieName}=${token}`;
    expect(await readCookieIdentity(cookie)).not.toBeNull();
    expect(await readCookieIdentity(cookie, Date.now() + 61_000)).toBeNull();
    expect(await readCookieIdentity(cookie, Date.now() + 61_000)).toBeNull();
  });

  it("refuses a token sealed with another secret, a tampered one and no cookie at all", async () => {
    const foreign = await tokenFor(claims(), { secret: "another-secret-entirely-not-the-apps" });
    expect(await readCookieIdentity(`${sessionCookieName}=${foreign}`)).toBeNull();
    const token = await tokenFor(claims());
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await readCookieIdentity(`${sessionCookieName}=${tampered}`)).toBeNull();
    expect(await readCookieIdentity(null)).toBeNull();
    expect(await readCookieIdentity("theme=dark")).toBeNull();
  });

  it("reads a bearer token when no session cookie is sent", async () => {
    const identity = claims();
    const token = await tokenFor(identity);
    const found = await readSignedInIdentity({ headers: new Headers({ authorization: `Bearer ${token}` }) });
    expect(found).toMatchObject({ userId: identity.sub });
  });
});
