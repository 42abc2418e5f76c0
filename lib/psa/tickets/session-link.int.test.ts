import { describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const sessionsRoute = await import("@/app/api/v1/ai-sessions/route");
const sessionRoute = await import("@/app/api/v1/ai-sessions/[id]/route");

const { sim, a, unconnected } = installPsaTenants({ name: "Link" });

const create = (as: string, body: unknown) => callRoute(sessionsRoute.POST, "POST", { as, body });

describe("POST /api/v1/ai-sessions with psa_ticket_id", () => {
  it("links the session to the PSA ticket with its ref and company", async () => {
    const response = await create(a().engineer.id, { title: "Outlook prompts", psa_ticket_id: "48233" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ psaTicketId: "48233", psaTicketRef: "CW #48233", companyName: "Northwind Dental", psa_ticket: { id: "48233", ref: "CW #48233" } });
    expect(await db.aiSession.findUniqueOrThrow({ where: { id: body.id } })).toMatchObject({ psaTicketRef: "CW #48233", companyName: "Northwind Dental" });
  });

  it("keeps a company name the engineer gave", async () => {
    const body = await (await create(a().engineer.id, { title: "T", psa_ticket_id: "48233", company_name: "Northwind (front desk)" })).json();
    expect(body.companyName).toBe("Northwind (front desk)");
  });

  it("refuses a ticket the PSA says doesn't exist with 422, creating nothing", async () => {
    const before = await db.aiSession.count({ where: { accountId: a().accountId } });
    const response = await create(a().engineer.id, { title: "Ghost", psa_ticket_id: "99999" });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toEqual({ code: "invalid", message: "Ticket #99999 was not found in ConnectWise." });
    expect(await db.aiSession.count({ where: { accountId: a().accountId } })).toBe(before);
  });

  it("still starts the session when the PSA is down: the id kept as CW #<id>, the failure logged", async () => {
    sim().setTraps({ failNext: { count: 10, status: 500 } });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await create(a().engineer.id, { title: "PSA down", psa_ticket_id: "48251" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ psaTicketId: "48251", psaTicketRef: "CW #48251", companyName: null });
    const logged = warn.mock.calls.map(([line]) => String(line)).find((line) => line.includes("psa.session_ticket_lookup_failed"));
    expect(JSON.parse(logged!)).toMatchObject({ account_id: a().accountId, ticket_id: "48251", message: expect.stringContaining("ConnectWise answered 500") });
    warn.mockRestore();
  });

  it("keeps the id as #<id> for an account without a PSA connection", async () => {
    const body = await (await create(unconnected().engineer.id, { title: "No PSA", psa_ticket_id: "48233" })).json();
    expect(body).toMatchObject({ psaTicketRef: "#48233", companyName: null, psa_ticket: { id: "48233", ref: "#48233" } });
  });
});

describe("GET /api/v1/ai-sessions/[id] shows the linked ticket", () => {
  it("from the row, asking the PSA nothing", async () => {
    const linked = await (await create(a().engineer.id, { title: "Linked", psa_ticket_id: "48210" })).json();
    const plain = await (await create(a().engineer.id, { title: "Plain" })).json();
    const before = sim().requests.length;
    const read = async (id: string) => (await callRoute(sessionRoute.GET, "GET", { as: a().engineer.id, params: { id } })).json();
    expect((await read(linked.id)).psa_ticket).toEqual({ id: "48210", ref: "CW #48210" });
    expect((await read(plain.id)).psa_ticket).toBeNull();
    expect(sim().requests.length).toBe(before);
  });
});
