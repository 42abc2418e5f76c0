import { beforeAll, describe, expect, it } from "vitest";
import * as sessionsRoute from "@/app/api/v1/ai-sessions/route";
import { db } from "@/lib/db";
import { callRoute } from "@/tests/helpers/call-route";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Create A");
  b = await createTenant("Create B");
});

const create = (as: string, body: unknown) => callRoute(sessionsRoute.POST, "POST", { as, body });

describe("POST /api/v1/ai-sessions", () => {
  it("starts an active session linked to a ticket, with a first step", async () => {
    const response = await create(a.engineer.id, { title: "  Printer offline  ", psa_ticket_id: "48233", company_name: "Contoso" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ title: "Printer offline", status: "active", psaTicketId: "48233", companyName: "Contoso" });
    const stored = await db.aiSession.findUniqueOrThrow({ where: { id: body.id }, include: { steps: true } });
    expect(stored).toMatchObject({ accountId: a.accountId, userId: a.engineer.id, psaTicketRef: "#48233", stateVersion: 0 });
    expect(stored.steps.map((step) => [step.kind, step.content])).toEqual([["system_event", "Session started."]]);
  });

  it("forks a session the engineer can read and records where it came from", async () => {
    const source = await createSessionFor(a.engineer, { title: "Outlook and Teams both failing" });
    const response = await create(a.engineer.id, { title: "Teams drops calls", forked_from_id: source.id, fork_summary: "Calls drop after 30 s." });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.forkedFromId).toBe(source.id);
    const [step] = await db.aiSessionStep.findMany({ where: { sessionId: body.id } });
    expect(step?.content).toBe('Forked from "Outlook and Teams both failing". Calls drop after 30 s.');
  });

  it("refuses to fork another tenant's session as not found, creating nothing", async () => {
    const theirs = await createSessionFor(b.engineer);
    const before = await db.aiSession.count({ where: { accountId: a.accountId } });
    const response = await create(a.engineer.id, { title: "Probe", forked_from_id: theirs.id });
    expect(response.status).toBe(404);
    expect(await db.aiSession.count({ where: { accountId: a.accountId } })).toBe(before);
  });

  it("refuses viewers (read-only) and bad input without writing", async () => {
    const before = await db.aiSession.count();
    expect((await create(a.viewer.id, { title: "Nope" })).status).toBe(403);
    for (const body of [{}, { title: "" }, { title: "x".repeat(201) }, { title: "T", psa_ticket_id: "CW-1" }, '{"title": ']) {
      const response = await create(a.engineer.id, body);
      expect(response.status).toBe(422);
      expect((await response.json()).error.code).toBe("invalid");
    }
    expect(await db.aiSession.count()).toBe(before);
  });
});
