import { describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";
import { createSessionFor, viewerOf } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { spinOffPsaTicket } = await import("@/lib/psa/tickets/spin-off-ticket");
const spinOffRoute = await import("@/app/api/v1/ai-sessions/[id]/spin-off-ticket/route");

const { sim, simB, a, b, unconnected } = installPsaTenants({ name: "Spin-off", withB: true });

const body = { board_id: "1", company_id: "250" };
const spinOff = (as: string, id: string, input: unknown = body) => callRoute(spinOffRoute.POST, "POST", { as, params: { id }, body: input });
const ticketPosts = (which = sim()) => which.requests.filter((request) => request.method === "POST" && request.path.endsWith("/service/tickets"));

async function sessionWithFacts(title: string, facts: string[], status: "active" | "escalated" = "active") {
  const session = await createSessionFor(a().engineer, { title, status });
  for (const text of facts) await db.sessionFact.create({ data: { accountId: a().accountId, sessionId: session.id, text, sourceKind: "engineer_note" } });
  return session.id;
}

describe("G6 spin off a ticket from a session", () => {
  it("creates the ticket from the session, links the session and puts a step on its timeline", async () => {
    const id = await sessionWithFacts("Teams drops calls after 10 minutes", ["Only on Wi-Fi", "Started after the router swap"]);
    const response = await spinOff(a().engineer.id, id);
    expect(response.status).toBe(201);
    const { ticket, session_id } = await response.json();
    expect(session_id).toBe(id);
    expect(ticket).toMatchObject({ summary: "Teams drops calls after 10 minutes", board: { id: "1" }, company: { name: "Northwind Dental" } });

    const [description] = sim().notes(Number(ticket.id)) as { text: string }[];
    expect(description!.text).toContain('Spun off from the FlowPilot session "Teams drops calls after 10 minutes".');
    expect(description!.text).toContain("- Only on Wi-Fi\n- Started after the router swap");

    const session = await db.aiSession.findUniqueOrThrow({ where: { id } });
    expect(session).toMatchObject({ psaTicketId: ticket.id, psaTicketRef: `CW #${ticket.id}`, companyName: "Northwind Dental" });
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: id, content: { startsWith: "PSA" } } });
    expect(steps).toHaveLength(1);
    expect(steps[0]!.content).toBe(`PSA · ticket #${ticket.id}: Created ticket CW #${ticket.id} "Teams drops calls after 10 minutes" for Northwind Dental and linked this session to it.`);
    expect(steps[0]!.metadata).toMatchObject({ action: "ticket_created", ok: true, external_id: ticket.id });
  });

  it("uses a given summary and priority, and cuts a long title to the PSA's 100 characters", async () => {
    const named = await sessionWithFacts("Printer", []);
    const { ticket } = await spinOffPsaTicket(viewerOf(a().engineer), named, { summary: "Printer jams on duplex", board_id: "2", company_id: "251", priority_id: "11" });
    expect(ticket).toMatchObject({ summary: "Printer jams on duplex", board: { id: "2" }, priority: { id: "11" } });
    const long = await sessionWithFacts("L".repeat(150), []);
    expect((await spinOffPsaTicket(viewerOf(a().engineer), long, body)).ticket.summary).toBe("L".repeat(100));
  });

  it("answers 409 to a second spin-off and creates no second ticket", async () => {
    const id = await sessionWithFacts("Once only", []);
    expect((await spinOff(a().engineer.id, id)).status).toBe(201);
    const second = await spinOff(a().engineer.id, id);
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toMatch(/already linked to ticket CW #\d+/);
    expect(ticketPosts()).toHaveLength(1);
  });

  it("keeps the session unlinked and records the failure when the PSA refuses the ticket", async () => {
    const id = await sessionWithFacts("Wrong company", []);
    const response = await spinOff(a().engineer.id, id, { board_id: "1", company_id: "99999" });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toContain("Company 99999 not found");
    expect(await db.aiSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ psaTicketId: null, psaTicketRef: null });
    const [step] = await db.aiSessionStep.findMany({ where: { sessionId: id, content: { startsWith: "PSA" } } });
    expect(step!.content).toMatch(/^PSA failed · ticket #new: .*Company 99999 not found/);
    expect(step!.metadata).toMatchObject({ action: "ticket_created", ok: false });
  });

  it("lets only the engineer working the session spin it off", async () => {
    const active = await sessionWithFacts("Active", []);
    const escalated = await sessionWithFacts("Escalated", [], "escalated");
    expect((await spinOff(a().viewer.id, active)).status).toBe(403);
    expect((await spinOff(a().admin.id, active)).status).toBe(404);
    expect((await spinOff(a().admin.id, escalated)).status).toBe(403);
    // Tenant B's owner: A's session is not found, and nothing reaches either PSA.
    expect((await spinOff(b().owner.id, active)).status).toBe(404);
    expect(ticketPosts()).toEqual([]);
    expect(ticketPosts(simB())).toEqual([]);
  });

  it("refuses bad input with 422 and a missing connection with 409, creating nothing", async () => {
    const id = await sessionWithFacts("Bad input", []);
    for (const input of [{}, { board_id: "1" }, { board_id: "one", company_id: "250" }, { ...body, summary: "x".repeat(101) }]) {
      expect((await spinOff(a().engineer.id, id, input)).status).toBe(422);
    }
    expect((await spinOff(a().engineer.id, "not-a-uuid")).status).toBe(422);
    expect(sim().requests).toEqual([]);
    const theirs = await createSessionFor(unconnected().engineer, { title: "No PSA" });
    expect((await spinOff(unconnected().engineer.id, theirs.id)).status).toBe(409);
  });
});
