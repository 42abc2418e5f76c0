import { beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";
import { createSessionFor, type TestUser } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const ticketRoute = await import("@/app/api/v1/psa/tickets/[id]/route");

const { sim, a, b, unconnected } = installPsaTenants({ name: "Detail", withB: true });
const linked = {} as Record<"active" | "escalated" | "otherTenant", string>;
beforeAll(async () => {
  const link = async (user: TestUser, title: string, status: "active" | "escalated") => {
    const session = await createSessionFor(user, { title, status });
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: OUTLOOK, psaTicketRef: `CW #${OUTLOOK}` } });
    return session.id;
  };
  linked.active = await link(a().engineer, "Outlook prompts (active)", "active");
  linked.escalated = await link(a().engineer, "Outlook prompts (escalated)", "escalated");
  linked.otherTenant = await link(b().engineer, "B's own 48233", "escalated");
});

const OUTLOOK = "48233";
const read = (as: string, id = OUTLOOK) => callRoute(ticketRoute.GET, "GET", { as, params: { id } });

describe("GET /api/v1/psa/tickets/[id]", () => {
  it("answers the PSA's ticket with the linked sessions the viewer may read", async () => {
    const response = await read(a().engineer.id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.ticket).toEqual({
      id: OUTLOOK,
      summary: "Outlook prompts for a password every few minutes",
      board: { id: "1", name: "Help Desk" },
      status: { id: "102", name: "In Progress" },
      company: { id: "250", identifier: "NorthwindDental", name: "Northwind Dental" },
      priority: { id: "12", name: "Priority 2 - High" },
      contact_name: expect.any(String),
      owner: { id: "176", identifier: "jjunior", name: "Jamie Junior" },
      resources: ["jjunior"],
      closed: false,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(body.linked_sessions.map((session: { id: string }) => session.id).sort()).toEqual([linked.active, linked.escalated].sort());
    expect(body.linked_sessions).toContainEqual({ id: linked.escalated, title: "Outlook prompts (escalated)", status: "escalated" });
  });

  it("shows a viewer only the linked sessions open to the whole account, never another tenant's", async () => {
    const body = await (await read(a().viewer.id)).json();
    expect(body.linked_sessions).toEqual([{ id: linked.escalated, title: "Outlook prompts (escalated)", status: "escalated" }]);
  });

  it("answers 404 for a ticket the PSA doesn't have", async () => {
    const response = await read(a().viewer.id, "99999");
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });

  it("recovers from a 429 with Retry-After and from 500s", async () => {
    sim().setTraps({ rateLimit: { count: 1, retryAfterSeconds: 1 } });
    expect((await read(a().viewer.id)).status).toBe(200);
    sim().setTraps({ failNext: { count: 2, status: 500 } });
    expect((await read(a().viewer.id)).status).toBe(200);
    expect(sim().requests.filter((request) => request.path.endsWith(`/service/tickets/${OUTLOOK}`)).length).toBe(5);
  });

  it("answers 502 with the PSA's message when it keeps failing", async () => {
    sim().setTraps({ failNext: { count: 5, status: 500 } });
    const response = await read(a().viewer.id);
    expect(response.status).toBe(502);
    expect((await response.json()).error.message).toContain("ConnectWise answered 500");
  });

  it("refuses an id that is not a number with 422 before asking the PSA", async () => {
    expect((await read(a().viewer.id, "48233 or 1=1")).status).toBe(422);
    expect(sim().requests).toEqual([]);
  });

  it("answers 409 NOT_CONNECTED without a connection and 401 signed out", async () => {
    expect((await read(unconnected().viewer.id)).status).toBe(409);
    expect((await callRoute(ticketRoute.GET, "GET", { params: { id: OUTLOOK } })).status).toBe(401);
  });
});
