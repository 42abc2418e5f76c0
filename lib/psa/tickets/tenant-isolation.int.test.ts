import { describe, expect, it, vi } from "vitest";
import type { ConnectWiseSimulator } from "@/tests/fakes/connectwise/simulator";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";
import { createSessionFor, type TestUser } from "@/tests/helpers/tenant";

// Both simulators are on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { requirePsaProvider } = await import("@/lib/psa/account-provider");
const ticketsRoute = await import("@/app/api/v1/psa/tickets/route");
const ticketRoute = await import("@/app/api/v1/psa/tickets/[id]/route");
const statusRoute = await import("@/app/api/v1/psa/tickets/[id]/status/route");
const notesRoute = await import("@/app/api/v1/psa/tickets/[id]/notes/route");
const resourcesRoute = await import("@/app/api/v1/psa/tickets/[id]/resources/route");
const resourceRoute = await import("@/app/api/v1/psa/tickets/[id]/resources/[member_id]/route");
const { psaListRoutes: listRoutes } = await import("@/tests/helpers/psa-list-routes");
const spinOffRoute = await import("@/app/api/v1/ai-sessions/[id]/spin-off-ticket/route");
const sessionsRoute = await import("@/app/api/v1/ai-sessions/route");

/*
 * One tenant's PSA credentials are never used for another tenant's request. Tenants A and B are
 * connected to two simulators with different keys; each calls every PSA route with the same
 * ticket ids, and each simulator's request log must show only its own tenant's keys.
 */
const { sim: simA, simB, a, b } = installPsaTenants({ name: "Isolation", withB: true, resetEachTest: false });

const OUTLOOK = "48233";
const basicOf = (sim: ConnectWiseSimulator) => `Basic ${Buffer.from(`${sim.credentials.companyId}+${sim.credentials.publicKey}:${sim.credentials.privateKey}`).toString("base64")}`;
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : value);

/** Calls every PSA route as `user`, on the ticket ids both PSAs have; answers each status. */
async function callEveryRoute(user: TestUser) {
  const as = user.id;
  const session = await createSessionFor(user, { title: "Isolation spin-off" });
  const id = { id: OUTLOOK };
  const calls: [string, Promise<Response>][] = [
    ["search", callRoute(ticketsRoute.GET, "GET", { as, query: { board_id: "1", assigned: "177", q: "Outlook" } })],
    ["create", callRoute(ticketsRoute.POST, "POST", { as, body: { summary: "Isolation", board_id: "1", company_id: "250" } })],
    ["detail", callRoute(ticketRoute.GET, "GET", { as, params: id })],
    ["status", callRoute(statusRoute.PATCH, "PATCH", { as, params: id, body: { status_id: "104" } })],
    ["notes", callRoute(notesRoute.GET, "GET", { as, params: id })],
    ["add note", callRoute(notesRoute.POST, "POST", { as, params: id, body: { kind: "internal_analysis", text: `Note by ${user.email}` } })],
    ["resources", callRoute(resourcesRoute.GET, "GET", { as, params: id })],
    ["assign", callRoute(resourcesRoute.POST, "POST", { as, params: id, body: { member_id: "180" } })],
    ["unassign", callRoute(resourceRoute.DELETE, "DELETE", { as, params: { id: OUTLOOK, member_id: "180" } })],
    ["boards", callRoute(listRoutes.boards.GET, "GET", { as })],
    ["board statuses", callRoute(listRoutes.boardStatuses.GET, "GET", { as, params: { id: "1" } })],
    ["status names", callRoute(listRoutes.statuses.GET, "GET", { as })],
    ["priorities", callRoute(listRoutes.priorities.GET, "GET", { as })],
    ["members", callRoute(listRoutes.members.GET, "GET", { as })],
    ["companies", callRoute(listRoutes.companies.GET, "GET", { as, query: { q: "North" } })],
    ["spin-off", callRoute(spinOffRoute.POST, "POST", { as, params: { id: session.id }, body: { board_id: "1", company_id: "250" } })],
    ["linked session", callRoute(sessionsRoute.POST, "POST", { as, body: { title: "Linked", psa_ticket_id: OUTLOOK } })],
  ];
  const statuses: Record<string, number> = {};
  const bodies: string[] = [];
  // One at a time: the writes on the same ticket must not race.
  for (const [name, call] of calls) {
    const response = await call;
    statuses[name] = response.status;
    bodies.push(await response.text());
  }
  return { statuses, bodies };
}

