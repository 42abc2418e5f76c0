import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callSim } from "./sim-client";
import { SIM_BOARDS, SIM_MEMBERS, SIM_STATUS, SIM_TICKET_SEEDS, startConnectWiseSimulator, type ConnectWiseSimulator } from "./simulator";

let sim: ConnectWiseSimulator;
beforeAll(async () => {
  sim = await startConnectWiseSimulator();
});
afterAll(() => sim.close());

/** `{ next: 3, first: 1, … }` from a Link header. */
function links(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const match of (header ?? "").matchAll(/<([^>]+)>; rel="(\w+)"/g)) out[match[2]!] = Number(new URL(match[1]!).searchParams.get("page") ?? new URL(match[1]!).searchParams.get("pageId"));
  return out;
}

const helpDeskIds = SIM_TICKET_SEEDS.filter((ticket) => ticket.boardId === SIM_BOARDS.helpDesk.id).map((ticket) => ticket.id);

describe("navigable paging", () => {
  it("answers bare arrays of 25 by default, ordered by id, with first/next/last links", async () => {
    const first = await callSim(sim, "GET", "/service/tickets");
    expect(Array.isArray(first.body)).toBe(true);
    expect(first.body).toHaveLength(25);
    expect(first.body.map((ticket: { id: number }) => ticket.id)).toEqual([...SIM_TICKET_SEEDS].map((ticket) => ticket.id).sort().slice(0, 25));
    expect(links(first.headers.get("link"))).toEqual({ next: 2, first: 1, last: 2 });
  });

  it("gives prev and omits next on the last page, [] past the end", async () => {
    const last = await callSim(sim, "GET", "/service/tickets", { query: { page: 2 } });
    expect(last.body).toHaveLength(SIM_TICKET_SEEDS.length - 25);
    expect(links(last.headers.get("link"))).toEqual({ first: 1, prev: 1, last: 2 });
    const beyond = await callSim(sim, "GET", "/service/tickets", { query: { page: 9 } });
    expect(beyond.status).toBe(200);
    expect(beyond.body).toEqual([]);
  });

  it("keeps conditions in the links, and following next walks every row once", async () => {
    const seen: number[] = [];
    let url: string | undefined = `${sim.apiUrl}/service/tickets?conditions=${encodeURIComponent("board/id = 1")}&pageSize=7`;
    while (url) {
      const page = await callSim(sim, "GET", url);
      seen.push(...page.body.map((ticket: { id: number }) => ticket.id));
      url = /<([^>]+)>; rel="next"/.exec(page.headers.get("link") ?? "")?.[1];
    }
    expect(seen).toEqual([...helpDeskIds].sort());
  });

  it("caps pageSize at 1000", async () => {
    const response = await callSim(sim, "GET", "/service/tickets", { query: { pageSize: 5000 } });
    expect(response.body).toHaveLength(SIM_TICKET_SEEDS.length);
    expect(response.headers.get("link")).toContain("pageSize=1000");
  });

  it("counts with /count under the same conditions", async () => {
    expect((await callSim(sim, "GET", "/service/tickets/count", { query: { conditions: "board/id = 1" } })).body).toEqual({ count: helpDeskIds.length });
    expect((await callSim(sim, "GET", "/service/tickets/count", { query: { conditions: "owner/id = null and closedFlag = false" } })).body.count).toBe(SIM_TICKET_SEEDS.filter((ticket) => !ticket.owner && ![SIM_STATUS.helpDesk.resolved, SIM_STATUS.helpDesk.closed, SIM_STATUS.escalations.resolved, SIM_STATUS.escalations.closed, SIM_STATUS.legacy.closed].includes(ticket.statusId as never)).length);
  });
});

describe("forward-only paging", () => {
  it("pages by id after pageId with a next link carrying the last id, and refuses orderBy", async () => {
    const headers = { "pagination-type": "forward-only" };
    const first = await callSim(sim, "GET", "/service/tickets", { query: { pageSize: 30 }, headers });
    expect(first.body).toHaveLength(30);
    const lastId = first.body.at(-1).id;
    expect(links(first.headers.get("link"))).toEqual({ next: lastId });
    const second = await callSim(sim, "GET", /<([^>]+)>/.exec(first.headers.get("link")!)![1]!, { headers });
    expect(second.body[0].id).toBeGreaterThan(lastId);
    expect(second.body).toHaveLength(SIM_TICKET_SEEDS.length - 30);
    expect(second.headers.get("link")).toBeNull();
    const refused = await callSim(sim, "GET", "/service/tickets", { query: { orderBy: "summary asc" }, headers });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/forward-only/);
  });
});

