import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(async () => {
  // Heartbeats every 200 ms, so "within one heartbeat" is quick to observe (read when lib/env loads).
  process.env.ESCALATION_STREAM_HEARTBEAT_SECONDS = "0.2";
  // Next's server runtime provides this global before any request scope exists; so must the test.
  const { AsyncLocalStorage } = await import("node:async_hooks");
  Object.assign(globalThis, { AsyncLocalStorage });
});

import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { inviteMemberAction } from "@/app/(app)/settings/members/actions";
import { GET as streamRoute } from "@/app/api/v1/ai-sessions/escalations/stream/route";
import { GET as listMembersRoute } from "@/app/api/v1/members/route";
import { DELETE as removeRoute, PATCH as roleRoute } from "@/app/api/v1/members/[id]/route";
import { POST as createSessionRoute } from "@/app/api/v1/ai-sessions/route";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { callRoute, sessionCookieFor } from "@/tests/helpers/call-route";
import { SseReader, requestStream } from "@/tests/helpers/realtime";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Demotion MSP");
});
const readers: SseReader[] = [];
afterEach(async () => {
  for (const reader of readers.splice(0)) await reader.close();
  await backgroundTasksSettled();
});

const setRole = (id: string, role: string) => callRoute(roleRoute, "PATCH", { as: tenant.owner.id, params: { id }, body: { role } });

/**
 * Runs a server action the way Next does for a POST from the page: inside a request scope whose
 * headers carry `userId`'s session cookie, so `auth()` reads it through `headers()`.
 */
async function asServerAction<T>(userId: string, run: () => Promise<T>): Promise<T> {
  const headers = new Headers({ cookie: await sessionCookieFor(userId), host: "localhost:3000" });
  const workStore = { route: "/settings/members", forceStatic: false, dynamicShouldError: false, isStaticGeneration: false } as never;
  const requestStore = { type: "request", phase: "action", headers, url: { pathname: "/settings/members", search: "" } } as never;
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, run));
}

describe("a role change applies on the user's next request", () => {
  it("on a route handler: an engineer made a viewer can no longer start a session", async () => {
    const member = await addUser(tenant.accountId, { role: "engineer" });
    expect((await callRoute(createSessionRoute, "POST", { as: member.id, body: { title: "Before" } })).status).toBe(201);
    expect((await setRole(member.id, "viewer")).status).toBe(200);
    const refused = await callRoute(createSessionRoute, "POST", { as: member.id, body: { title: "After" } });
    expect(refused.status).toBe(403);
  });

  it("on a route handler: an engineer made an admin gets the members list at once", async () => {
    const member = await addUser(tenant.accountId, { role: "engineer" });
    expect((await callRoute(listMembersRoute, "GET", { as: member.id })).status).toBe(403);
    await setRole(member.id, "admin");
    expect((await callRoute(listMembersRoute, "GET", { as: member.id })).status).toBe(200);
  });

  it("on a server action: an admin made an engineer is refused by the owner-or-admin action", async () => {
    const member = await addUser(tenant.accountId, { role: "admin" });
    const before = await asServerAction(member.id, () => inviteMemberAction({ email: `action-${member.id.slice(0, 8)}@example.test`, role: "viewer" }));
    expect(before?.serverError).toBeUndefined();
    expect(before?.data).toMatchObject({ state: "invited", role: "viewer" });
    await setRole(member.id, "engineer");
    const after = await asServerAction(member.id, () => inviteMemberAction({ email: `action2-${member.id.slice(0, 8)}@example.test`, role: "viewer" }));
    expect(after?.data).toBeUndefined();
    expect(after?.serverError).toBe("Owner or admin access required.");
  });

  it("on the open escalation stream: a demotion to viewer closes it within a heartbeat", async () => {
    const member = await addUser(tenant.accountId, { role: "engineer" });
    const response = await requestStream(streamRoute, { as: member.id });
    expect(response.status).toBe(200);
    const reader = new SseReader(response);
    readers.push(reader);
    expect((await reader.next()).event).toBe("ready");
    expect((await reader.nextOf("heartbeat")).event).toBe("heartbeat");
    await setRole(member.id, "viewer");
    expect((await reader.nextOf("access_revoked", 3_000)).event).toBe("access_revoked");
    await expect(reader.next()).rejects.toThrow("The event stream ended");
  });

  it("on the open escalation stream: a removal closes it too; an unchanged engineer's stays open", async () => {
    const member = await addUser(tenant.accountId, { role: "engineer" });
    const keeper = await addUser(tenant.accountId, { role: "engineer" });
    const removed = new SseReader(await requestStream(streamRoute, { as: member.id }));
    const kept = new SseReader(await requestStream(streamRoute, { as: keeper.id }));
    readers.push(removed, kept);
    await removed.nextOf("ready");
    await kept.nextOf("ready");
    expect((await callRoute(removeRoute, "DELETE", { as: tenant.owner.id, params: { id: member.id } })).status).toBe(200);
    await removed.nextOf("access_revoked", 3_000);
    await expect(removed.next()).rejects.toThrow("The event stream ended");
    await kept.nextOf("heartbeat");
    await kept.nextOf("heartbeat");
  });
});
