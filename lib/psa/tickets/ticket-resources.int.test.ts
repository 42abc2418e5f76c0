import { afterEach, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";
import { createSessionFor, viewerOf } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { addPsaTicketResource, listPsaTicketResources, removePsaTicketResource } = await import("@/lib/psa/tickets/ticket-resources");
const resourcesRoute = await import("@/app/api/v1/psa/tickets/[id]/resources/route");
const resourceRoute = await import("@/app/api/v1/psa/tickets/[id]/resources/[member_id]/route");

type Json = Record<string, unknown>;

const { sim, a, unconnected } = installPsaTenants({ name: "Resources" });
afterEach(() => vi.restoreAllMocks());

const engineer = () => viewerOf(a().engineer);
const JJUNIOR = "176";
const SSENIOR = "177";
const TLEE = "180";
const KIOSK = "48210"; // no owner, no co-assignee
const OUTLOOK = "48233"; // owner jjunior, who also has a schedule entry
const VPN = "48204"; // owner ssenior, co-assignee jjunior

const entryMembers = (ticketId: string) =>
  sim()
    .scheduleEntries(Number(ticketId))
    .map((entry) => ((entry as Json).member as Json).identifier)
    .sort();
const simTicket = (ticketId: string) => sim().ticket(Number(ticketId)) as Json;
/** The resources PATCH trap is never relied on: no PATCH ever names `resources`. */
const patchesOfResources = () =>
  sim().requests.filter((request) => request.method === "PATCH" && JSON.stringify(request.body ?? "").includes("resources"));

describe("G4 assignment", () => {
  it("makes the member the owner of a ticket without one", async () => {
    const change = await addPsaTicketResource(engineer(), KIOSK, TLEE);
    expect(change).toEqual({ changed: true, via: "owner", resources: [{ id: TLEE, identifier: "tlee", name: "Taylor Lee" }] });
    expect(simTicket(KIOSK).owner).toMatchObject({ id: 180, identifier: "tlee" });
    expect(entryMembers(KIOSK)).toEqual([]);
    expect(patchesOfResources()).toEqual([]);
  });

  it("adds a type-4 schedule entry for a co-assignee when the ticket has an owner, owner untouched", async () => {
    const change = await addPsaTicketResource(engineer(), OUTLOOK, SSENIOR);
    expect(change).toMatchObject({ changed: true, via: "schedule_entry" });
    expect(change.resources.map((member) => member.identifier)).toEqual(["jjunior", "ssenior"]);
    expect(simTicket(OUTLOOK).owner).toMatchObject({ identifier: "jjunior" });
    const entry = sim().scheduleEntries(Number(OUTLOOK)).find((candidate) => ((candidate as Json).member as Json).identifier === "ssenior") as Json;
    expect(entry).toMatchObject({ objectId: Number(OUTLOOK), type: { id: 4 } });
    // ConnectWise derives `resources` from the entries.
    expect(String(simTicket(OUTLOOK).resources)).toContain("ssenior");
    expect(sim().requests.some((request) => request.method === "POST" && request.path.endsWith("/schedule/entries"))).toBe(true);
    expect(patchesOfResources()).toEqual([]);
  });

  it("is a no-op for a member already assigned, as owner or co-assignee", async () => {
    expect(await addPsaTicketResource(engineer(), OUTLOOK, JJUNIOR)).toMatchObject({ changed: false, via: "none" });
    expect(await addPsaTicketResource(engineer(), VPN, JJUNIOR)).toMatchObject({ changed: false, via: "none" });
    expect(sim().requests.filter((request) => request.method !== "GET")).toEqual([]);
    expect(entryMembers(VPN)).toEqual(["jjunior", "ssenior"]);
  });

  it("removing the owner clears the owner", async () => {
    const change = await removePsaTicketResource(engineer(), OUTLOOK, JJUNIOR);
    expect(change).toEqual({ changed: true, via: "owner", resources: [] });
    expect(simTicket(OUTLOOK).owner ?? null).toBeNull();
  });

  it("removing a co-assignee deletes their schedule entry, owner untouched", async () => {
    const change = await removePsaTicketResource(engineer(), VPN, JJUNIOR);
    expect(change).toMatchObject({ changed: true, via: "schedule_entry" });
    expect(change.resources.map((member) => member.identifier)).toEqual(["ssenior"]);
    expect(entryMembers(VPN)).toEqual(["ssenior"]);
    expect(simTicket(VPN).owner).toMatchObject({ identifier: "ssenior" });
    expect(sim().requests.some((request) => request.method === "DELETE" && request.path.includes("/schedule/entries/"))).toBe(true);
    expect(patchesOfResources()).toEqual([]);
  });

  it("removing someone not assigned changes nothing", async () => {
    expect(await removePsaTicketResource(engineer(), VPN, TLEE)).toMatchObject({ changed: false, via: "none" });
  });

  it("lists owner plus co-assignees, deduped", async () => {
    expect((await listPsaTicketResources(engineer(), OUTLOOK)).items).toEqual([{ id: JJUNIOR, identifier: "jjunior", name: "Jamie Junior" }]);
    expect((await listPsaTicketResources(engineer(), VPN)).items.map((member) => member.identifier)).toEqual(["ssenior", "jjunior"]);
    expect(await listPsaTicketResources(engineer(), KIOSK)).toEqual({ items: [], next_page: null });
  });

  it("degrades the list to the owner with a warning when neither schedule entries nor members may be read", async () => {
    sim().setTraps({ forbiddenLists: ["schedule", "members"] });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await listPsaTicketResources(engineer(), VPN);
    expect(result).toMatchObject({ items: [{ id: SSENIOR, identifier: "ssenior" }], next_page: null, warning: expect.stringContaining("schedule entries") });
    expect(warn.mock.calls.some(([line]) => String(line).includes('"psa.list_forbidden"') && String(line).includes('"resources"'))).toBe(true);
  });

  it("records assignment changes, not no-ops, on linked sessions' timelines", async () => {
    const session = await createSessionFor(a().engineer, { title: "Outlook prompts" });
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: OUTLOOK } });
    await addPsaTicketResource(engineer(), OUTLOOK, SSENIOR);
    await addPsaTicketResource(engineer(), OUTLOOK, SSENIOR);
    await removePsaTicketResource(engineer(), OUTLOOK, SSENIOR);
    const steps = await db.aiSessionStep.findMany({ where: { sessionId: session.id, content: { startsWith: "PSA" } }, orderBy: { createdAt: "asc" } });
    expect(steps.map((step) => step.content)).toEqual([
      "PSA · ticket #48233: Assigned Sam Senior as a co-assignee (schedule entry).",
      "PSA · ticket #48233: Unassigned Sam Senior (was a co-assignee).",
    ]);
    expect(steps.every((step) => (step.metadata as Json).action === "assignment")).toBe(true);
  });

  it("refuses a member the PSA doesn't have with 422 before writing", async () => {
    await expect(addPsaTicketResource(engineer(), KIOSK, "999")).rejects.toMatchObject({ code: "invalid" });
    expect(sim().requests.filter((request) => request.method !== "GET")).toEqual([]);
  });
});

