import { beforeAll, describe, expect, it } from "vitest";
import { parseMarkers } from "@/lib/ai/markers";
import { applyReply } from "@/lib/chat/apply-reply";
import { db } from "@/lib/db";
import { runInTenantScope } from "@/lib/tenancy/scope";
import { createSessionFor, createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTenant("Apply reply MSP");
  b = await createTenant("Apply reply other MSP");
});

const block = (name: string, json: unknown) => `[${name}]\n${JSON.stringify(json)}\n[/${name}]`;
const EMPTY_LANE = { questions: [], actions: [] };

const apply = (accountId: string, sessionId: string, reply: string) =>
  runInTenantScope(accountId, () => applyReply({ accountId, sessionId, taskLane: EMPTY_LANE, parsed: parseMarkers(reply) }));

const fixesOf = (sessionId: string) => db.sessionSuggestedFix.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" } });

describe("applyReply", () => {
  it("saves the reply's facts in its order, and its fix over the active one, bumping state_version once each", async () => {
    const session = await createSessionFor(a.engineer);
    const first = await apply(a.accountId, session.id, block("SUGGEST_FIX", { title: "Restart the spooler", description: "Restart it.", confidence: 50 }));
    const second = await apply(a.accountId, session.id, [
      block("PROMOTE", [{ text: "Third floor only" }, { text: "Since Tuesday's patch" }, { text: "HP M507 printers" }]),
      block("SUGGEST_FIX", { title: "Roll back KB5031", description: "Uninstall the update.", confidence: 80 }),
    ].join("\n"));

    expect(second.facts_added.map((fact) => fact.text)).toEqual(["Third floor only", "Since Tuesday's patch", "HP M507 printers"]);
    expect(second.facts_added[0]).toMatchObject({ source_kind: "ai_promote", editable: true, session_id: session.id, created_at: expect.any(Date) });
    expect(second.state_version).toBe(first.state_version + 2);
    const fixes = await fixesOf(session.id);
    expect(fixes.map((fix) => [fix.title, fix.supersededAt === null])).toEqual([["Restart the spooler", false], ["Roll back KB5031", true]]);
    expect(second.suggested_fix).toMatchObject({ id: fixes[1]!.id, title: "Roll back KB5031", status: "proposed", superseded_at: null, created_at: fixes[1]!.createdAt });
  });

  it("gives an unnamed [FIX_OUTCOME] to the fix suggested in the same reply, and a named one to nothing", async () => {
    const session = await createSessionFor(a.engineer);
    const outcome = (fixId?: string) => block("FIX_OUTCOME", { outcome: "applied_success", notes: "Works now.", ...(fixId ? { fix_id: fixId } : {}) });
    const suggest = block("SUGGEST_FIX", { title: "Clear the queue", description: "Delete the stuck jobs.", confidence: 70 });

    const unnamed = await apply(a.accountId, session.id, `${suggest}\n${outcome()}`);
    expect(unnamed.outcome_proposal).toMatchObject({ id: unnamed.suggested_fix!.id, ai_outcome_proposal: { outcome: "applied_success", notes: "Works now." } });

    const named = await apply(a.accountId, session.id, `${suggest}\n${outcome(unnamed.suggested_fix!.id)}`);
    expect(named.outcome_proposal).toBeNull();
    expect((await fixesOf(session.id)).at(-1)!.aiOutcomeProposal).toBeNull();
  });

  it("writes an outcome only as a proposal on the active fix (D5): no status change, no bump", async () => {
    const session = await createSessionFor(a.engineer);
    const suggested = await apply(a.accountId, session.id, block("SUGGEST_FIX", { title: "Clear the queue", description: "Delete the stuck jobs.", confidence: 70 }));
    const result = await apply(a.accountId, session.id, block("FIX_OUTCOME", { outcome: "applied_success", notes: " Printing again " }));
    expect(result.outcome_proposal?.id).toBe(suggested.suggested_fix!.id);
    expect(result.state_version).toBe(suggested.state_version);
    const [stored] = await fixesOf(session.id);
    expect(stored).toMatchObject({ status: "proposed", appliedAt: null, aiOutcomeProposal: { outcome: "applied_success", notes: "Printing again" } });
  });

  it("writes no outcome without an active fix, for another fix's id, or on a fix with a final outcome", async () => {
    const session = await createSessionFor(a.engineer);
    const outcome = (fixId?: string) => block("FIX_OUTCOME", { outcome: "applied_failed", ...(fixId ? { fix_id: fixId } : {}) });
    expect((await apply(a.accountId, session.id, outcome())).outcome_proposal).toBeNull();
    const fix = (title: string) => block("SUGGEST_FIX", { title, description: `${title}.`, confidence: 60 });
    const old = (await apply(a.accountId, session.id, fix("Reset Winsock"))).suggested_fix!;
    const current = (await apply(a.accountId, session.id, fix("Flush DNS"))).suggested_fix!;
    expect((await apply(a.accountId, session.id, outcome(old.id))).outcome_proposal).toBeNull();
    await db.sessionSuggestedFix.update({ where: { id: current.id }, data: { status: "applied_success" } });
    expect((await apply(a.accountId, session.id, outcome(current.id))).outcome_proposal).toBeNull();
    expect((await fixesOf(session.id)).map((stored) => stored.aiOutcomeProposal)).toEqual([null, null]);
  });

  it("queues two replies with fixes on one session: both saved, exactly one fix left active", async () => {
    const session = await createSessionFor(a.engineer);
    const fix = (title: string) => block("SUGGEST_FIX", { title, description: `${title}.`, confidence: 60 });
    // Both replies arrive while something else holds the session row, so they wait on it together.
    const replies = await runInTenantScope(a.accountId, () =>
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM ai_sessions WHERE id = ${session.id}::uuid FOR UPDATE`;
        const waiting = [apply(a.accountId, session.id, fix("Reset Winsock")), apply(a.accountId, session.id, fix("Flush DNS"))];
        await new Promise((resolve) => setTimeout(resolve, 300));
        return waiting;
      }),
    );
    const results = await Promise.all(replies);
    expect(results.map((result) => result.suggested_fix?.title).sort()).toEqual(["Flush DNS", "Reset Winsock"]);
    const active = (await fixesOf(session.id)).filter((stored) => stored.supersededAt === null);
    expect(active).toHaveLength(1);
    expect((await db.aiSession.findUniqueOrThrow({ where: { id: session.id } })).stateVersion).toBe(2);
  });

  it("is not_found for another account's session, and writes nothing there", async () => {
    const theirs = await createSessionFor(b.engineer);
    await expect(apply(a.accountId, theirs.id, block("PROMOTE", [{ text: "Should not land" }]))).rejects.toMatchObject({ code: "not_found" });
    expect(await db.sessionFact.count({ where: { sessionId: theirs.id } })).toBe(0);
    expect(await db.aiSessionStep.count({ where: { sessionId: theirs.id } })).toBe(0);
  });
});