describe("tenant isolation of PSA credentials", () => {
  it("sends each tenant's requests to its own PSA with its own keys only", async () => {
    const fromA = await callEveryRoute(a().engineer);
    const fromB = await callEveryRoute(b().owner);
    for (const { statuses } of [fromA, fromB]) {
      expect(Object.values(statuses).every((status) => status >= 200 && status < 300), JSON.stringify(statuses)).toBe(true);
    }

    for (const [own, other] of [
      [simA(), simB()],
      [simB(), simA()],
    ] as const) {
      expect(own.requests.length).toBeGreaterThan(20);
      for (const request of own.requests) {
        expect(header(request.headers.authorization)).toBe(basicOf(own));
        expect(header(request.headers.clientid)).toBe(own.credentials.clientId);
      }
      const seen = JSON.stringify(own.requests);
      expect(seen).not.toContain(other.credentials.privateKey);
      expect(seen).not.toContain(other.credentials.publicKey);
      expect(seen).not.toContain(basicOf(other));
    }

    // No key of either tenant reaches a response body.
    for (const body of [...fromA.bodies, ...fromB.bodies]) {
      for (const sim of [simA(), simB()]) {
        expect(body).not.toContain(sim.credentials.privateKey);
        expect(body).not.toContain(sim.credentials.publicKey);
      }
    }
  });

  it("answers B's request for A's ticket id from B's own PSA, never with A's data", async () => {
    simA().reset();
    simB().reset();
    await (await requirePsaProvider(a().accountId)).setTicketStatus(OUTLOOK, "104");
    const response = await callRoute(ticketRoute.GET, "GET", { as: b().owner.id, params: { id: OUTLOOK } });
    expect((await response.json()).ticket.status).toEqual({ id: "102", name: "In Progress" });
    expect(simA().ticket(Number(OUTLOOK))).toMatchObject({ status: { id: 104 } });
    expect(simA().requests.filter((request) => request.method === "GET")).toHaveLength(1); // A's own re-read only
  });

  it("answers B's request for a ticket only A's PSA has with B's PSA's 404", async () => {
    const providerA = await requirePsaProvider(a().accountId);
    let onlyInA = "";
    for (let lead = 0; lead < 5; lead += 1) onlyInA = (await providerA.createTicket({ summary: "Only A", board_id: "1", company_id: "250" })).id;
    expect(simB().ticket(Number(onlyInA))).toBeNull();
    const before = simA().requests.length;
    const response = await callRoute(ticketRoute.GET, "GET", { as: b().owner.id, params: { id: onlyInA } });
    expect(response.status).toBe(404);
    expect(simA().requests.length).toBe(before);
    expect(simB().requests.some((request) => request.path.endsWith(`/service/tickets/${onlyInA}`))).toBe(true);
  });

  it("records a tenant's PSA writes only on its own linked sessions", async () => {
    const ofA = await createSessionFor(a().engineer, { title: "A linked" });
    await db.aiSession.update({ where: { id: ofA.id }, data: { psaTicketId: "48210" } });
    const ofB = await createSessionFor(b().engineer, { title: "B linked" });
    await db.aiSession.update({ where: { id: ofB.id }, data: { psaTicketId: "48210" } });
    expect((await callRoute(notesRoute.POST, "POST", { as: b().owner.id, params: { id: "48210" }, body: { kind: "customer_detail", text: "B's note" } })).status).toBe(201);
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: { in: [ofA.id, ofB.id] }, content: { startsWith: "PSA" } } });
    expect(steps.map((step) => step.sessionId)).toEqual([ofB.id]);
    expect(simA().notes(48210).some((note) => JSON.stringify(note).includes("B's note"))).toBe(false);
  });
});
