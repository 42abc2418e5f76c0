import { beforeEach, describe, expect, it, vi } from "vitest";
import { installConnectWiseSimulator } from "@/tests/helpers/psa";
import { callSim } from "@/tests/fakes/connectwise/sim-client";
import { SIM_MEMBERS, SIM_SCHEDULE_TYPES, SIM_TICKETS } from "@/tests/fakes/connectwise/simulator";

vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { createConnectWiseProvider } = await import("@/lib/psa/connectwise/connectwise-provider");

const sim = installConnectWiseSimulator();
const provider = () => createConnectWiseProvider({ provider: "connectwise", siteUrl: sim().url, ...sim().credentials }, { retry: { baseDelayMs: 10 } });
const ref = (key: keyof typeof SIM_MEMBERS) => {
  const member = SIM_MEMBERS[key];
  return { id: String(member.id), identifier: member.identifier, name: `${member.firstName} ${member.lastName}` };
};
const entriesOf = (ticketId: number) =>
  sim()
    .scheduleEntries(ticketId)
    .map((entry) => ({ member: (entry.member as { identifier: string }).identifier, type: (entry.type as { identifier: string }).identifier }));
const resourcesOf = (ticketId: number) => sim().ticket(ticketId)!.resources;
const ownerOf = (ticketId: number) => (sim().ticket(ticketId)!.owner as { identifier: string } | null)?.identifier ?? null;
const patchedPaths = () =>
  sim()
    .requests.filter((request) => request.method === "PATCH")
    .flatMap((request) => (request.body as { path: string }[]).map((op) => op.path));

const VPN = SIM_TICKETS.vpnDisconnects; // owner ssenior, co-assigned ssenior + jjunior
const OUTLOOK = SIM_TICKETS.outlookPasswordPrompts; // owner jjunior, co-assigned jjunior
const KIOSK = SIM_TICKETS.kioskLocalAdmin; // unassigned

