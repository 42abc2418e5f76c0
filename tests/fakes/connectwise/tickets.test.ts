import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callSim } from "./sim-client";
import { SIM_API_MEMBER, SIM_BOARDS, SIM_COMPANIES, SIM_MEMBERS, SIM_PRIORITY, SIM_STATUS, SIM_TICKETS, startConnectWiseSimulator, type ConnectWiseSimulator } from "./simulator";

let sim: ConnectWiseSimulator;
beforeAll(async () => {
  sim = await startConnectWiseSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const OUTLOOK = SIM_TICKETS.outlookPasswordPrompts;
const patch = (id: number, ops: unknown) => callSim(sim, "PATCH", `/service/tickets/${id}`, { body: ops });

describe("ticket reads", () => {
  it("answers the seeded ticket with expanded references and derived resources", async () => {
    const { body } = await callSim(sim, "GET", `/service/tickets/${SIM_TICKETS.azureAdConnectSync}`);
    expect(body).toMatchObject({
      id: 48251,
      summary: "Azure AD Connect sync failing after certificate renewal",
      board: { id: SIM_BOARDS.escalations.id, name: "Escalations" },
      status: { id: SIM_STATUS.escalations.escalated, name: "Escalated" },
      company: { id: SIM_COMPANIES.fabrikam.id, identifier: "FabrikamLogistics", name: "Fabrikam Logistics" },
      priority: { id: SIM_PRIORITY.high, name: "Priority 2 - High", sort: 2 },
      owner: { id: SIM_MEMBERS.ssenior.id, identifier: "ssenior", name: "Sam Senior" },
      resources: "ssenior, jjunior",
      closedFlag: false,
      _info: { dateEntered: expect.stringMatching(/Z$/), lastUpdated: expect.any(String) },
    });
    expect(body.board._info.board_href).toBe(`${sim.apiUrl}/service/boards/2`);
    expect((await callSim(sim, "GET", `/service/tickets/${SIM_TICKETS.kioskLocalAdmin}`)).body).toMatchObject({ summary: "Local admin locked out of a kiosk PC", company: { name: "Contoso Legal" }, owner: null, resources: "" });
  });

  it("answers 404 NotFound for a missing ticket", async () => {
    const response = await callSim(sim, "GET", "/service/tickets/1");
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: "NotFound", message: "Ticket 1 not found" });
  });

  it("filters by status name across boards, owner, and co-assignee", async () => {
    const resolved = (await callSim(sim, "GET", "/service/tickets", { query: { conditions: 'status/name = "Resolved"', fields: "id,board/id" } })).body;
    expect(new Set(resolved.map((ticket: { board: { id: number } }) => ticket.board.id))).toEqual(new Set([1, 2]));
    const mine = (await callSim(sim, "GET", "/service/tickets", { query: { conditions: '(owner/identifier = "jjunior" or resources contains "jjunior") and closedFlag = false', fields: "id" } })).body;
    expect(mine.map((ticket: { id: number }) => ticket.id)).toEqual([48202, 48204, 48211, 48216, 48221, 48231, 48233, 48251]);
  });
});

