import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(async () => {
  // Heartbeats every 200 ms, so "within one heartbeat" is quick to observe (read when lib/env loads).
  process.env.ESCALATION_STREAM_HEARTBEAT_SECONDS = "0.2";
});

import { NextRequest } from "next/server";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import { GET as streamRoute } from "@/app/api/v1/ai-sessions/escalations/stream/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { DELETE as endAllRoute, GET as listRoute } from "@/app/api/v1/me/sign-ins/route";
import { DELETE as endOneRoute } from "@/app/api/v1/me/sign-ins/[id]/route";
import { POST as passwordRoute } from "@/app/api/v1/me/password/route";
import { DELETE as removeRoute } from "@/app/api/v1/members/[id]/route";
import { DELETE as endMemberRoute } from "@/app/api/v1/members/[id]/sign-ins/route";
import { verifyCredentials } from "@/lib/auth/credentials";
import { LAST_SEEN_GRANULARITY_MS, loadViewer } from "@/lib/auth/viewer";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { runWithoutScope } from "@/lib/tenancy/scope";
import { callRoute, sessionCookieFor } from "@/tests/helpers/call-route";
import { SseReader, requestStream } from "@/tests/helpers/realtime";
import { signedInIdentity } from "@/tests/helpers/sign-ins";
import { createTenant, type TestTenant, type TestUser } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

const PASSWORD = "correct horse battery staple";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Sign-in MSP");
});
const readers: SseReader[] = [];
afterEach(async () => {
  for (const reader of readers.splice(0)) await reader.close();
  await backgroundTasksSettled();
});

/** Calls the Auth.js route the way the browser does, carrying `cookies` (name=value pairs). */
async function auth(method: "GET" | "POST", path: string, cookies: Map<string, string>, form?: Record<string, string>) {
  const headers = new Headers({ host: "localhost:3000", "user-agent": CHROME, cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") });
  let body: string | undefined;
  if (form) {
    body = new URLSearchParams(form).toString();
    headers.set("content-type", "application/x-www-form-urlencoded");
  }
  const request = new NextRequest(`http://localhost:3000${path}`, { method, headers, body });
  const response = await runWithoutScope(() => (method === "GET" ? authRoute.GET(request) : authRoute.POST(request)));
  for (const setCookie of response.headers.getSetCookie()) {
    const [pair, ...attributes] = setCookie.split(";");
    const [name, value] = [pair!.slice(0, pair!.indexOf("=")), pair!.slice(pair!.indexOf("=") + 1)];
    if (attributes.some((attribute) => /max-age=0/i.test(attribute.trim())) || value === "") cookies.delete(name);
    else cookies.set(name, value);
  }
  return response;
}

/** Signs in with email and password through Auth.js; returns the browser's cookie jar. */
async function signInThroughAuthJs(user: TestUser): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const { csrfToken } = (await (await auth("GET", "/api/auth/csrf", jar)).json()) as { csrfToken: string };
  const response = await auth("POST", "/api/auth/callback/credentials", jar, { csrfToken, email: user.email, password: PASSWORD });
  expect(response.status).toBe(302);
  expect(jar.get(sessionCookieName)).toBeTruthy();
  return jar;
}

const sessionCookie = (jar: Map<string, string>) => `${sessionCookieName}=${jar.get(sessionCookieName)}`;
const meStatus = async (cookie: string) => (await callRoute(meRoute, "GET", { headers: { cookie } })).status;

describe("A1: a sign-in is a row the server can end", () => {
  it("signing in through Auth.js records the browser; signing out deletes it, and the copied cookie stops working", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const jar = await signInThroughAuthJs(user);
    const copied = sessionCookie(jar);
    const rows = await db.signIn.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(await meStatus(copied)).toBe(200);

    const { csrfToken } = (await (await auth("GET", "/api/auth/csrf", jar)).json()) as { csrfToken: string };
    const signedOut = await auth("POST", "/api/auth/signout", jar, { csrfToken });
    expect(signedOut.status).toBe(302);
    expect(await db.signIn.count({ where: { userId: user.id } })).toBe(0);

    // The copy replayed: the API refuses it, and Auth.js's session read neither answers nor re-issues it.
    expect(await meStatus(copied)).toBe(401);
    const replay = new Map([[sessionCookieName, copied.slice(sessionCookieName.length + 1)]]);
    const session = await auth("GET", "/api/auth/session", replay);
    expect(await session.json()).toBeNull();
    expect(session.headers.getSetCookie().join("\n")).toMatch(new RegExp(`${sessionCookieName.replace(/[.]/g, "\\.")}=;.*Max-Age=0`, "i"));
    expect(replay.has(sessionCookieName)).toBe(false);
  });

  it("a live cookie still gets its session from Auth.js", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const jar = await signInThroughAuthJs(user);
    const session = await auth("GET", "/api/auth/session", jar);
    expect(await session.json()).toMatchObject({ user: { email: user.email } });
  });

  it("refuses a token naming another user's sign-in", async () => {
    const other = await signedInIdentity(tenant.engineer);
    await expect(loadViewer({ userId: tenant.admin.id, accountId: tenant.accountId, signInId: other.signInId }, "signedIn")).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refreshes last seen only when the stored one is older than the granularity", async () => {
    const identity = await signedInIdentity(tenant.viewer);
    const seen = async () => (await db.signIn.findFirstOrThrow({ where: { id: identity.signInId } })).lastSeenAt.getTime();
    const created = await seen();
    await loadViewer(identity, "signedIn", new Date(created + LAST_SEEN_GRANULARITY_MS / 2));
    expect(await seen()).toBe(created);
    const later = new Date(created + LAST_SEEN_GRANULARITY_MS + 1_000);
    await loadViewer(identity, "signedIn", later);
    expect(await seen()).toBe(later.getTime());
  });
});

