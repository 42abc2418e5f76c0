import { beforeAll, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";
import { viewerOf } from "@/tests/helpers/tenant";
import { SIM_TICKET_SEEDS } from "@/tests/fakes/connectwise/simulator";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { requirePsaProvider } = await import("@/lib/psa/account-provider");
const { searchPsaTickets, NO_MEMBER_FOR_MINE } = await import("@/lib/psa/tickets/search-tickets");
const ticketsRoute = await import("@/app/api/v1/psa/tickets/route");

type Ticket = Awaited<ReturnType<typeof searchPsaTickets>>["items"][number];

const { sim, a, unconnected } = installPsaTenants({ name: "Search" });
/** A user of tenant A whose email is Sam Senior's in the PSA, so "mine" maps to ssenior (177). */
let senior: { id: string; accountId: string; email: string; name: string; role: "engineer" };
beforeAll(async () => {
  const user = await db.user.create({ data: { accountId: a().accountId, email: "senior@demo-msp.test", name: "Sam", role: "engineer" } });
  senior = { id: user.id, accountId: a().accountId, email: user.email, name: user.name, role: "engineer" };
});

const search = (input: Parameters<typeof searchPsaTickets>[1], user = a().viewer) => searchPsaTickets(viewerOf(user), input);
const ids = (items: Ticket[]) => items.map((ticket) => ticket.id).sort();
const seeded = (filter: (seed: (typeof SIM_TICKET_SEEDS)[number]) => boolean) => SIM_TICKET_SEEDS.filter(filter).map((seed) => String(seed.id)).sort();

describe("G2 ticket search", () => {
  it("filters by board", async () => {
    const { items, next_page } = await search({ board_id: "2" });
    expect(ids(items)).toEqual(seeded((seed) => seed.boardId === 2));
    expect(items.every((ticket) => ticket.board?.name === "Escalations")).toBe(true);
    expect(next_page).toBeNull();
  });

  it("filters by status name on every board, whatever its id there", async () => {
    const { items } = await search({ status_name: "Escalated" });
    // Escalated is 104 on Help Desk and 202 on Escalations.
    expect(ids(items)).toEqual(seeded((seed) => seed.statusId === 104 || seed.statusId === 202));
    expect(new Set(items.map((ticket) => ticket.board?.id))).toEqual(new Set(["1", "2"]));
    expect(ids((await search({ status_name: "Escalated", board_id: "2" })).items)).toEqual(seeded((seed) => seed.statusId === 202));
  });

  it("filters by company", async () => {
    const { items } = await search({ company_id: "250" });
    expect(ids(items)).toEqual(seeded((seed) => seed.company === "northwind"));
    expect(items.every((ticket) => ticket.company?.name === "Northwind Dental")).toBe(true);
  });

  it("filters unassigned tickets: no owner and no co-assignee", async () => {
    const { items } = await search({ assigned: "unassigned" });
    expect(ids(items)).toEqual(seeded((seed) => seed.owner === null && seed.resources.length === 0));
    expect(items.every((ticket) => ticket.owner === null && ticket.resources.length === 0)).toBe(true);
  });

  it("filters by member: owner or co-assignee", async () => {
    const { items } = await search({ assigned: "177" });
    expect(ids(items)).toEqual(seeded((seed) => seed.owner === "ssenior" || seed.resources.includes("ssenior")));
    // Co-assigned but not owned: 48219 is owned by aadmin.
    expect(ids(items)).toContain("48219");
  });

  it('maps "mine" to the viewer\'s member by email and stores it', async () => {
    const { items } = await search({ assigned: "mine" }, senior);
    expect(ids(items)).toEqual(seeded((seed) => seed.owner === "ssenior" || seed.resources.includes("ssenior")));
    expect(await db.user.findUniqueOrThrow({ where: { id: senior.id } })).toMatchObject({ psaMemberId: "177", psaMemberIdentifier: "ssenior" });
  });

  it('answers "mine" without a mapped member with an empty page and a warning saying how to map one', async () => {
    expect(await search({ assigned: "mine" }, a().engineer)).toEqual({ items: [], next_page: null, warning: NO_MEMBER_FOR_MINE });
  });

  it("degrades a member filter to empty with a warning when the key may not read members", async () => {
    sim().setTraps({ forbiddenLists: ["members"] });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await search({ assigned: "177" });
    expect(result).toMatchObject({ items: [], next_page: null, warning: expect.stringContaining("may not read members") });
    expect(warn.mock.calls.some(([line]) => String(line).includes('"event":"psa.list_forbidden"'))).toBe(true);
    warn.mockRestore();
  });

  it("refuses a member id the PSA doesn't have with 422", async () => {
    await expect(search({ assigned: "999" })).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("no member #999") });
  });

  it("searches free text in summaries, and a ticket number", async () => {
    const { items } = await search({ q: "outlook" });
    expect(ids(items)).toEqual(seeded((seed) => seed.summary.toLowerCase().includes("outlook")));
    expect(ids((await search({ q: "48251" })).items)).toEqual(["48251"]);
  });

  it.each([`" or 1=1`, `') or ('1'='1`, `%`, `_`, `[a-z]*`])("treats %s as literal text: no error, only literal matches", async (text) => {
    expect((await search({ q: text })).items).toEqual([]);
    const provider = await requirePsaProvider(a().accountId);
    const planted = await provider.createTicket({ summary: `Literal ${text} here`, board_id: "1", company_id: "251" });
    expect(ids((await search({ q: text })).items)).toEqual([planted.id]);
    expect(ids((await search({ q: text, board_id: "1", assigned: "unassigned" })).items)).toEqual([planted.id]);
  });

  it("combines every filter", async () => {
    const { items } = await search({ board_id: "1", status_name: "In Progress", company_id: "252", assigned: "177", q: "VPN" });
    expect(ids(items)).toEqual(["48204"]);
  });

  it("pages with next_page until the last page", async () => {
    const first = await search({});
    expect(first.items).toHaveLength(25);
    expect(first.next_page).toBe(2);
    const second = await search({ page: first.next_page! });
    expect(second.next_page).toBeNull();
    expect(new Set([...ids(first.items), ...ids(second.items)])).toEqual(new Set(seeded(() => true)));
    expect((await search({ page: 9 })).items).toEqual([]);
  });

  it("recovers from a 429 with Retry-After and from a 500", async () => {
    sim().setTraps({ rateLimit: { count: 1, retryAfterSeconds: 1 } });
    expect((await search({ board_id: "2" })).items.length).toBeGreaterThan(0);
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    expect((await search({ board_id: "2" })).items.length).toBeGreaterThan(0);
  });

  it("surfaces a forbidden ticket list as 403 with the PSA's words (tickets are not a G5 pick list)", async () => {
    sim().setTraps({ forbiddenLists: ["tickets"] });
    await expect(search({})).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("Service Tickets") });
  });
});

describe("GET /api/v1/psa/tickets", () => {
  it("lets a viewer search, with the issue's empty parameters meaning no filter", async () => {
    const response = await callRoute(ticketsRoute.GET, "GET", {
      as: a().viewer.id,
      query: { board_id: "2", status_name: "", company_id: "", assigned: "all", q: "", page: "1" },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.next_page).toBeNull();
    expect(body.items.map((ticket: Ticket) => ticket.id).sort()).toEqual(seeded((seed) => seed.boardId === 2));
  });

  it.each<Record<string, string>>([
    { assigned: "someone" },
    { page: "0" },
    { page: "two" },
    { board_id: "1 or 1=1" },
    { company_id: "-1" },
    { q: "x".repeat(201) },
  ])("refuses %o with 422 and asks the PSA nothing", async (query) => {
    const before = sim().requests.length;
    const response = await callRoute(ticketsRoute.GET, "GET", { as: a().viewer.id, query });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("invalid");
    expect(sim().requests.length).toBe(before);
  });

  it("answers 409 NOT_CONNECTED for an account without a PSA connection", async () => {
    const response = await callRoute(ticketsRoute.GET, "GET", { as: unconnected().engineer.id });
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("conflict");
  });
});