describe("PATCH status", () => {
  it("moves to a status on the same board, by whole reference or sub-path, leading slash allowed", async () => {
    const moved = await patch(OUTLOOK, [{ op: "replace", path: "status", value: { id: SIM_STATUS.helpDesk.waitingOnCustomer } }]);
    expect(moved.status).toBe(200);
    expect(moved.body.status).toMatchObject({ id: 103, name: "Waiting on Customer" });
    expect((await patch(OUTLOOK, [{ op: "replace", path: "/status/id", value: SIM_STATUS.helpDesk.escalated }])).body.status.id).toBe(104);
    // By name: resolved on the ticket's own board, although "In Progress" exists on both boards.
    expect((await patch(OUTLOOK, [{ op: "replace", path: "status", value: { name: "in progress" } }])).body.status.id).toBe(SIM_STATUS.helpDesk.inProgress);
  });

  it("closes the ticket on a closed status and reopens it on an open one", async () => {
    const closed = (await patch(OUTLOOK, [{ op: "replace", path: "status", value: { id: SIM_STATUS.helpDesk.resolved } }])).body;
    expect(closed).toMatchObject({ closedFlag: true, closedBy: SIM_API_MEMBER.identifier, closedDate: expect.stringMatching(/Z$/), _info: { updatedBy: SIM_API_MEMBER.identifier } });
    const reopened = (await patch(OUTLOOK, [{ op: "replace", path: "status", value: { id: SIM_STATUS.helpDesk.inProgress } }])).body;
    expect(reopened).toMatchObject({ closedFlag: false, closedDate: null, closedBy: null });
  });

  it("ignores a status from another board by default: 200 and unchanged", async () => {
    const response = await patch(OUTLOOK, [{ op: "replace", path: "status", value: { id: SIM_STATUS.escalations.escalated } }]);
    expect(response.status).toBe(200);
    expect(response.body.status.id).toBe(SIM_STATUS.helpDesk.inProgress);
    expect(sim.ticket(OUTLOOK)!.status).toMatchObject({ id: SIM_STATUS.helpDesk.inProgress });
  });

  it("rejects it with 400 InvalidObject when patchForeignStatus is reject", async () => {
    sim.setTraps({ patchForeignStatus: "reject" });
    const response = await patch(OUTLOOK, [
      { op: "replace", path: "summary", value: "should not stick" },
      { op: "replace", path: "status", value: { id: 999 } },
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: "InvalidObject",
      message: "ticket object is invalid",
      errors: [{ code: "NotFound", message: "Service Status 999 not found for Service Board 1", resource: "ticket", field: "status" }],
    });
    expect(sim.ticket(OUTLOOK)!.summary).toBe("Outlook prompts for a password every few minutes");
  });

  it("moving board without a status lands on the new board's default status", async () => {
    const moved = (await patch(OUTLOOK, [{ op: "replace", path: "board", value: { name: "Escalations" } }])).body;
    expect(moved).toMatchObject({ board: { id: 2 }, status: { id: SIM_STATUS.escalations.new } });
    const withStatus = (await patch(OUTLOOK, [{ op: "replace", path: "board", value: { id: 1 } }, { op: "replace", path: "status", value: { id: SIM_STATUS.helpDesk.escalated } }])).body;
    expect(withStatus).toMatchObject({ board: { id: 1 }, status: { id: SIM_STATUS.helpDesk.escalated } });
  });
});

describe("PATCH other fields", () => {
  it("replaces owner by id or identifier and clears it with null or remove", async () => {
    expect((await patch(OUTLOOK, [{ op: "replace", path: "owner", value: { identifier: "ssenior" } }])).body.owner).toMatchObject({ id: SIM_MEMBERS.ssenior.id, name: "Sam Senior" });
    expect((await patch(OUTLOOK, [{ op: "replace", path: "owner/id", value: SIM_MEMBERS.tlee.id }])).body.owner.identifier).toBe("tlee");
    expect((await patch(OUTLOOK, [{ op: "replace", path: "owner", value: null }])).body.owner).toBeNull();
    await patch(OUTLOOK, [{ op: "replace", path: "owner", value: { id: SIM_MEMBERS.jjunior.id } }]);
    expect((await patch(OUTLOOK, [{ op: "remove", path: "owner" }])).body.owner).toBeNull();
    const missing = await patch(OUTLOOK, [{ op: "replace", path: "owner", value: { identifier: "nobody" } }]);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ code: "NotFound", field: "owner" });
  });

  it("does nothing, with 200, for resources and other read-only or unknown paths", async () => {
    const before = sim.ticket(OUTLOOK)!;
    const response = await patch(OUTLOOK, [
      { op: "add", path: "resources", value: "ssenior" },
      { op: "replace", path: "closedFlag", value: true },
      { op: "replace", path: "id", value: 1 },
      { op: "replace", path: "_info", value: {} },
      { op: "replace", path: "Status", value: { id: SIM_STATUS.helpDesk.resolved } },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.resources).toBe("jjunior");
    expect(sim.ticket(OUTLOOK)).toEqual(before);
    expect(sim.scheduleEntries(OUTLOOK)).toHaveLength(1);
  });

  it("honours a resources PATCH through schedule entries when resourcesPatchIgnored is off", async () => {
    sim.setTraps({ resourcesPatchIgnored: false });
    expect((await patch(OUTLOOK, [{ op: "add", path: "resources", value: "ssenior" }])).body.resources).toBe("jjunior, ssenior");
    expect((await patch(OUTLOOK, [{ op: "replace", path: "resources", value: "tlee" }])).body.resources).toBe("tlee");
  });

  it("replaces summary, company and priority, and refuses a bad summary or body", async () => {
    const changed = (await patch(OUTLOOK, [
      { op: "replace", path: "summary", value: "Outlook keeps prompting" },
      { op: "replace", path: "company", value: { identifier: "ContosoLegal" } },
      { op: "replace", path: "priority/id", value: SIM_PRIORITY.critical },
    ])).body;
    expect(changed).toMatchObject({ summary: "Outlook keeps prompting", company: { id: SIM_COMPANIES.contoso.id }, priority: { id: SIM_PRIORITY.critical } });
    expect((await patch(OUTLOOK, [{ op: "replace", path: "summary", value: "x".repeat(101) }])).status).toBe(400);
    expect((await patch(OUTLOOK, { op: "replace", path: "summary", value: "not an array" })).status).toBe(400);
    expect((await patch(OUTLOOK, [{ op: "move", path: "summary", value: "x" }])).status).toBe(400);
    expect((await patch(1, [])).status).toBe(404);
  });
});

