import { beforeAll, describe, expect, it } from "vitest";
import * as activeRoute from "@/app/api/v1/ai-sessions/[id]/suggested-fixes/active/route";
import { db } from "@/lib/db";
import { recordSuggestedFix } from "@/lib/fixes/fix-recorder";
import { callRoute } from "@/tests/helpers/call-route";
import { stateVersionOf } from "@/tests/helpers/session-state";
import { storedFix, suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant("Fixes A");
  b = await createTenant("Fixes B");
});

const newSession = async (status: "active" | "escalated" = "active") => (await createSessionFor(a.engineer, { status })).id;
const getActive = (as: string, id: string) => callRoute(activeRoute.GET, "GET", { as, params: { id } });
const activeFixes = (sessionId: string) => db.sessionSuggestedFix.findMany({ where: { sessionId, supersededAt: null } });

describe("recordSuggestedFix (D1)", () => {
  it("inserts the fix as the active one and bumps state_version", async () => {
    const id = await newSession();
    const fix = await suggestFix(a.engineer, id, { title: "  Clear the queue  ", confidence: 64 });
    expect(fix).toMatchObject({ session_id: id, title: "Clear the queue", confidence: 64, status: "proposed", superseded_at: null });
    expect(await stateVersionOf(id)).toBe(1);
  });

  it("supersedes the active fix; the newest is the only active one", async () => {
    const id = await newSession();
    const first = await suggestFix(a.engineer, id, { title: "First" });
    const second = await suggestFix(a.engineer, id, { title: "Second" });
    expect((await storedFix(first.id)).supersededAt).toBeInstanceOf(Date);
    expect((await activeFixes(id)).map((fix) => fix.id)).toEqual([second.id]);
    expect(await stateVersionOf(id)).toBe(2);
  });

  it.each([
    [140, 100],
    [-5, 0],
    [55.6, 56],
    [Number.NaN, 0],
  ])("clamps confidence %s to %s", async (given, stored) => {
    const fix = await suggestFix(a.engineer, await newSession(), { confidence: given });
    expect(fix.confidence).toBe(stored);
  });

  it("keeps a template of the account and drops another tenant's, an archived or a malformed one", async () => {
    const id = await newSession();
    const mine = await db.scriptTemplate.create({ data: { accountId: a.accountId, name: "Mine", language: "powershell", body: "x" } });
    const archived = await db.scriptTemplate.create({
      data: { accountId: a.accountId, name: "Old", language: "powershell", body: "x", archivedAt: new Date() },
    });
    const theirs = await db.scriptTemplate.create({ data: { accountId: b.accountId, name: "Theirs", language: "powershell", body: "x" } });
    expect((await suggestFix(a.engineer, id, { templateId: mine.id })).template_id).toBe(mine.id);
    expect((await suggestFix(a.engineer, id, { templateId: archived.id })).template_id).toBeNull();
    expect((await suggestFix(a.engineer, id, { templateId: theirs.id })).template_id).toBeNull();
    expect((await suggestFix(a.engineer, id, { templateId: "not-a-uuid" })).template_id).toBeNull();
  });

  it("stores the AI-drafted script and parameters", async () => {
    const fix = await suggestFix(a.engineer, await newSession(), { aiDraftedScript: "Get-Printer", aiDraftedParameters: { printer: "P1" } });
    expect(fix).toMatchObject({ ai_drafted_script: "Get-Printer", ai_drafted_parameters: { printer: "P1" } });
  });

  it("leaves exactly one active fix when called concurrently", async () => {
    const id = await newSession();
    await suggestFix(a.engineer, id, { title: "Before" });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, index) => suggestFix(a.engineer, id, { title: `Concurrent ${index}` })),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await activeFixes(id)).toHaveLength(1);
    expect(await db.sessionSuggestedFix.count({ where: { sessionId: id } })).toBe(7);
    expect(await stateVersionOf(id)).toBe(7);
  });

  it("refuses a session of another account", async () => {
    const id = await newSession();
    await expect(
      db.$transaction((tx) => recordSuggestedFix(tx, { accountId: b.accountId, sessionId: id, fix: { title: "x", description: "y", confidence: 1 } })),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.sessionSuggestedFix.count({ where: { sessionId: id } })).toBe(0);
  });
});

describe("GET /api/v1/ai-sessions/[id]/suggested-fixes/active", () => {
  it("returns the active fix in snake_case", async () => {
    const id = await newSession();
    await suggestFix(a.engineer, id, { title: "Old" });
    const fix = await suggestFix(a.engineer, id, { title: "Current" });
    const response = await getActive(a.engineer.id, id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: fix.id, title: "Current", status: "proposed", applied_at: null, ai_outcome_proposal: null });
  });

  it("is 404 when the session has no active fix (none yet, or the last one dismissed)", async () => {
    const id = await newSession();
    expect((await getActive(a.engineer.id, id)).status).toBe(404);
    const fix = await suggestFix(a.engineer, id);
    await db.sessionSuggestedFix.update({ where: { id: fix.id }, data: { supersededAt: new Date() } });
    expect((await getActive(a.engineer.id, id)).status).toBe(404);
  });

  it("is 404 across tenants and for a teammate on an active session; any member reads an escalated one", async () => {
    const id = await newSession();
    await suggestFix(a.engineer, id);
    expect((await getActive(b.owner.id, id)).status).toBe(404);
    expect((await getActive(a.admin.id, id)).status).toBe(404);
    const escalated = await newSession("escalated");
    await suggestFix(a.engineer, escalated);
    expect((await getActive(a.viewer.id, escalated)).status).toBe(200);
    expect((await getActive(b.owner.id, escalated)).status).toBe(404);
  });
});