beforeEach(() => {
  sim().reset();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("listResources (G4)", () => {
  it("is the owner plus the members of the ticket's service schedule entries, deduped", async () => {
    expect(await provider().listResources(String(VPN))).toEqual([ref("ssenior"), ref("jjunior")]);
    expect(await provider().listResources(String(KIOSK))).toEqual([]);
    const asked = sim().requests.find((request) => request.path.endsWith("/schedule/entries"));
    expect(asked!.query.conditions).toBe(`objectId = ${VPN} and type/identifier = "S"`);
  });

  it("falls back to the ticket's resources string when the key may not read schedule entries", async () => {
    sim().setTraps({ forbiddenLists: ["schedule"] });
    expect(await provider().listResources(String(VPN))).toEqual([ref("ssenior"), ref("jjunior")]);
  });

  it("is forbidden when neither schedule entries nor members can be read", async () => {
    sim().setTraps({ forbiddenLists: ["schedule", "members"] });
    await expect(provider().listResources(String(VPN))).rejects.toMatchObject({ failure: "forbidden", message: expect.stringContaining("Schedule Entries") });
  });
});

describe("addResource (G4)", () => {
  it("makes the member the owner of an unassigned ticket (PATCH owner, verified)", async () => {
    await expect(provider().addResource(String(KIOSK), ref("pnguyen"))).resolves.toEqual({ changed: true, via: "owner" });
    expect(ownerOf(KIOSK)).toBe("pnguyen");
    expect(entriesOf(KIOSK)).toEqual([]);
    expect(patchedPaths()).toEqual(["owner"]);
  });

  it("co-assigns through a type-S schedule entry when someone else owns the ticket, never by PATCHing resources", async () => {
    await expect(provider().addResource(String(OUTLOOK), ref("ssenior"))).resolves.toEqual({ changed: true, via: "schedule_entry" });
    expect(entriesOf(OUTLOOK)).toEqual([
      { member: "jjunior", type: "S" },
      { member: "ssenior", type: "S" },
    ]);
    expect(resourcesOf(OUTLOOK)).toBe("jjunior, ssenior");
    expect(ownerOf(OUTLOOK)).toBe("jjunior");
    expect(patchedPaths()).toEqual([]);
    const posted = sim().requests.find((request) => request.method === "POST" && request.path.endsWith("/schedule/entries"))!;
    expect(posted.body).toMatchObject({
      objectId: OUTLOOK,
      type: { id: SIM_SCHEDULE_TYPES.service.id, identifier: "S" },
      member: { id: SIM_MEMBERS.ssenior.id, identifier: "ssenior" },
      allowScheduleConflictsFlag: true,
      hours: 0,
    });
    const { dateStart, dateEnd } = posted.body as { dateStart: string; dateEnd: string };
    expect(dateStart).toMatch(/T00:00:00Z$/);
    expect(dateEnd).toBe(dateStart);
    expect(await provider().listResources(String(OUTLOOK))).toEqual([ref("jjunior"), ref("ssenior")]);
  });

  it("changes nothing for the owner or an existing co-assignee", async () => {
    await expect(provider().addResource(String(VPN), ref("ssenior"))).resolves.toEqual({ changed: false, via: "none" });
    await expect(provider().addResource(String(VPN), ref("jjunior"))).resolves.toEqual({ changed: false, via: "none" });
    expect(entriesOf(VPN)).toHaveLength(2);
    expect(sim().requests.filter((request) => request.method !== "GET")).toEqual([]);
  });

  it("assigns where a resources PATCH would silently do nothing (the trap stays on)", async () => {
    const trap = await callSim(sim(), "PATCH", `/service/tickets/${OUTLOOK}`, { body: [{ op: "replace", path: "resources", value: "jjunior, tlee" }] });
    expect(trap.status).toBe(200);
    expect(resourcesOf(OUTLOOK)).toBe("jjunior");
    await expect(provider().addResource(String(OUTLOOK), ref("tlee"))).resolves.toEqual({ changed: true, via: "schedule_entry" });
    expect(resourcesOf(OUTLOOK)).toBe("jjunior, tlee");
    expect(entriesOf(OUTLOOK).map((entry) => entry.member)).toEqual(["jjunior", "tlee"]);
  });
});

describe("removeResource (G4)", () => {
  it("deletes a co-assignee's schedule entry", async () => {
    await expect(provider().removeResource(String(VPN), String(SIM_MEMBERS.jjunior.id))).resolves.toEqual({ changed: true, via: "schedule_entry" });
    expect(entriesOf(VPN)).toEqual([{ member: "ssenior", type: "S" }]);
    expect(resourcesOf(VPN)).toBe("ssenior");
    expect(ownerOf(VPN)).toBe("ssenior");
    expect(sim().requests.filter((request) => request.method === "DELETE")).toHaveLength(1);
  });

  it("clears the owner (verified) and the owner's own entries, so they leave the ticket", async () => {
    await expect(provider().removeResource(String(OUTLOOK), String(SIM_MEMBERS.jjunior.id))).resolves.toEqual({ changed: true, via: "owner" });
    expect(ownerOf(OUTLOOK)).toBeNull();
    expect(entriesOf(OUTLOOK)).toEqual([]);
    expect(resourcesOf(OUTLOOK)).toBe("");
    const patch = sim().requests.find((request) => request.method === "PATCH")!;
    expect(patch.body).toEqual([{ op: "remove", path: "owner" }]);
    expect(await provider().listResources(String(OUTLOOK))).toEqual([]);
  });

  it("clears the owner even when the key may not read schedule entries", async () => {
    sim().setTraps({ forbiddenLists: ["schedule"] });
    await expect(provider().removeResource(String(SIM_TICKETS.resolvedPasswordReset), String(SIM_MEMBERS.jjunior.id))).resolves.toEqual({ changed: true, via: "owner" });
    expect(ownerOf(SIM_TICKETS.resolvedPasswordReset)).toBeNull();
  });

  it("changes nothing for a member who is neither", async () => {
    await expect(provider().removeResource(String(VPN), String(SIM_MEMBERS.tlee.id))).resolves.toEqual({ changed: false, via: "none" });
    expect(entriesOf(VPN)).toHaveLength(2);
  });
});