describe("search, orderBy and fields", () => {
  it("POST /service/tickets/search takes conditions and orderBy from the body, paging from the query", async () => {
    const response = await callSim(sim, "POST", "/service/tickets/search", { query: { pageSize: 3 }, body: { conditions: `status/name = "Escalated" and owner/identifier = 'ssenior'`, orderBy: "id desc" } });
    expect(response.status).toBe(200);
    expect(response.body.map((ticket: { id: number }) => ticket.id)).toEqual([48251, 48240, 48221]);
    expect(links(response.headers.get("link")).next).toBe(2);
    expect((await callSim(sim, "POST", "/service/tickets/search", { body: { conditions: "nope = 1" } })).body.code).toBe("ApiFindCondition");
  });

  it("orders by nested paths, and refuses an unknown one", async () => {
    const response = await callSim(sim, "GET", "/service/tickets", { query: { orderBy: "company/name asc, id desc", pageSize: 3, conditions: "board/id = 2" } });
    expect(response.body.map((ticket: { company: { name: string } }) => ticket.company.name)).toEqual(["Adventure Works Cycling", "Contoso Legal", "Fabrikam Logistics"]);
    expect((await callSim(sim, "GET", "/service/tickets", { query: { orderBy: "colour asc" } })).status).toBe(400);
  });

  it("projects fields, leaving _info out unless asked, and refuses unknown fields", async () => {
    const response = await callSim(sim, "GET", "/service/tickets/48233", { query: { fields: "id,summary,status/name,owner/identifier" } });
    expect(response.body).toEqual({ id: 48233, summary: "Outlook prompts for a password every few minutes", status: { name: "In Progress" }, owner: { identifier: "jjunior" } });
    const withInfo = await callSim(sim, "GET", "/service/tickets", { query: { fields: "id,_info", pageSize: 1 } });
    expect(Object.keys(withInfo.body[0])).toEqual(["id", "_info"]);
    expect((await callSim(sim, "GET", "/service/tickets", { query: { fields: "id,dateEntered" } })).status).toBe(400);
  });
});

describe("reference lists", () => {
  it("lists boards, including the inactive one", async () => {
    const boards = (await callSim(sim, "GET", "/service/boards")).body;
    expect(boards.map((board: { id: number; name: string; inactiveFlag: boolean }) => [board.id, board.name, board.inactiveFlag])).toEqual([
      [1, "Help Desk", false],
      [2, "Escalations", false],
      [3, "Legacy Projects", true],
    ]);
    expect((await callSim(sim, "GET", "/service/boards", { query: { conditions: "inactiveFlag = false" } })).body).toHaveLength(2);
    expect((await callSim(sim, "GET", "/service/boards/2")).body.name).toBe("Escalations");
    expect((await callSim(sim, "GET", "/service/boards/99")).status).toBe(404);
  });

  it("lists a board's statuses in the BoardStatus shape; names repeat across boards with other ids", async () => {
    const help = (await callSim(sim, "GET", "/service/boards/1/statuses", { query: { conditions: "inactive = false", orderBy: "sortOrder asc" } })).body;
    expect(help.map((status: { id: number }) => status.id)).toEqual([101, 102, 103, 104, 105, 106]);
    expect(help[0]).toMatchObject({ id: 101, name: "New", board: { id: 1, name: "Help Desk" }, sortOrder: 0, inactive: false, closedStatus: false, defaultFlag: true });
    expect(help.find((status: { id: number }) => status.id === SIM_STATUS.helpDesk.resolved)).toMatchObject({ name: "Resolved", closedStatus: true });
    const escalations = (await callSim(sim, "GET", "/service/boards/2/statuses", { query: { conditions: 'name = "Resolved"' } })).body;
    expect(escalations.map((status: { id: number }) => status.id)).toEqual([SIM_STATUS.escalations.resolved]);
    expect((await callSim(sim, "GET", "/service/boards/1/statuses")).body.find((status: { id: number }) => status.id === 107)).toMatchObject({ inactive: true });
    expect((await callSim(sim, "GET", "/service/boards/9/statuses")).status).toBe(404);
    expect((await callSim(sim, "GET", "/service/statuses")).body).toEqual([]);
  });

  it("lists members with the demo users' emails, filterable", async () => {
    const members = (await callSim(sim, "GET", "/system/members", { query: { conditions: "inactiveFlag = false" } })).body;
    expect(members.find((member: { identifier: string }) => member.identifier === "jjunior")).toMatchObject({ id: SIM_MEMBERS.jjunior.id, firstName: "Jamie", lastName: "Junior", primaryEmail: "junior@demo-msp.test" });
    expect(members.map((member: { identifier: string }) => member.identifier)).not.toContain("mgarcia");
    expect((await callSim(sim, "GET", "/system/members", { query: { conditions: 'primaryEmail = "SENIOR@demo-msp.test"' } })).body.map((member: { identifier: string }) => member.identifier)).toEqual(["ssenior"]);
  });

  it("lists companies and priorities with search conditions", async () => {
    const found = (await callSim(sim, "GET", "/company/companies", { query: { conditions: `name like "%o'brien%"` } })).body;
    expect(found.map((company: { name: string }) => company.name)).toEqual(["O'Brien & Sons Plumbing"]);
    const priorities = (await callSim(sim, "GET", "/service/priorities", { query: { orderBy: "sortOrder desc" } })).body;
    expect(priorities[0]).toMatchObject({ name: "Priority 4 - Low", sortOrder: 4 });
    expect(priorities.filter((priority: { defaultFlag: boolean }) => priority.defaultFlag)).toHaveLength(1);
  });
});