describe("Settings → Security: my sign-ins", () => {
  it("lists my own sign-ins only, names the browser and marks this one", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const jar = await signInThroughAuthJs(user);
    await signedInIdentity(user, CHROME);
    await signedInIdentity(tenant.engineer);
    const listed = await callRoute(listRoute, "GET", { headers: { cookie: sessionCookie(jar) } });
    const { sign_ins, has_password } = (await listed.json()) as { sign_ins: { id: string; device: string; current: boolean }[]; has_password: boolean };
    expect(has_password).toBe(true);
    expect(sign_ins).toHaveLength(2);
    expect(sign_ins.filter((row) => row.current)).toHaveLength(1);
    expect(sign_ins.map((row) => row.device)).toContain("Chrome 156 on Linux");
  });

  it("revoking one ends that browser only; another user's sign-in is a 404 and stays", async () => {
    const user = await addUser(tenant.accountId);
    const [here, there] = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    const thereRow = (await db.signIn.findMany({ where: { userId: user.id }, orderBy: { createdAt: "desc" } }))[0]!;
    const ended = await callRoute(endOneRoute, "DELETE", { headers: { cookie: here }, params: { id: thereRow.id } });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ id: thereRow.id, revoked: true, current: false });
    expect(await meStatus(there)).toBe(401);
    expect(await meStatus(here)).toBe(200);

    const theirs = await signedInIdentity(tenant.engineer);
    const refused = await callRoute(endOneRoute, "DELETE", { headers: { cookie: here }, params: { id: theirs.signInId } });
    expect(refused.status).toBe(404);
    expect(await db.signIn.count({ where: { id: theirs.signInId } })).toBe(1);
  });

  it("signing out everywhere ends every browser of mine, no one else's, and is audited", async () => {
    const user = await addUser(tenant.accountId);
    const cookies = [await sessionCookieFor(user.id), await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    const bystander = await sessionCookieFor(tenant.engineer.id);
    const response = await callRoute(endAllRoute, "DELETE", { headers: { cookie: cookies[0]! } });
    expect(await response.json()).toEqual({ revoked: 3 });
    for (const cookie of cookies) expect(await meStatus(cookie)).toBe(401);
    expect(await meStatus(bystander)).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "user.signed_out_everywhere", targetId: user.id } })).toBe(1);
  });

  it("an ended sign-in loses the open escalation stream within a heartbeat", async () => {
    const user = await addUser(tenant.accountId);
    const reader = new SseReader(await requestStream(streamRoute, { as: user.id }));
    readers.push(reader);
    await reader.nextOf("ready");
    await callRoute(endAllRoute, "DELETE", { as: user.id });
    await reader.nextOf("access_revoked", 3_000);
    await expect(reader.next()).rejects.toThrow("The event stream ended");
  });
});

