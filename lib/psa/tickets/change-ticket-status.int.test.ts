import { describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";
import { createSessionFor, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { changePsaTicketStatus } = await import("@/lib/psa/tickets/change-ticket-status");
const statusRoute = await import("@/app/api/v1/psa/tickets/[id]/status/route");

const { sim, a, b, unconnected } = installPsaTenants({ name: "Status", withB: true });

const KIOSK = "48210"; // Help Desk, New (101)

/** A session of `tenant`'s engineer linked to `ticketId`. */
async function linkedSession(tenant: TestTenant, ticketId: string) {
  const session = await createSessionFor(tenant.engineer, { title: `Linked to ${ticketId}` });
  await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: ticketId, psaTicketRef: `CW #${ticketId}` } });
  return session.id;
}

const psaSteps = (sessionId: string) =>
  db.aiSessionStep.findMany({ where: { sessionId, kind: "system_event", content: { startsWith: "PSA" } }, orderBy: { createdAt: "asc" } });

const patchStatus = (as: string, id: string, body: unknown) => callRoute(statusRoute.PATCH, "PATCH", { as, params: { id }, body });

describe("G3 status change, verified", () => {
  it("moves the ticket, answers the verified status and its id, and records it on linked sessions", async () => {
    const mine = await linkedSession(a(), KIOSK);
    const theirs = await linkedSession(b(), KIOSK);
    const response = await patchStatus(a().engineer.id, KIOSK, { status_id: "102" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ new_status: "In Progress", new_status_id: "102", ticket: { id: KIOSK, status: { id: "102", name: "In Progress" } } });
    expect(sim().ticket(Number(KIOSK))).toMatchObject({ status: { id: 102 } });

    const [step] = await psaSteps(mine);
    expect(step).toMatchObject({ userId: a().engineer.id, content: expect.stringContaining("In Progress") });
    expect(step!.metadata).toMatchObject({ type: "psa_write", action: "status", ticket_id: KIOSK, ok: true });
    // Tenant B's session linked to its own ticket 48210 hears nothing of A's write.
    expect(await psaSteps(theirs)).toEqual([]);
  });

  it("turns the silent foreign-status trap into a 502 a person understands, recorded on the timeline", async () => {
    const linked = await linkedSession(a(), KIOSK);
    // 202 is "Escalated" on the Escalations board; ConnectWise answers 200 and keeps "New".
    const response = await patchStatus(a().engineer.id, KIOSK, { status_id: "202" });
    expect(response.status).toBe(502);
    const { error } = await response.json();
    expect(error.code).toBe("upstream");
    expect(error.message).toMatch(/ConnectWise kept the ticket in 'New'/);
    expect(error.message).toMatch(/'Escalated'.*not on this ticket's board 'Help Desk'/);
    expect(sim().ticket(Number(KIOSK))).toMatchObject({ status: { id: 101 } });
    // The PATCH went out and answered 200: only the re-read shows the rejection.
    expect(sim().requests.some((request) => request.method === "PATCH" && request.path.endsWith(`/service/tickets/${KIOSK}`))).toBe(true);

    const [step] = await psaSteps(linked);
    expect(step!.content).toMatch(/^PSA failed · ticket #48210: ConnectWise kept the ticket in 'New'/);
    expect(step!.metadata).toMatchObject({ action: "status", ok: false });
  });

  it("gives the same readable 502 when the PSA refuses the foreign status outright", async () => {
    sim().setTraps({ patchForeignStatus: "reject" });
    const error = await changePsaTicketStatus(viewerOf(a().engineer), KIOSK, "202").catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "upstream", failure: "rejected", message: expect.stringContaining("not on this ticket's board") });
  });

  it("answers 404 for a ticket the PSA doesn't have", async () => {
    const response = await patchStatus(a().engineer.id, "99999", { status_id: "102" });
    expect(response.status).toBe(404);
  });

  it("refuses viewers (403) and bad input (422) without a request to the PSA", async () => {
    for (const [as, body, status] of [
      [a().viewer.id, { status_id: "102" }, 403],
      [a().engineer.id, {}, 422],
      [a().engineer.id, { status_id: "In Progress" }, 422],
      [a().engineer.id, { status_id: 102 }, 422],
    ] as const) {
      const response = await patchStatus(as, KIOSK, body);
      expect(response.status).toBe(status);
    }
    expect((await patchStatus(a().engineer.id, "abc", { status_id: "102" })).status).toBe(422);
    expect(sim().requests).toEqual([]);
    expect(sim().ticket(Number(KIOSK))).toMatchObject({ status: { id: 101 } });
  });

  it("answers 409 NOT_CONNECTED for an account without a PSA connection", async () => {
    const response = await patchStatus(unconnected().engineer.id, KIOSK, { status_id: "102" });
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("conflict");
  });
});
