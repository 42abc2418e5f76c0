import { describe, expect, it, vi } from "vitest";
import { installPsaTenants } from "@/tests/helpers/psa";
import { viewerOf } from "@/tests/helpers/tenant";
import { SIM_TICKETS } from "@/tests/fakes/connectwise/simulator";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { NOT_CONNECTED } = await import("@/lib/psa/account-provider");
const { loadTicketLists, loadTicketResults } = await import("@/app/(app)/tickets/load-ticket-page");
const { loadTicketPanel } = await import("@/app/(app)/tickets/load-ticket-panel");
const { parseTicketSearch } = await import("@/app/(app)/tickets/parse-ticket-search");

const { sim, a, unconnected } = installPsaTenants({ name: "Tickets page" });

describe("parseTicketSearch", () => {
  it("keeps the valid filters, drops a bad one with the reason, and reads the open ticket", () => {
    const parsed = parseTicketSearch({ board_id: "1", status_name: "New", assigned: "everyone", q: ["printer", "ignored"], page: "2", ticket: "48233" });
    expect(parsed.search).toEqual({ board_id: "1", status_name: "New", q: "printer", page: 2 });
    expect(parsed.filters).toEqual({ board_id: "1", status_name: "New", q: "printer", page: 2, ticket: "48233" });
    expect(parsed.ticketId).toBe("48233");
    expect(parsed.ignored).toEqual(['assigned is "all", "mine", "unassigned" or a member id.']);
  });

  it("treats empty parameters as absent and a non-numeric ticket as no ticket", () => {
    const parsed = parseTicketSearch({ board_id: "", assigned: "all", ticket: "x1" });
    expect(parsed.search).toEqual({ assigned: "all" });
    expect(parsed.filters).toEqual({});
    expect(parsed.ticketId).toBeNull();
    expect(parsed.ignored).toEqual(["The ticket in the link is not a ticket number."]);
  });
});

describe("the page's lists", () => {
  it("offers status names across boards without a board, and the board's own active statuses with one", async () => {
    const across = await loadTicketLists(viewerOf(a().engineer), {}, true);
    const names = across.statuses.items.map((status) => status.name);
    expect(names.filter((name) => name === "Escalated")).toHaveLength(1);
    expect(names).toEqual(expect.arrayContaining(["New", "In Progress", "Escalated", "Resolved"]));
    expect(across.boards.items.map((board) => board.name)).toEqual(expect.arrayContaining(["Help Desk", "Escalations"]));
    expect(across.members.items.some((member) => member.identifier === "jjunior")).toBe(true);
    expect(across.companies.items.some((company) => company.name === "Northwind Dental")).toBe(true);
    expect(across.priorities.items.length).toBeGreaterThan(0);

    const helpDesk = await loadTicketLists(viewerOf(a().engineer), { board_id: "1" }, true);
    expect(helpDesk.statuses.items.map((status) => status.name)).toEqual(["New", "In Progress", "Waiting on Customer", "Escalated", "Resolved", ">Closed"]);
  });

  it("doesn't read priorities for a viewer, who can't create tickets", async () => {
    const lists = await loadTicketLists(viewerOf(a().viewer), {}, false);
    expect(lists.priorities).toEqual({ items: [] });
    expect(lists.boards.items.length).toBeGreaterThan(0);
  });

  it("G5: a list the key may not read is empty with a hint, and the rest still loads", async () => {
    sim().setTraps({ forbiddenLists: ["members", "boards"] });
    const lists = await loadTicketLists(viewerOf(a().engineer), {}, true);
    expect(lists.members.items).toEqual([]);
    expect(lists.members.warning).toMatch(/may not read members/);
    expect(lists.boards.items).toEqual([]);
    expect(lists.boards.warning).toMatch(/may not read boards/);
    expect(lists.companies.items.length).toBeGreaterThan(0);
    // The search still answers, so the page can offer the boards seen on its tickets.
    const results = await loadTicketResults(viewerOf(a().engineer), { board_id: "1" });
    expect(results.error).toBeUndefined();
    expect(results.items.every((ticket) => ticket.board?.name === "Help Desk")).toBe(true);
  });
});

describe("the page's results", () => {
  it("searches with the filters and says when there is a next page", async () => {
    const results = await loadTicketResults(viewerOf(a().engineer), { q: "Outlook prompts" });
    expect(results.items.map((ticket) => ticket.id)).toEqual([String(SIM_TICKETS.outlookPasswordPrompts)]);
    expect(results.next_page).toBeNull();
    const all = await loadTicketResults(viewerOf(a().engineer), {});
    expect(all.items).toHaveLength(25);
    expect(all.next_page).toBe(2);
  });

  it("turns a failed search into its message, not a failed page", async () => {
    sim().setTraps({ failNext: { count: 3, status: 500 } });
    const results = await loadTicketResults(viewerOf(a().engineer), {});
    expect(results).toMatchObject({ items: [], next_page: null });
    expect(results.error).toMatch(/ConnectWise/);
  });

  it("says how to connect when the account has no PSA connection", async () => {
    expect(await loadTicketResults(viewerOf(unconnected().engineer), {})).toEqual({ items: [], next_page: null, error: NOT_CONNECTED });
    const lists = await loadTicketLists(viewerOf(unconnected().engineer), {}, true);
    expect(lists.boards).toEqual({ items: [], error: NOT_CONNECTED });
  });
});

describe("the detail panel", () => {
  it("reads the ticket with its notes, assignees and its board's statuses", async () => {
    const panel = await loadTicketPanel(viewerOf(a().viewer), String(SIM_TICKETS.vpnDisconnects));
    expect(panel.ticket).toMatchObject({ id: String(SIM_TICKETS.vpnDisconnects), board: { id: "1" }, owner: { identifier: "ssenior" } });
    expect(panel.resources.items.map((member) => member.identifier).sort()).toEqual(["jjunior", "ssenior"]);
    expect(panel.notes.items.length).toBeGreaterThan(0);
    expect(panel.statuses.items.every((status) => status.board_id === "1")).toBe(true);
    expect(panel.linked_sessions).toEqual([]);
  });

  it("keeps the panel when only a part can't be read: notes fail with their message, assignees degrade to the owner", async () => {
    // Without schedule entries the provider reads co-assignees through the member list; without both, only the owner is known.
    sim().setTraps({ forbiddenLists: ["notes", "schedule", "members"] });
    const panel = await loadTicketPanel(viewerOf(a().engineer), String(SIM_TICKETS.vpnDisconnects));
    expect(panel.ticket.id).toBe(String(SIM_TICKETS.vpnDisconnects));
    expect(panel.notes.items).toEqual([]);
    expect(panel.notes.error).toMatch(/403|permission|may not/i);
    expect(panel.resources.items.map((member) => member.identifier)).toEqual(["ssenior"]);
    expect(panel.resources.warning).toMatch(/schedule entries/);
  });

  it("throws for a ticket the PSA doesn't have, so the page can say so", async () => {
    await expect(loadTicketPanel(viewerOf(a().engineer), "999999")).rejects.toMatchObject({ code: "not_found" });
  });
});