describe("/api/v1/psa/tickets/[id]/resources routes", () => {
  it("lists for a viewer, adds and removes for an engineer", async () => {
    const list = await callRoute(resourcesRoute.GET, "GET", { as: a().viewer.id, params: { id: VPN } });
    expect(list.status).toBe(200);
    expect((await list.json()).items).toHaveLength(2);

    const added = await callRoute(resourcesRoute.POST, "POST", { as: a().engineer.id, params: { id: VPN }, body: { member_id: TLEE } });
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({ changed: true, via: "schedule_entry" });
    expect(entryMembers(VPN)).toEqual(["jjunior", "ssenior", "tlee"]);

    const removed = await callRoute(resourceRoute.DELETE, "DELETE", { as: a().engineer.id, params: { id: VPN, member_id: TLEE } });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ changed: true, via: "schedule_entry" });
    expect(entryMembers(VPN)).toEqual(["jjunior", "ssenior"]);
  });

  it("refuses viewers (403) and bad member ids (422) without writing", async () => {
    expect((await callRoute(resourcesRoute.POST, "POST", { as: a().viewer.id, params: { id: VPN }, body: { member_id: TLEE } })).status).toBe(403);
    expect((await callRoute(resourceRoute.DELETE, "DELETE", { as: a().viewer.id, params: { id: VPN, member_id: JJUNIOR } })).status).toBe(403);
    expect((await callRoute(resourcesRoute.POST, "POST", { as: a().engineer.id, params: { id: VPN }, body: { member_id: "tlee" } })).status).toBe(422);
    expect((await callRoute(resourceRoute.DELETE, "DELETE", { as: a().engineer.id, params: { id: VPN, member_id: "x" } })).status).toBe(422);
    expect(sim().requests).toEqual([]);
  });

  it("answers 409 NOT_CONNECTED for an account without a PSA connection", async () => {
    expect((await callRoute(resourcesRoute.GET, "GET", { as: unconnected().viewer.id, params: { id: VPN } })).status).toBe(409);
  });
});
