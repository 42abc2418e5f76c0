import { beforeEach, describe, expect, it, vi } from "vitest";
import { installConnectWiseSimulator } from "@/tests/helpers/psa";
import { SIM_BOARDS, SIM_COMPANIES, SIM_MEMBERS, SIM_STATUS, SIM_STATUSES, SIM_TICKET_SEEDS, SIM_TICKETS } from "@/tests/fakes/connectwise/simulator";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { createConnectWiseProvider } = await import("@/lib/psa/connectwise/connectwise-provider");
const { PsaError } = await import("@/lib/psa/psa-error");

const sim = installConnectWiseSimulator();
const provider = () => createConnectWiseProvider({ provider: "connectwise", siteUrl: sim().url, ...sim().credentials }, { retry: { baseDelayMs: 10 } });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as InstanceType<typeof PsaError>);
const statusName = (id: number) => SIM_STATUSES.find((status) => status.id === id)!.name;
const idsOf = (items: { id: string }[]) => items.map((item) => Number(item.id));
const newestFirst = (ids: number[]) => [...ids].sort((a, b) => b - a);
const allPages = async (query: Parameters<ReturnType<typeof provider>["searchTickets"]>[0]) => {
  const cw = provider();
  const ids: number[] = [];
  for (let page: number | null = 1; page !== null; ) {
    const result = await cw.searchTickets({ ...query, page, pageSize: 100 });
    ids.push(...idsOf(result.items));
    page = result.next_page;
  }
  return ids;
};

