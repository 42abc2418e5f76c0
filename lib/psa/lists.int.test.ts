import { afterEach, describe, expect, it, vi } from "vitest";
import type { ForbiddenList } from "@/tests/fakes/connectwise/simulator";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";
import { viewerOf } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { listPsaBoards, listPsaBoardStatuses, listPsaCompanies, listPsaMembers, listPsaPriorities, listPsaStatusNames } = await import("@/lib/psa/lists");
const { PsaError } = await import("@/lib/psa/psa-error");
const { psaListRoutes: listRoutes } = await import("@/tests/helpers/psa-list-routes");

const { sim, a, unconnected } = installPsaTenants({ name: "Lists" });
afterEach(() => vi.restoreAllMocks());

const viewerA = () => viewerOf(a().viewer);

/** The `psa.list_forbidden` lines logged while `body` runs. */
async function forbiddenLogs(body: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  await body();
  return warn.mock.calls
    .map(([line]) => (typeof line === "string" && line.startsWith("{") ? (JSON.parse(line) as Record<string, unknown>) : null))
    .filter((entry): entry is Record<string, unknown> => entry?.event === "psa.list_forbidden");
}

describe("G5 lists from the account's PSA", () => {
  it("lists active boards, a board's active statuses, priorities, members and companies", async () => {
    expect((await listPsaBoards(viewerA())).items.map((board) => board.name)).toEqual(["Escalations", "Help Desk"]);
    const statuses = await listPsaBoardStatuses(viewerA(), "1");
    expect(statuses.items.map((status) => [status.id, status.name])).toEqual([
      ["101", "New"],
      ["102", "In Progress"],
      ["103", "Waiting on Customer"],
      ["104", "Escalated"],
      ["105", "Resolved"],
      ["106", ">Closed"],
    ]);
    expect(statuses).toMatchObject({ next_page: null });
    expect(statuses.warning).toBeUndefined();
    expect((await listPsaPriorities(viewerA())).items.map((priority) => priority.id)).toEqual(["11", "12", "13", "14"]);
    const members = (await listPsaMembers(viewerA())).items;
    expect(members.find((member) => member.identifier === "ssenior")).toMatchObject({ id: "177", name: "Sam Senior", email: "senior@demo-msp.test" });
    expect(members.some((member) => member.identifier === "mgarcia")).toBe(false);
    expect((await listPsaCompanies(viewerA(), "north")).items).toEqual([{ id: "250", identifier: "NorthwindDental", name: "Northwind Dental" }]);
    expect((await listPsaCompanies(viewerA(), "O'Brien & Sons")).items.map((company) => company.id)).toEqual(["257"]);
    expect((await listPsaCompanies(viewerA())).items.length).toBeGreaterThanOrEqual(8);
  });

  it("offers each status name once across boards, with the boards and ids it has", async () => {
    const { items } = await listPsaStatusNames(viewerA());
    expect(items.find((entry) => entry.name === "Escalated")).toEqual({ name: "Escalated", board_ids: ["1", "2"], status_ids: ["104", "202"] });
    expect(items.find((entry) => entry.name === "Waiting on Customer")).toEqual({ name: "Waiting on Customer", board_ids: ["1"], status_ids: ["103"] });
    expect(new Set(items.map((entry) => entry.name.toLowerCase())).size).toBe(items.length);
    // The inactive board's and the retired statuses are not offered.
    expect(items.some((entry) => entry.status_ids.includes("301") || entry.status_ids.includes("107"))).toBe(false);
  });

  const lists: [ForbiddenList, string, () => Promise<{ items: unknown[]; next_page: null; warning?: string }>][] = [
    ["boards", "boards", () => listPsaBoards(viewerA())],
    ["statuses", "statuses", () => listPsaBoardStatuses(viewerA(), "1")],
    ["statuses", "statuses", () => listPsaStatusNames(viewerA())],
    ["boards", "boards", () => listPsaStatusNames(viewerA())],
    ["priorities", "priorities", () => listPsaPriorities(viewerA())],
    ["members", "members", () => listPsaMembers(viewerA())],
    ["companies", "companies", () => listPsaCompanies(viewerA(), "north")],
  ];
  it.each(lists)("degrades to empty with a warning and a logged psa.list_forbidden when %s is forbidden (%s)", async (trap, list, load) => {
    sim().setTraps({ forbiddenLists: [trap] });
    let result: Awaited<ReturnType<typeof load>> | undefined;
    const logs = await forbiddenLogs(async () => {
      result = await load();
    });
    expect(result).toMatchObject({ items: [], next_page: null });
    expect(result!.warning).toContain(`may not read ${list}`);
    // The PSA's own words reach the person.
    expect(result!.warning).toContain("You do not have permission to inquire on");
    expect(logs).toEqual([expect.objectContaining({ event: "psa.list_forbidden", account_id: a().accountId, list })]);
  });

  it("lets any other PSA failure through (500s past the retries are a 502)", async () => {
    sim().setTraps({ failNext: { count: 10, status: 500 } });
    const error = await listPsaPriorities(viewerA()).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PsaError);
    expect(error).toMatchObject({ code: "upstream" });
  });

  it("recovers from a 429 and a 500 on reads (retried by the client)", async () => {
    sim().setTraps({ rateLimit: { count: 1, retryAfterSeconds: 1 } });
    expect((await listPsaBoards(viewerA())).items).toHaveLength(2);
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    expect((await listPsaMembers(viewerA())).items.length).toBeGreaterThan(0);
  });

  it("refuses an account without a PSA connection with 409 NOT_CONNECTED", async () => {
    const error = await listPsaBoards(viewerOf(unconnected().viewer)).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "conflict", message: expect.stringContaining("no PSA connection") });
  });
});

describe("GET /api/v1/psa lists (routes)", () => {
  it("answers { items, next_page } to a viewer for every list", async () => {
    const calls = [
      callRoute(listRoutes.boards.GET, "GET", { as: a().viewer.id }),
      callRoute(listRoutes.boardStatuses.GET, "GET", { as: a().viewer.id, params: { id: "2" } }),
      callRoute(listRoutes.statuses.GET, "GET", { as: a().viewer.id }),
      callRoute(listRoutes.priorities.GET, "GET", { as: a().viewer.id }),
      callRoute(listRoutes.members.GET, "GET", { as: a().viewer.id }),
      callRoute(listRoutes.companies.GET, "GET", { as: a().viewer.id, query: { q: "contoso" } }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toEqual({ items: expect.any(Array), next_page: null });
      expect(body.items.length).toBeGreaterThan(0);
    }
  });

  it("answers 200 with an empty list and the warning when the key may not read members", async () => {
    sim().setTraps({ forbiddenLists: ["members"] });
    await forbiddenLogs(async () => {
      const response = await callRoute(listRoutes.members.GET, "GET", { as: a().engineer.id });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ items: [], next_page: null, warning: expect.stringContaining("may not read members") });
    });
  });

  it("refuses a board id that is not a number with 422, asking the PSA nothing", async () => {
    const before = sim().requests.length;
    const response = await callRoute(listRoutes.boardStatuses.GET, "GET", { as: a().viewer.id, params: { id: "1 or 1=1" } });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("invalid");
    expect(sim().requests.length).toBe(before);
  });

  it("answers 409 NOT_CONNECTED for an account without a connection, 401 signed out", async () => {
    const response = await callRoute(listRoutes.boards.GET, "GET", { as: unconnected().owner.id });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toEqual({ code: "conflict", message: expect.stringContaining("Settings → PSA") });
    expect((await callRoute(listRoutes.boards.GET, "GET")).status).toBe(401);
  });
});
