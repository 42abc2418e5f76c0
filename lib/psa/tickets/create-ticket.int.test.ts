import { describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const ticketsRoute = await import("@/app/api/v1/psa/tickets/route");

const { sim, a, unconnected } = installPsaTenants({ name: "Create ticket" });

const create = (as: string, body: unknown) => callRoute(ticketsRoute.POST, "POST", { as, body });
const ticketPosts = () => sim().requests.filter((request) => request.method === "POST" && request.path.endsWith("/service/tickets"));

describe("G6 POST /api/v1/psa/tickets", () => {
  it("creates the ticket in the PSA with board, company, status, priority and description (201)", async () => {
    const response = await create(a().engineer.id, {
      summary: "  Reception printer offline  ",
      board_id: "1",
      company_id: "250",
      status_id: "102",
      priority_id: "12",
      initial_description: "The reception printer shows offline since the power cut.",
    });
    expect(response.status).toBe(201);
    const ticket = await response.json();
    expect(ticket).toMatchObject({
      summary: "Reception printer offline",
      board: { id: "1", name: "Help Desk" },
      status: { id: "102", name: "In Progress" },
      company: { id: "250", name: "Northwind Dental" },
      priority: { id: "12" },
    });
    expect(sim().ticket(Number(ticket.id))).toMatchObject({ summary: "Reception printer offline", status: { id: 102 } });
    expect(sim().notes(Number(ticket.id)).map((note) => (note as { text: string }).text)).toContain("The reception printer shows offline since the power cut.");
  });

  it("takes the board's default status when none is given", async () => {
    const response = await create(a().admin.id, { summary: "Default status", board_id: "2", company_id: "251" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: { id: "201", name: "New" } });
  });

  it("answers a status from another board, which ConnectWise refuses on create, with 422 and its message", async () => {
    const response = await create(a().engineer.id, { summary: "Wrong board status", board_id: "1", company_id: "250", status_id: "202" });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({ code: "invalid", message: expect.stringContaining("ConnectWise") });
  });

  it.each([
    {},
    { summary: "", board_id: "1", company_id: "250" },
    { summary: "x".repeat(101), board_id: "1", company_id: "250" },
    { summary: "No board", company_id: "250" },
    { summary: "Bad board", board_id: "Help Desk", company_id: "250" },
    { summary: "Bad company", board_id: "1", company_id: 250 },
    { summary: "Bad priority", board_id: "1", company_id: "250", priority_id: "high" },
  ])("refuses %o with 422, sending nothing to the PSA", async (body) => {
    const response = await create(a().engineer.id, body);
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("invalid");
    expect(sim().requests).toEqual([]);
  });

  it("refuses viewers with 403 and creates nothing", async () => {
    expect((await create(a().viewer.id, { summary: "Viewer ticket", board_id: "1", company_id: "250" })).status).toBe(403);
    expect(ticketPosts()).toEqual([]);
  });

  it("answers 409 NOT_CONNECTED for an account without a PSA connection", async () => {
    const response = await create(unconnected().engineer.id, { summary: "Nowhere", board_id: "1", company_id: "250" });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toContain("Settings → PSA");
  });
});
