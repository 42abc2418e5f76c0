import { beforeAll, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/v1/ai-sessions/[id]/route";
import * as sessionsRoute from "@/app/api/v1/ai-sessions/route";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listSessions } from "@/lib/sessions/list-sessions";
import { getSession } from "@/lib/sessions/read-session";
import { listSessionsInput } from "@/lib/sessions/schemas";
import { callRoute } from "@/tests/helpers/call-route";
import { addUser } from "@/tests/helpers/users";
import { createSessionFor, createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

type Status = "active" | "parked" | "escalated" | "requesting_escalation" | "resolved";
const statuses: Status[] = ["active", "parked", "escalated", "requesting_escalation", "resolved"];

let a: TestTenant;
let b: TestTenant;
/** Tenant A's sessions by status, all started by A's engineer. */
const sessionsOfA = {} as Record<Status, string>;
let sessionOfB: string;

beforeAll(async () => {
  a = await createTenant("Sessions A");
  b = await createTenant("Sessions B");
  for (const status of statuses) sessionsOfA[status] = (await createSessionFor(a.engineer, { title: `A ${status}`, status })).id;
  sessionOfB = (await createSessionFor(b.engineer, { title: "B escalated", status: "escalated" })).id;
});

const readAs = (user: TestUser, id: string) => callRoute(sessionRoute.GET, "GET", { as: user.id, params: { id } });

async function expectNotFound(response: Response) {
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
}

async function serviceError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("GET /api/v1/ai-sessions/[id] across tenants", () => {
  it.each(statuses)("hides tenant A's %s session from tenant B's owner (route)", async (status) => {
    await expectNotFound(await readAs(b.owner, sessionsOfA[status]));
  });

  it("hides tenant A's session from every role of tenant B (route)", async () => {
    for (const user of [b.owner, b.admin, b.engineer, b.viewer]) {
      await expectNotFound(await readAs(user, sessionsOfA.escalated));
    }
  });

  it("hides tenant A's session from tenant B (service)", async () => {
    const error = await serviceError(getSession(viewerOf(b.owner), sessionsOfA.escalated));
    expect(error.code).toBe("not_found");
  });

  it("answers a cross-tenant id exactly like an id that does not exist", async () => {
    const crossTenant = await readAs(b.owner, sessionsOfA.active);
    const missing = await readAs(b.owner, "00000000-0000-4000-8000-000000000000");
    expect(crossTenant.status).toBe(missing.status);
    expect(await crossTenant.json()).toEqual(await missing.json());
  });

  it("lets tenant B read its own session", async () => {
    const response = await readAs(b.viewer, sessionOfB);
    expect(response.status).toBe(200);
    expect((await response.json()).id).toBe(sessionOfB);
  });
});

describe("GET /api/v1/ai-sessions/[id] within an account", () => {
  it.each(statuses)("lets the creator read their own %s session", async (status) => {
    const response = await readAs(a.engineer, sessionsOfA[status]);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: sessionsOfA[status], status, user: { id: a.engineer.id } });
  });

  it.each(["active", "parked", "resolved"] as const)("hides a teammate's %s session from other engineers and admins (404)", async (status) => {
    for (const teammate of [a.owner, a.admin]) {
      await expectNotFound(await readAs(teammate, sessionsOfA[status]));
    }
    const error = await serviceError(getSession(viewerOf(a.owner), sessionsOfA[status]));
    expect(error.code).toBe("not_found");
  });

  it.each(statuses)("lets a viewer read a teammate's %s session (A3: viewers read the whole account)", async (status) => {
    const response = await readAs(a.viewer, sessionsOfA[status]);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: sessionsOfA[status], status });
    expect((await getSession(viewerOf(a.viewer), sessionsOfA[status])).id).toBe(sessionsOfA[status]);
  });

  it.each(["escalated", "requesting_escalation"] as const)("lets any member read a %s session (F8)", async (status) => {
    for (const teammate of [a.owner, a.admin, a.viewer]) {
      const response = await readAs(teammate, sessionsOfA[status]);
      expect(response.status).toBe(200);
      expect((await response.json()).status).toBe(status);
    }
  });

  it("applies the handler rules once a picked-up session is active again", async () => {
    const session = await createSessionFor(a.engineer, { status: "escalated" });
    expect((await readAs(a.viewer, session.id)).status).toBe(200);
    await db.aiSession.update({ where: { id: session.id }, data: { status: "active", handlerId: a.admin.id } });
    expect((await readAs(a.admin, session.id)).status).toBe(200);
    expect((await readAs(a.engineer, session.id)).status).toBe(200);
    expect((await readAs(a.viewer, session.id)).status).toBe(200);
    await expectNotFound(await readAs(a.owner, session.id));
  });

  it("lets the escalation target read a session that is no longer in transit", async () => {
    const session = await createSessionFor(a.engineer, { status: "parked" });
    await db.aiSession.update({ where: { id: session.id }, data: { escalatedToId: a.owner.id } });
    expect((await readAs(a.owner, session.id)).status).toBe(200);
    await expectNotFound(await readAs(a.admin, session.id));
  });

  it("refuses a removed creator with 401", async () => {
    const session = await createSessionFor(a.removed, { status: "active" });
    const response = await readAs(a.removed, session.id);
    expect(response.status).toBe(401);
  });

  it.each(["not-a-uuid", "123", "2a000000-0000-4000-8000-00000000000Z"])("refuses the id %s with 422", async (id) => {
    const response = await readAs(a.engineer, id);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: "invalid", message: expect.any(String) }) });
  });
});