beforeEach(() => {
  sim().reset();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("getTicket", () => {
  it("maps ConnectWise's ticket onto PsaTicket", async () => {
    const ticket = await provider().getTicket(String(SIM_TICKETS.azureAdConnectSync));
    expect(ticket).toEqual({
      id: "48251",
      summary: "Azure AD Connect sync failing after certificate renewal",
      board: { id: "2", name: "Escalations" },
      status: { id: String(SIM_STATUS.escalations.escalated), name: "Escalated" },
      company: { id: "252", identifier: "FabrikamLogistics", name: "Fabrikam Logistics" },
      priority: { id: "12", name: "Priority 2 - High" },
      contact_name: "Luis Ortega",
      owner: { id: "177", identifier: "ssenior", name: "Sam Senior" },
      resources: ["ssenior", "jjunior"],
      closed: false,
      created_at: expect.stringMatching(/^2026-11-\d\dT\d\d:00:00Z$/),
      updated_at: expect.stringMatching(/Z$/),
    });
  });

  it("is a not_found PsaError with CW's words for a missing ticket, and for an id that isn't one", async () => {
    expect(await failure(provider().getTicket("1"))).toMatchObject({ failure: "not_found", message: "ConnectWise: Ticket 1 not found", psaStatus: 404 });
    expect(await failure(provider().getTicket("../system/members"))).toMatchObject({ failure: "not_found" });
    expect(sim().requests.map((request) => request.path)).toEqual(["/v4_6_release/apis/3.0/service/tickets/1"]);
  });
});

describe("searchTickets (G2)", () => {
  it("filters by board, newest first", async () => {
    const ids = await allPages({ boardId: String(SIM_BOARDS.escalations.id) });
    expect(ids).toEqual(newestFirst(SIM_TICKET_SEEDS.filter((seed) => seed.boardId === 2).map((seed) => seed.id)));
  });

  it("matches a status by name on every board", async () => {
    const ids = await allPages({ statusName: "Resolved" });
    const expected = SIM_TICKET_SEEDS.filter((seed) => statusName(seed.statusId) === "Resolved");
    expect(new Set(expected.map((seed) => seed.boardId))).toEqual(new Set([1, 2]));
    expect(ids).toEqual(newestFirst(expected.map((seed) => seed.id)));
  });

  it("filters by company", async () => {
    const ids = await allPages({ companyId: String(SIM_COMPANIES.northwind.id) });
    expect(ids).toEqual(newestFirst(SIM_TICKET_SEEDS.filter((seed) => seed.company === "northwind").map((seed) => seed.id)));
  });

  it("finds unassigned tickets: no owner and no co-assignee", async () => {
    const ids = await allPages({ assignment: { kind: "unassigned" } });
    const expected = SIM_TICKET_SEEDS.filter((seed) => seed.owner === null && seed.resources.length === 0).map((seed) => seed.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(ids).toEqual(newestFirst(expected));
  });

  it("finds a member's tickets as owner or co-assignee", async () => {
    const jamie = SIM_MEMBERS.jjunior;
    const ids = await allPages({ assignment: { kind: "member", member: { id: String(jamie.id), identifier: jamie.identifier } } });
    const expected = SIM_TICKET_SEEDS.filter((seed) => seed.owner === "jjunior" || seed.resources.includes("jjunior")).map((seed) => seed.id);
    expect(expected.some((id) => SIM_TICKET_SEEDS.find((seed) => seed.id === id)!.owner !== "jjunior")).toBe(true);
    expect(ids).toEqual(newestFirst(expected));
  });

  it("searches the summary as literal text, and the ticket number when the text is one", async () => {
    expect(await allPages({ text: "outlook" })).toEqual(newestFirst(SIM_TICKET_SEEDS.filter((seed) => /outlook/i.test(seed.summary)).map((seed) => seed.id)));
    expect(await allPages({ text: "'Processing changes'" })).toEqual([48214]);
    expect(await allPages({ text: "48233" })).toEqual([48233]);
    expect(await allPages({ text: "  Outlook\n prompts\tfor " })).toEqual([48233]);
  });

  it.each(['" or 1=1', "') or ('1'='1", '" or summary like "%', "%", "_", "*", "[", "\\", `it's "odd"`, "100%", "C:\\temp\\*.pst"])(
    "returns only literal matches for %s, without an error",
    async (text) => {
      await expect(provider().searchTickets({ text })).resolves.toEqual({ items: [], next_page: null });
    },
  );

  it("matches wildcards, brackets and backslashes in the text literally", async () => {
    const cw = provider();
    const odd = await cw.createTicket({ summary: String.raw`Copy C:\temp\*.pst [50%] to O'Brien's "share"`, board_id: "1", company_id: "257" });
    const decoy = await cw.createTicket({ summary: "Copy C:/temp/x.pst 50 to OBriens share", board_id: "1", company_id: "257" });
    for (const text of [String.raw`C:\temp\*.pst`, "[50%]", "O'Brien's", '"share"', String.raw`*.pst [50%] to O'Brien's "share"`]) {
      expect(idsOf((await cw.searchTickets({ text })).items), text).toEqual([Number(odd.id)]);
    }
    expect(idsOf((await cw.searchTickets({ text: "C:%temp" })).items)).toEqual([]);
    expect(idsOf((await cw.searchTickets({ text: "Copy C:" })).items)).toEqual([Number(decoy.id), Number(odd.id)]);
  });

  it("combines filters", async () => {
    const ids = await allPages({ boardId: "1", statusName: "In Progress", assignment: { kind: "member", member: { id: "176", identifier: "jjunior" } }, text: "o" });
    const expected = SIM_TICKET_SEEDS.filter(
      (seed) => seed.boardId === 1 && seed.statusId === SIM_STATUS.helpDesk.inProgress && (seed.owner === "jjunior" || seed.resources.includes("jjunior")) && /o/i.test(seed.summary),
    );
    expect(ids).toEqual(newestFirst(expected.map((seed) => seed.id)));
  });

  it("pages with next_page from the Link header until the last page", async () => {
    const cw = provider();
    const seen: number[] = [];
    const pages: (number | null)[] = [];
    for (let page: number | null = 1; page !== null; ) {
      const result = await cw.searchTickets({ page, pageSize: 10 });
      seen.push(...idsOf(result.items));
      pages.push(result.next_page);
      page = result.next_page;
    }
    const total = SIM_TICKET_SEEDS.length;
    expect(pages).toEqual([...Array.from({ length: Math.ceil(total / 10) - 1 }, (_, index) => index + 2), null]);
    expect(seen).toEqual(newestFirst(SIM_TICKET_SEEDS.map((seed) => seed.id)));
  });

  it("sends a query that would make the URL too long through POST /service/tickets/search", async () => {
    const text = `${"x".repeat(1_990)} outlook`;
    await expect(provider().searchTickets({ text, boardId: "1" })).resolves.toEqual({ items: [], next_page: null });
    const [request] = sim().requests;
    expect(request).toMatchObject({ method: "POST", path: "/v4_6_release/apis/3.0/service/tickets/search" });
    expect((request!.body as { conditions: string }).conditions).toContain("board/id = 1");
  });

  it("refuses an unusable board id as invalid input, sending nothing", async () => {
    expect(await failure(provider().searchTickets({ boardId: "1 or 1=1" }))).toMatchObject({ failure: "invalid" });
    expect(sim().requests).toEqual([]);
  });
});

describe("createTicket (G6)", () => {
  it("creates the ticket (201) with its first Discussion note", async () => {
    const ticket = await provider().createTicket({ summary: "Printer offline", board_id: "1", company_id: "251", priority_id: "13", initial_description: "The lobby printer shows offline." });
    expect(ticket).toMatchObject({ summary: "Printer offline", board: { id: "1" }, status: { id: "101", name: "New" }, company: { name: "Contoso Legal" }, priority: { id: "13" } });
    expect(sim().ticket(Number(ticket.id))).toMatchObject({ summary: "Printer offline" });
    expect(sim().notes(Number(ticket.id))).toMatchObject([{ text: "The lobby printer shows offline.", detailDescriptionFlag: true }]);
  });

  it("is an invalid PsaError with CW's message for a status of another board", async () => {
    const error = await failure(provider().createTicket({ summary: "x", board_id: "1", company_id: "251", status_id: String(SIM_STATUS.escalations.escalated) }));
    expect(error).toMatchObject({ failure: "invalid", psaStatus: 400, message: "ConnectWise refused the request: ticket object is invalid: Service Status 202 not found for Service Board 1" });
  });
});

describe("reference lists (G5)", () => {
  it("lists active boards only", async () => {
    expect(await provider().listBoards()).toEqual([
      { id: "2", name: "Escalations", inactive: false },
      { id: "1", name: "Help Desk", inactive: false },
    ]);
  });

  it("lists a board's active statuses in the board's order", async () => {
    const statuses = await provider().listBoardStatuses("1");
    expect(statuses.map((status) => status.name)).toEqual(["New", "In Progress", "Waiting on Customer", "Escalated", "Resolved", ">Closed"]);
    expect(statuses[0]).toEqual({ id: "101", name: "New", board_id: "1", closed: false, inactive: false, is_default: true, sort_order: 0 });
    expect(statuses.find((status) => status.name === "Resolved")).toMatchObject({ id: "105", closed: true });
    expect(await failure(provider().listBoardStatuses("99"))).toMatchObject({ failure: "not_found" });
  });

  it("lists priorities, active members and companies (searched literally)", async () => {
    expect((await provider().listPriorities()).map((priority) => priority.id)).toEqual(["11", "12", "13", "14"]);
    const members = await provider().listMembers();
    expect(members.map((member) => member.identifier)).not.toContain("mgarcia");
    expect(members.find((member) => member.identifier === "jjunior")).toEqual({ id: "176", identifier: "jjunior", name: "Jamie Junior", email: "junior@demo-msp.test", inactive: false });
    expect((await provider().listCompanies()).length).toBe(Object.keys(SIM_COMPANIES).length);
    expect(await provider().listCompanies("O'Brien &")).toEqual([{ id: "257", identifier: "OBrienSons", name: "O'Brien & Sons Plumbing" }]);
    expect(await provider().listCompanies('" or 1=1')).toEqual([]);
  });
});

describe("setTicketStatus (G3)", () => {
  const OUTLOOK = String(SIM_TICKETS.outlookPasswordPrompts);

  it("moves the ticket and resolves with the re-read ticket", async () => {
    const ticket = await provider().setTicketStatus(OUTLOOK, String(SIM_STATUS.helpDesk.resolved));
    expect(ticket).toMatchObject({ id: OUTLOOK, status: { id: "105", name: "Resolved" }, closed: true });
    expect(sim().ticket(Number(OUTLOOK))).toMatchObject({ status: { id: 105 }, closedFlag: true });
    const methods = sim().requests.slice(0, 2).map((request) => `${request.method} ${request.path}`);
    expect(methods).toEqual([`PATCH /v4_6_release/apis/3.0/service/tickets/${OUTLOOK}`, `GET /v4_6_release/apis/3.0/service/tickets/${OUTLOOK}`]);
    expect(sim().requests[0]!.body).toEqual([{ op: "replace", path: "status", value: { id: 105 } }]);
  });

  it("turns a silently ignored foreign status into a rejected PsaError people can read", async () => {
    const error = await failure(provider().setTicketStatus(OUTLOOK, String(SIM_STATUS.escalations.escalated)));
    expect(error).toBeInstanceOf(PsaError);
    expect(error).toMatchObject({ failure: "rejected", code: "upstream" });
    expect(error!.message).toBe("ConnectWise kept the ticket in 'In Progress': status 'Escalated' (202, board 'Escalations') is not on this ticket's board 'Help Desk'. Pick a status of that board.");
    expect(sim().ticket(Number(OUTLOOK))).toMatchObject({ status: { id: SIM_STATUS.helpDesk.inProgress } });
  });

  it("says the same when ConnectWise refuses the foreign status with a 400", async () => {
    sim().setTraps({ patchForeignStatus: "reject" });
    const error = await failure(provider().setTicketStatus(String(SIM_TICKETS.azureAdConnectSync), String(SIM_STATUS.helpDesk.escalated)));
    expect(error).toMatchObject({ failure: "rejected" });
    expect(error!.message).toBe("ConnectWise kept the ticket in 'Escalated': status 'Escalated' (104, board 'Help Desk') is not on this ticket's board 'Escalations'. Pick a status of that board.");
  });

  it("names an unknown status by its id", async () => {
    const error = await failure(provider().setTicketStatus(OUTLOOK, "999"));
    expect(error!.message).toBe("ConnectWise kept the ticket in 'In Progress': status 999 is not on this ticket's board 'Help Desk'. Pick a status of that board.");
  });
});

describe("notes (G7)", () => {
  const OUTLOOK = SIM_TICKETS.outlookPasswordPrompts;

  it("lists notes with their kinds", async () => {
    const notes = await provider().listNotes(String(OUTLOOK));
    expect(notes.map((note) => note.kinds)).toEqual([["customer_detail"], ["internal_analysis"]]);
    expect(notes[0]).toMatchObject({ ticket_id: String(OUTLOOK), text: expect.stringContaining("Outlook on the front desk PCs"), created_by: "aadmin" });
  });

  it.each([
    ["internal_analysis", { internalAnalysisFlag: true, detailDescriptionFlag: false, resolutionFlag: false, processNotifications: false }],
    ["customer_detail", { internalAnalysisFlag: false, detailDescriptionFlag: true, resolutionFlag: false, processNotifications: true }],
    ["resolution", { internalAnalysisFlag: false, detailDescriptionFlag: false, resolutionFlag: true, processNotifications: true }],
  ] as const)("adds a %s note with the right flags", async (kind, flags) => {
    const text = "## Problem\nOutlook prompts.\n\n## Fix\nCleared stale credentials.";
    const note = await provider().addNote(String(OUTLOOK), { kind, text });
    expect(note).toMatchObject({ ticket_id: String(OUTLOOK), text, kinds: [kind], created_by: "flowpilot-api" });
    const stored = sim().notes(OUTLOOK).find((candidate) => String(candidate.id) === note.id);
    expect(stored).toMatchObject({ text, ...flags });
  });
});
