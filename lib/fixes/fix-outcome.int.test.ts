import { beforeAll, describe, expect, it } from "vitest";
import * as proposalRoute from "@/app/api/v1/ai-sessions/[id]/suggested-fixes/[fid]/ai-outcome-proposal/route";
import * as applyRoute from "@/app/api/v1/ai-sessions/[id]/suggested-fixes/[fid]/apply/route";
import * as draftScriptRoute from "@/app/api/v1/ai-sessions/[id]/suggested-fixes/[fid]/draft-script/route";
import * as outcomeRoute from "@/app/api/v1/ai-sessions/[id]/suggested-fixes/[fid]/outcome/route";
import { db } from "@/lib/db";
import type { FixStatus } from "@/lib/generated/prisma/enums";
import { callRoute } from "@/tests/helpers/call-route";
import { stateVersionOf } from "@/tests/helpers/session-state";
import { storedFix, suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

type Params = { id: string; fid: string };

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Outcome A");
  b = await createTenant("Outcome B");
});

async function sessionWithFix(options: { status?: "active" | "escalated"; fix?: { status?: FixStatus; appliedAt?: Date } } = {}): Promise<Params> {
  const session = await createSessionFor(a.engineer, { status: options.status ?? "active" });
  const fix = await suggestFix(a.engineer, session.id);
  if (options.fix) await db.sessionSuggestedFix.update({ where: { id: fix.id }, data: options.fix });
  return { id: session.id, fid: fix.id };
}

const apply = (as: string, params: Params) => callRoute(applyRoute.POST, "POST", { as, params });
const outcome = (as: string, params: Params, body: unknown) => callRoute(outcomeRoute.PATCH, "PATCH", { as, params, body });
const clearProposal = (as: string, params: Params) => callRoute(proposalRoute.DELETE, "DELETE", { as, params });
const draftScript = (as: string, params: Params, body: unknown) => callRoute(draftScriptRoute.POST, "POST", { as, params, body });
const propose = (fid: string) =>
  db.sessionSuggestedFix.update({ where: { id: fid }, data: { aiOutcomeProposal: { outcome: "applied_success", notes: null } } });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** The refused call changed neither the fix nor the session's state_version. */
async function expectUntouched(params: Params, call: () => Promise<Response>, status: number) {
  const fixBefore = await storedFix(params.fid);
  const versionBefore = await stateVersionOf(params.id);
  const response = await call();
  expect(response.status).toBe(status);
  expect(await storedFix(params.fid)).toEqual(fixBefore);
  expect(await stateVersionOf(params.id)).toBe(versionBefore);
  return response;
}

describe("POST …/[fid]/apply (D3)", () => {
  it("stamps applied_at without changing status and bumps state_version", async () => {
    const params = await sessionWithFix();
    const before = await stateVersionOf(params.id);
    const response = await apply(a.engineer.id, params);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: params.fid, status: "proposed" });
    expect(new Date(body.applied_at).getTime()).toBe((await storedFix(params.fid)).appliedAt!.getTime());
    expect(await stateVersionOf(params.id)).toBe(before + 1);
  });

  it("is idempotent: the second call keeps the first stamp and does not bump", async () => {
    const params = await sessionWithFix();
    const first = await (await apply(a.engineer.id, params)).json();
    const response = await expectUntouched(params, () => apply(a.engineer.id, params), 200);
    expect((await response.json()).applied_at).toBe(first.applied_at);
  });

  it.each(["applied_success", "applied_failed", "applied_partial", "dismissed"] as const)("is 409 once the outcome is %s", async (status) => {
    const params = await sessionWithFix({ fix: { status } });
    const response = await expectUntouched(params, () => apply(a.engineer.id, params), 409);
    expect((await errorOf(response)).code).toBe("conflict");
  });

  it("is 409 on a superseded fix", async () => {
    const params = await sessionWithFix();
    await suggestFix(a.engineer, params.id, { title: "Newer" });
    await expectUntouched(params, () => apply(a.engineer.id, params), 409);
  });

  it("is 404 for a fix of another session or tenant, 403 for a viewer and a teammate on an escalated session", async () => {
    const params = await sessionWithFix({ status: "escalated" });
    const other = await sessionWithFix();
    await expectUntouched(other, () => apply(a.engineer.id, { id: params.id, fid: other.fid }), 404);
    await expectUntouched(params, () => apply(b.owner.id, params), 404);
    await expectUntouched(params, () => apply(a.viewer.id, params), 403);
    await expectUntouched(params, () => apply(a.admin.id, params), 403);
  });
});