describe("POST ticket", () => {
  it("creates with defaults (first active board, its default status, default priority) and first notes", async () => {
    const response = await callSim(sim, "POST", "/service/tickets", {
      body: { summary: "New thing broke", company: { id: SIM_COMPANIES.northwind.id }, initialDescription: "Customer says:\n- it broke", initialInternalAnalysis: "Probably DNS" },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ summary: "New thing broke", board: { id: 1 }, status: { id: SIM_STATUS.helpDesk.new }, priority: { id: SIM_PRIORITY.normal }, owner: null, resources: "", closedFlag: false });
    expect(response.body).not.toHaveProperty("initialDescription");
    const notes = sim.notes(response.body.id);
    expect(notes.map((note) => [note.text, note.detailDescriptionFlag, note.internalAnalysisFlag])).toEqual([
      ["Customer says:\n- it broke", true, false],
      ["Probably DNS", false, true],
    ]);
    expect((await callSim(sim, "GET", `/service/tickets/${response.body.id}`)).body.id).toBe(response.body.id);
  });

  it("takes board, status, priority and owner by name or identifier", async () => {
    const response = await callSim(sim, "POST", "/service/tickets", {
      body: { summary: "Escalated from the start", company: { identifier: "FabrikamLogistics" }, board: { name: "Escalations" }, status: { name: "Escalated" }, priority: { name: "Priority 1 - Critical" }, owner: { identifier: "ssenior" } },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ board: { id: 2 }, status: { id: SIM_STATUS.escalations.escalated }, priority: { id: SIM_PRIORITY.critical }, owner: { identifier: "ssenior" } });
  });

  it("always refuses a status from another board on create", async () => {
    sim.setTraps({ patchForeignStatus: "ignore" });
    const response = await callSim(sim, "POST", "/service/tickets", { body: { summary: "x", company: { id: 250 }, board: { id: 1 }, status: { id: SIM_STATUS.escalations.new } } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: "InvalidObject", errors: [{ code: "NotFound", message: "Service Status 201 not found for Service Board 1", field: "status" }] });
  });

  it("requires summary and company, and refuses unknown references and an inactive board", async () => {
    const missing = await callSim(sim, "POST", "/service/tickets", { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual(["summary", "company"]);
    expect((await callSim(sim, "POST", "/service/tickets", { body: { summary: "x", company: { id: 1 } } })).body.errors[0]).toMatchObject({ code: "NotFound", field: "company" });
    expect((await callSim(sim, "POST", "/service/tickets", { body: { summary: "x", company: { id: 250 }, board: { id: 3 } } })).body.errors[0]).toMatchObject({ field: "board" });
    expect((await callSim(sim, "POST", "/service/tickets", { body: "x" })).status).toBe(400);
  });
});
