import { describe, expect, it, vi } from "vitest";
import { installPsaTenants } from "@/tests/helpers/psa";
import { createTenant, viewerOf } from "@/tests/helpers/tenant";
import { SIM_STATUS } from "@/tests/fakes/connectwise/simulator";

vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { readAccountPreferences, updatePreferences } = await import("@/lib/accounts/preferences");
const { getPsaStatusTargets, listTargetStatuses, setPsaStatusTarget } = await import("@/lib/psa/status-targets");

const { sim, a } = installPsaTenants({ name: "Status targets", freshEachTest: true });
const owner = () => viewerOf(a().owner);

describe("getPsaStatusTargets", () => {
  it("is null without a connection", async () => {
    const other = await createTenant("Targets unconnected");
    expect(await getPsaStatusTargets(viewerOf(other.owner))).toBeNull();
  });

  it("lists the active boards and nothing else when no target is set", async () => {
    const targets = (await getPsaStatusTargets(owner()))!;
    expect(targets.boards.map((board) => board.name)).toEqual(["Escalations", "Help Desk"]);
    expect(targets).toMatchObject({ statuses: {}, warning: null, resolved: { status_id: null, board_id: null }, escalated: { status_id: null } });
  });

  it("finds each configured status on its own board, with that board's active statuses", async () => {
    await updatePreferences(owner(), { cw_resolved_status_id: SIM_STATUS.helpDesk.resolved, cw_escalated_status_id: SIM_STATUS.escalations.escalated });
    const targets = (await getPsaStatusTargets(owner()))!;
    expect(targets.resolved).toEqual({ status_id: "105", board_id: "1", status_name: "Resolved" });
    expect(targets.escalated).toEqual({ status_id: "202", board_id: "2", status_name: "Escalated" });
    expect(targets.statuses["1"]!.map((status) => status.id)).toEqual(["101", "102", "103", "104", "105", "106"]);
    expect(targets.statuses["2"]!.map((status) => status.name)).toContain("Escalated");
  });

  it("says so when a configured status is on no active board", async () => {
    await updatePreferences(owner(), { cw_resolved_status_id: SIM_STATUS.legacy.closed });
    expect((await getPsaStatusTargets(owner()))!.resolved).toEqual({ status_id: "302", board_id: null, status_name: null });
  });

  it("degrades to empty lists with ConnectWise's message when the key may not read boards", async () => {
    sim().setTraps({ forbiddenLists: ["boards"] });
    const targets = (await getPsaStatusTargets(owner()))!;
    expect(targets.boards).toEqual([]);
    expect(targets.warning).toContain("ConnectWise denied access (403)");
  });
});

describe("setPsaStatusTarget", () => {
  it("saves one of the board's real statuses as a number and clears it with null", async () => {
    expect(await setPsaStatusTarget(owner(), { target: "resolved", board_id: "1", status_id: "105" })).toEqual({ status_id: "105", board_id: "1", status_name: "Resolved" });
    expect(await setPsaStatusTarget(owner(), { target: "escalated", board_id: "1", status_id: "104" })).toMatchObject({ status_name: "Escalated" });
    expect(await readAccountPreferences(owner().accountId)).toMatchObject({ cw_resolved_status_id: 105, cw_escalated_status_id: 104 });

    await setPsaStatusTarget(owner(), { target: "escalated", board_id: null, status_id: null });
    expect(await readAccountPreferences(owner().accountId)).toMatchObject({ cw_resolved_status_id: 105, cw_escalated_status_id: null });
  });

  it("refuses a status of another board, or an inactive one, and changes nothing", async () => {
    await setPsaStatusTarget(owner(), { target: "resolved", board_id: "1", status_id: "105" });
    // 203 is "Resolved" on Escalations: the same name, another board.
    await expect(setPsaStatusTarget(owner(), { target: "resolved", board_id: "1", status_id: "203" })).rejects.toMatchObject({ code: "invalid" });
    await expect(setPsaStatusTarget(owner(), { target: "resolved", board_id: "1", status_id: "107" })).rejects.toMatchObject({ code: "invalid" });
    await expect(setPsaStatusTarget(owner(), { target: "resolved", board_id: null, status_id: "105" })).rejects.toMatchObject({ code: "invalid" });
    expect((await readAccountPreferences(owner().accountId)).cw_resolved_status_id).toBe(105);
  });
});

describe("the audit trail of status targets", () => {
  const eventsOf = (accountId: string) =>
    db.auditEvent.findMany({ where: { accountId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, targetType: true, targetId: true, before: true, after: true } });

  it("records each target change with the status's name, and nothing for a refused one", async () => {
    await setPsaStatusTarget(owner(), { target: "resolved", board_id: "1", status_id: "105" });
    await expect(setPsaStatusTarget(owner(), { target: "resolved", board_id: "1", status_id: "203" })).rejects.toMatchObject({ code: "invalid" });
    await setPsaStatusTarget(owner(), { target: "resolved", board_id: null, status_id: null });
    const audited = { action: "psa.status_target_changed", actorId: owner().userId, targetType: "psa_status_target", targetId: "resolved" };
    expect(await eventsOf(owner().accountId)).toEqual([
      { ...audited, before: { status_id: null }, after: { status_id: 105, status_name: "Resolved" } },
      { ...audited, before: { status_id: 105 }, after: { status_id: null, status_name: null } },
    ]);
  });
});

describe("listTargetStatuses", () => {
  it("lists a board's active statuses in ConnectWise's order", async () => {
    expect((await listTargetStatuses(owner(), "2")).map((status) => status.id)).toEqual(["201", "202", "204", "203", "205"]);
  });
});