describe("owners end a member's sign-ins", () => {
  it("an owner signs a member out everywhere; it is audited", async () => {
    const member = await addUser(tenant.accountId);
    const cookie = await sessionCookieFor(member.id);
    const response = await callRoute(endMemberRoute, "DELETE", { as: tenant.owner.id, params: { id: member.id } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: member.id, revoked: 1 });
    expect(await meStatus(cookie)).toBe(401);
    expect(await db.auditEvent.count({ where: { action: "member.signed_out_everywhere", targetId: member.id } })).toBe(1);
  });

  it("an admin can't sign an owner out, nor anyone themself; nothing ends", async () => {
    const cookie = await sessionCookieFor(tenant.owner.id);
    expect((await callRoute(endMemberRoute, "DELETE", { as: tenant.admin.id, params: { id: tenant.owner.id } })).status).toBe(403);
    expect((await callRoute(endMemberRoute, "DELETE", { as: tenant.owner.id, params: { id: tenant.owner.id } })).status).toBe(422);
    expect(await meStatus(cookie)).toBe(200);
  });

  it("removing a member deletes every sign-in they had", async () => {
    const member = await addUser(tenant.accountId);
    await sessionCookieFor(member.id);
    await sessionCookieFor(member.id);
    expect((await callRoute(removeRoute, "DELETE", { as: tenant.owner.id, params: { id: member.id } })).status).toBe(200);
    expect(await db.signIn.count({ where: { userId: member.id } })).toBe(0);
  });
});

describe("changing my password", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const other = await sessionCookieFor(user.id);
    const response = await callRoute(passwordRoute, "POST", { as: user.id, body: { current_password: "not it at all", new_password: "an entirely new password" } });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toBe("Your current password is not right.");
    expect(await meStatus(other)).toBe(200);
    await expect(verifyCredentials({ email: user.email, password: PASSWORD })).resolves.toMatchObject({ id: user.id });
  });

  it("sets the new password and ends every other sign-in, keeping this one", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const [here, elsewhere] = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    const response = await callRoute(passwordRoute, "POST", { headers: { cookie: here }, body: { current_password: PASSWORD, new_password: "an entirely new password" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ changed: true, other_sign_ins_ended: 1 });
    expect(await meStatus(elsewhere)).toBe(401);
    expect(await meStatus(here)).toBe(200);
    await expect(verifyCredentials({ email: user.email, password: "an entirely new password" })).resolves.toMatchObject({ id: user.id });
    await expect(verifyCredentials({ email: user.email, password: PASSWORD })).rejects.toMatchObject({ reason: "invalid_credentials" });
  });

  it("refuses a new password under the length rule with the field named", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const response = await callRoute(passwordRoute, "POST", { as: user.id, body: { current_password: PASSWORD, new_password: "short" } });
    expect(response.status).toBe(422);
  });
});

describe("guessing the current password through a borrowed session", () => {
  it("is throttled like sign-in: after five wrong tries even the right one waits", async () => {
    const user = await addUser(tenant.accountId, { password: PASSWORD });
    const attempt = (current: string) => callRoute(passwordRoute, "POST", { as: user.id, body: { current_password: current, new_password: "an entirely new password" } });
    for (let i = 0; i < 5; i += 1) expect((await attempt(`wrong guess ${i}`)).status).toBe(422);
    const refused = await attempt(PASSWORD);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toMatch(/^Too many wrong passwords\. Try again in \d+ seconds?\.$/);
    await expect(verifyCredentials({ email: user.email, password: PASSWORD })).resolves.toMatchObject({ id: user.id });
  });
});