describe("PATCH …/[fid]/outcome (D4)", () => {
  it("applied_success stamps verified_at and applied_at, clears the AI proposal and bumps state_version", async () => {
    const params = await sessionWithFix();
    await propose(params.fid);
    const before = await stateVersionOf(params.id);
    const response = await outcome(a.engineer.id, params, { outcome: "applied_success" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "applied_success", ai_outcome_proposal: null });
    const stored = await storedFix(params.fid);
    expect(stored.verifiedAt).toBeInstanceOf(Date);
    expect(stored.appliedAt).toBeInstanceOf(Date);
    expect(stored.aiOutcomeProposal).toBeNull();
    expect(await stateVersionOf(params.id)).toBe(before + 1);
  });

  it("keeps an earlier applied_at", async () => {
    const appliedAt = new Date("2026-01-02T03:04:05Z");
    const params = await sessionWithFix({ fix: { appliedAt } });
    await outcome(a.engineer.id, params, { outcome: "applied_failed", failure_reason: "Spooler stops again after a minute" });
    const stored = await storedFix(params.fid);
    expect(stored).toMatchObject({ status: "applied_failed", appliedAt, failureReason: "Spooler stops again after a minute" });
    expect(stored.verifiedAt).toBeInstanceOf(Date);
  });

  it("applied_partial needs notes (422), stores them, stamps applied_at but not verified_at", async () => {
    const params = await sessionWithFix();
    const refused = await expectUntouched(params, () => outcome(a.engineer.id, params, { outcome: "applied_partial" }), 422);
    expect((await errorOf(refused)).message).toMatch(/notes/);
    await expectUntouched(params, () => outcome(a.engineer.id, params, { outcome: "applied_partial", notes: "  " }), 422);
    const response = await outcome(a.engineer.id, params, { outcome: "applied_partial", notes: "Prints, but slowly" });
    expect(response.status).toBe(200);
    const stored = await storedFix(params.fid);
    expect(stored).toMatchObject({ status: "applied_partial", partialNotes: "Prints, but slowly", verifiedAt: null });
    expect(stored.appliedAt).toBeInstanceOf(Date);
  });

  it.each(["applied_success", "applied_failed"] as const)("allows partial → %s", async (next) => {
    const params = await sessionWithFix({ fix: { status: "applied_partial" } });
    const response = await outcome(a.engineer.id, params, { outcome: next });
    expect(response.status).toBe(200);
    expect((await storedFix(params.fid)).status).toBe(next);
  });

  it.each(["applied_partial", "dismissed"] as const)("refuses partial → %s (409)", async (next) => {
    const params = await sessionWithFix({ fix: { status: "applied_partial" } });
    await expectUntouched(params, () => outcome(a.engineer.id, params, { outcome: next, notes: "More notes" }), 409);
  });

  it.each([
    ["applied_success", "applied_failed"],
    ["applied_failed", "applied_success"],
    ["dismissed", "applied_success"],
    ["applied_success", "applied_success"],
  ] as const)("treats %s as final: → %s is 409", async (status, next) => {
    const params = await sessionWithFix({ fix: { status } });
    await propose(params.fid);
    const response = await expectUntouched(params, () => outcome(a.engineer.id, params, { outcome: next }), 409);
    expect((await errorOf(response)).message).toMatch(/final/);
  });

  it("lets exactly one of two concurrent final outcomes win", async () => {
    const params = await sessionWithFix();
    const before = await stateVersionOf(params.id);
    const responses = await Promise.all([
      outcome(a.engineer.id, params, { outcome: "applied_success" }),
      outcome(a.engineer.id, params, { outcome: "applied_failed" }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const winner = responses.find((response) => response.status === 200)!;
    expect((await storedFix(params.fid)).status).toBe((await winner.json()).status);
    expect(await stateVersionOf(params.id)).toBe(before + 1);
  });

  it("dismissed sets status dismissed without stamping applied_at", async () => {
    const params = await sessionWithFix();
    const response = await outcome(a.engineer.id, params, { outcome: "dismissed" });
    expect(response.status).toBe(200);
    expect(await storedFix(params.fid)).toMatchObject({ status: "dismissed", appliedAt: null, verifiedAt: null });
  });

  it("is 422 for an unknown outcome, 404 across tenants, 403 for a viewer", async () => {
    const params = await sessionWithFix();
    await expectUntouched(params, () => outcome(a.engineer.id, params, { outcome: "fixed" }), 422);
    await expectUntouched(params, () => outcome(b.owner.id, params, { outcome: "applied_success" }), 404);
    await expectUntouched(params, () => outcome(a.viewer.id, params, { outcome: "applied_success" }), 403);
    await expectUntouched(params, () => outcome(a.admin.id, params, { outcome: "applied_success" }), 404);
  });
});

describe("DELETE …/[fid]/ai-outcome-proposal (D5 'Not yet')", () => {
  it("clears the proposal without touching status or state_version", async () => {
    const params = await sessionWithFix();
    await propose(params.fid);
    const before = await stateVersionOf(params.id);
    const response = await clearProposal(a.engineer.id, params);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: params.fid, status: "proposed", ai_outcome_proposal: null });
    expect((await storedFix(params.fid)).aiOutcomeProposal).toBeNull();
    expect(await stateVersionOf(params.id)).toBe(before);
  });

  it("is 404 across tenants and for a fix of another session, 403 for a viewer; the proposal stays", async () => {
    const params = await sessionWithFix();
    const other = await sessionWithFix();
    await propose(params.fid);
    await propose(other.fid);
    await expectUntouched(params, () => clearProposal(b.owner.id, params), 404);
    await expectUntouched(params, () => clearProposal(a.viewer.id, params), 403);
    await expectUntouched(other, () => clearProposal(a.engineer.id, { id: params.id, fid: other.fid }), 404);
  });
});

describe("POST …/[fid]/draft-script (D6)", () => {
  it("saves the script and parameters without stamping applied_at, and bumps state_version", async () => {
    const params = await sessionWithFix();
    const before = await stateVersionOf(params.id);
    const script = "param($Printer)\nRestart-Service Spooler\n";
    const response = await draftScript(a.engineer.id, params, { script, parameters: { Printer: "Warehouse" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ai_drafted_script: script, ai_drafted_parameters: { Printer: "Warehouse" }, applied_at: null });
    expect(await storedFix(params.fid)).toMatchObject({ aiDraftedScript: script, appliedAt: null, status: "proposed" });
    expect(await stateVersionOf(params.id)).toBe(before + 1);
  });

  it("is allowed on a partly applied fix", async () => {
    const params = await sessionWithFix({ fix: { status: "applied_partial" } });
    expect((await draftScript(a.engineer.id, params, { script: "Get-Printer" })).status).toBe(200);
  });

  it.each(["applied_success", "applied_failed", "dismissed"] as const)("is 409 on a %s fix", async (status) => {
    const params = await sessionWithFix({ fix: { status } });
    await expectUntouched(params, () => draftScript(a.engineer.id, params, { script: "Get-Printer" }), 409);
  });

  it("is 404 for a fix of another session", async () => {
    const params = await sessionWithFix();
    const other = await sessionWithFix();
    await expectUntouched(other, () => draftScript(a.engineer.id, { id: params.id, fid: other.fid }, { script: "Get-Printer" }), 404);
  });

  it.each([[""], ["  \n "]])("is 422 for an empty script %j", async (script) => {
    const params = await sessionWithFix();
    await expectUntouched(params, () => draftScript(a.engineer.id, params, { script }), 422);
    await expectUntouched(params, () => draftScript(a.engineer.id, params, {}), 422);
  });

  it("is 404 across tenants, 403 for a viewer and for a teammate on an escalated session", async () => {
    const params = await sessionWithFix({ status: "escalated" });
    await expectUntouched(params, () => draftScript(b.owner.id, params, { script: "x" }), 404);
    await expectUntouched(params, () => draftScript(a.viewer.id, params, { script: "x" }), 403);
    await expectUntouched(params, () => draftScript(a.owner.id, params, { script: "x" }), 403);
  });
});