describe("GET /api/v1/ai-sessions", () => {
  type ListBody = { sessions: { id: string; status: string }[]; total: number; page: number; page_size: number };
  const listAs = async (user: TestUser, query: Record<string, string> = {}) => {
    const response = await callRoute(sessionsRoute.GET, "GET", { as: user.id, query });
    expect(response.status).toBe(200);
    return (await response.json()) as ListBody;
  };

  it("lists only the caller's own sessions, with the total", async () => {
    const body = await listAs(a.engineer);
    const ids = body.sessions.map((session) => session.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(sessionsOfA)));
    expect(body).toMatchObject({ total: ids.length, page: 1, page_size: 25 });
    const owners = await db.aiSession.findMany({ where: { id: { in: ids } }, select: { accountId: true, userId: true, handlerId: true } });
    expect(owners).toHaveLength(ids.length);
    for (const row of owners) {
      expect(row.accountId).toBe(a.accountId);
      expect([row.userId, row.handlerId]).toContain(a.engineer.id);
    }
  });

  it("shows a teammate none of those sessions, escalated ones included", async () => {
    const teammate = await addUser(a.accountId);
    const mine = await createSessionFor(teammate, { title: "teammate's own" });
    const body = await listAs(teammate);
    expect(body.sessions.map((session) => session.id)).toEqual([mine.id]);
    expect(body.total).toBe(1);
  });

  it("includes sessions the caller handles", async () => {
    const handler = await addUser(a.accountId);
    const session = await createSessionFor(a.engineer, { status: "active" });
    await db.aiSession.update({ where: { id: session.id }, data: { handlerId: handler.id } });
    const listed = await listSessions(viewerOf(handler), listSessionsInput.parse({}));
    expect(listed.items.map((row) => row.id)).toEqual([session.id]);
  });

  it("never lists another tenant's sessions", async () => {
    const body = await listAs(b.engineer);
    expect(body.sessions.map((session) => session.id)).toEqual([sessionOfB]);
  });

  it("filters by status and honours the limit", async () => {
    const escalated = await listAs(a.engineer, { status: "escalated" });
    expect(escalated.sessions.length).toBeGreaterThan(0);
    expect(new Set(escalated.sessions.map((row) => row.status))).toEqual(new Set(["escalated"]));
    const limited = await listAs(a.engineer, { limit: "2" });
    expect(limited.sessions).toHaveLength(2);
    expect(limited.page_size).toBe(2);
  });

  const badQueries: Record<string, string>[] = [
    { status: "closed" },
    { limit: "0" },
    { limit: "1000" },
    { limit: "ten" },
    { sort: "newest" },
    { page: "0" },
    { page: "two" },
    { page: "1.5" },
    { q: "x".repeat(201) },
  ];
  it.each(badQueries)("refuses the query %o with 422", async (query) => {
    const response = await callRoute(sessionsRoute.GET, "GET", { as: a.engineer.id, query });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("invalid");
  });

  it("refuses a signed-out caller with 401", async () => {
    const response = await callRoute(sessionsRoute.GET, "GET", {});
    expect(response.status).toBe(401);
  });
});
