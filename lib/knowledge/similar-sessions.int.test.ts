import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as similarRoute from "@/app/api/v1/ai-sessions/[id]/similar/route";
import { db } from "@/lib/db";
import { runInTenantScope } from "@/lib/tenancy/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { anyWordQuery, findSimilarSessions, listSimilarSessions, similarSessionsQuery, similarityText } from "@/lib/knowledge/similar-sessions";
import { asTableOwner } from "@/tests/helpers/as-table-owner";
import { callRoute } from "@/tests/helpers/call-route";
import { seedOpenSession, seedResolvedSession } from "@/tests/helpers/similar-sessions";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
const ids: Record<string, string> = {};

// A small help-desk history: two families worded differently, plus unrelated noise.
beforeAll(async () => {
  a = await createTenant("Similar A");
  b = await createTenant("Similar B");
  const corpus = {
    outlookOst: {
      title: "Outlook hangs on Loading Profile for accounting user",
      facts: ["Outlook 365 stuck at the loading profile splash", "OST file is 48 GB", "Safe mode also hangs"],
      fix: { title: "Rebuild the Outlook OST cache", description: "Rename the OST file and let Outlook resync the mailbox." },
      note: "Renamed the oversized OST; Outlook resynced and opened normally.",
    },
    outlookPartial: {
      title: "Outlook freezes at startup after Windows update",
      facts: ["Outlook not responding when opening", "Add-ins disabled did not help"],
      fix: { title: "Repair the Office install", status: "applied_partial" as const },
    },
    printer: {
      title: "Printer offline on second floor",
      facts: ["Print spooler service stopped", "Jobs stuck in the queue"],
      fix: { title: "Restart the print spooler" },
    },
    vpn: {
      title: "VPN drops every 10 minutes for remote sales",
      facts: ["FortiClient disconnects", "Home router double NAT"],
      fix: { title: "Lower the MTU on the VPN adapter" },
    },
    bitlocker: {
      title: "BitLocker recovery key prompt at every boot",
      facts: ["TPM cleared after a BIOS update"],
      fix: { title: "Suspend and resume BitLocker protection" },
    },
    outlookReopened: {
      title: "Outlook stuck loading profile on reception PC",
      facts: ["Outlook hangs at loading profile"],
      fix: { title: "Create a new Outlook mail profile" },
      reopened: true,
    },
  };
  for (const [key, seed] of Object.entries(corpus)) ids[key] = (await seedResolvedSession(a.engineer, seed)).session.id;
  ids.otherTenant = (
    await seedResolvedSession(b.engineer, {
      title: "Outlook hangs on loading profile",
      facts: ["Outlook stuck at loading profile", "OST file very large"],
      fix: { title: "Rebuild the Outlook OST cache" },
    })
  ).session.id;
});

const askAbout = async (title: string, facts: string[]) => {
  const session = await seedOpenSession(a.engineer, title, facts);
  return { session, items: (await listSimilarSessions(viewerOf(a.engineer), session.id)).items };
};

describe("findSimilarSessions", () => {
  it("ranks the same problem worded differently above unrelated sessions, with its fix and outcome", async () => {
    const { items } = await askAbout("Outlook won't open, stuck on profile screen", ["User says Outlook sits on Loading Profile forever"]);
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({
      session_id: ids.outlookOst,
      fix_title: "Rebuild the Outlook OST cache",
      outcome: "worked",
      resolved_by: a.engineer.name,
      can_open: true,
    });
    expect(items[0]!.resolved_at).toBeInstanceOf(Date);
    const ranked = items.map((item) => item.session_id);
    for (const unrelated of [ids.printer, ids.vpn, ids.bitlocker]) expect(ranked).not.toContain(unrelated);
    expect(items.find((item) => item.session_id === ids.outlookPartial)?.outcome).toBe("partially");
  });

  it("finds a printer problem from its facts alone", async () => {
    const { items } = await askAbout("Ticket 4411 from front desk", ["Nothing prints, the spooler keeps stopping"]);
    expect(items[0]?.session_id).toBe(ids.printer);
  });

  it("tolerates a misspelt title through trigram similarity", async () => {
    const { items } = await askAbout("BitLockr recovry key promt at evry boot", []);
    expect(items[0]?.session_id).toBe(ids.bitlocker);
  });

  it("never returns another tenant's sessions, a reopened one or the session itself", async () => {
    const { session, items } = await askAbout("Outlook hangs on loading profile", ["Outlook stuck at loading profile", "OST file very large"]);
    const ranked = items.map((item) => item.session_id);
    expect(ranked).not.toContain(ids.otherTenant);
    expect(ranked).not.toContain(ids.outlookReopened);
    expect(ranked).not.toContain(session.id);
    const asB = await findSimilarSessions({ accountId: b.accountId, sessionId: session.id, title: "Outlook hangs on loading profile", text: "Outlook loading profile" });
    expect(asB.map((item) => item.session_id)).toEqual([ids.otherTenant]);
  });

  it("counts a resolution again once the reopened mark is cleared", async () => {
    await db.aiSession.update({ where: { id: ids.outlookReopened }, data: { reopenedAt: null } });
    const { items } = await askAbout("Outlook stuck loading profile", []);
    expect(items.map((item) => item.session_id)).toContain(ids.outlookReopened);
    await db.aiSession.update({ where: { id: ids.outlookReopened }, data: { reopenedAt: new Date() } });
  });

  it("marks a teammate's session as not openable by an engineer, openable by a viewer", async () => {
    const session = await seedOpenSession(a.admin, "Printer offline, spooler stopped");
    const asAdmin = await listSimilarSessions(viewerOf(a.admin), session.id);
    expect(asAdmin.items[0]).toMatchObject({ session_id: ids.printer, can_open: false });
    const asViewer = await listSimilarSessions(viewerOf(a.viewer), session.id);
    expect(asViewer.items[0]).toMatchObject({ session_id: ids.printer, can_open: true });
  });
});

describe("the search document", () => {
  const documentOf = async (id: string) =>
    (await db.$queryRaw<{ doc: string | null }[]>`SELECT search_vector::text AS doc FROM ai_sessions WHERE id = ${id}::uuid`)[0]!.doc;

  it("exists for resolved sessions only and follows later fact and fix changes", async () => {
    const open = await seedOpenSession(a.engineer, "Teams camera black", ["Camera works in the Windows camera app"]);
    expect(await documentOf(open.id)).toBeNull();
    const { session, fix } = await seedResolvedSession(a.engineer, { title: "Teams camera black", fix: { title: "Reset the Teams cache" } });
    expect(await documentOf(session.id)).toContain("'cach'");
    const fact = await db.sessionFact.create({ data: { accountId: a.accountId, sessionId: session.id, text: "Logitech webcam firmware", sourceKind: "engineer_note" } });
    expect(await documentOf(session.id)).toContain("'logitech'");
    await db.sessionFact.update({ where: { id: fact.id }, data: { deletedAt: new Date() } });
    expect(await documentOf(session.id)).not.toContain("'logitech'");
    await db.sessionSuggestedFix.update({ where: { id: fix!.id }, data: { status: "applied_failed" } });
    expect(await documentOf(session.id)).not.toContain("'cach'");
  });

  it("prices title similarity above a plain operator, so the planner weighs the trigram index against reading every title", async () => {
    // pg_trgm declares both at cost 1; filtering a large account's resolved titles that way was ~45 ms
    // on the bench's tenant against ~5 ms through the index (prisma/migrations/*_trigram_similarity_cost).
    const costs = await db.$queryRaw<{ name: string; cost: number }[]>`
      SELECT proname AS name, procost::float AS cost FROM pg_proc
      WHERE oid IN ('similarity_op(text, text)'::regprocedure, 'similarity(text, text)'::regprocedure) ORDER BY proname`;
    expect(costs).toEqual([{ name: "similarity", cost: 100 }, { name: "similarity_op", cost: 100 }]);
  });

  it("is searched through its GIN indexes (full text and title trigrams)", async () => {
    // A realistic history, so the planner prefers the search indexes to scanning the account.
    const big = await createTenant("Similar big");
    await db.$executeRaw`
      INSERT INTO ai_sessions (id, account_id, user_id, title, status, updated_at)
      SELECT gen_random_uuid(), ${big.accountId}::uuid, ${big.engineer.id}::uuid,
        (ARRAY['Printer offline', 'VPN drops', 'Mailbox full', 'Disk space low', 'Password reset'])[1 + n % 5] || ' ' || left(md5(n::text), 8),
        'resolved', now()
      FROM generate_series(1, 5000) AS n`;
    // VACUUM flushes the GIN pending list (fresh inserts sit there), as autovacuum does in service.
    await asTableOwner("VACUUM ANALYZE ai_sessions");
    const text = similarityText("Outlook stuck on profile", [{ text: "OST file large" }]);
    const query = similarSessionsQuery({
      accountId: big.accountId,
      sessionId: randomUUID(),
      title: "Outlook stuck on profile",
      text,
      tsquery: await anyWordQuery(text),
    });
    // In the tenant's scope, as the app runs it, so row-level security shapes the plan. At 5,000
    // rows a sequential scan still competes on cost; priced out, the planner must choose the two
    // search indexes over reading the account's rows through its btree.
    const plan = await runInTenantScope(big.accountId, () =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        return tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${query}`);
      }),
    );
    const shown = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(shown).toContain("ai_sessions_similar_search_idx");
    expect(shown).toContain("ai_sessions_search_trgm");
  });
});

describe("similarSessionsQuery's plan", () => {
  it("looks up the fix of the best matches only, not of every candidate", async () => {
    const wide = await createTenant("Similar wide");
    for (let i = 0; i < 12; i += 1) {
      await seedResolvedSession(wide.engineer, { title: `Scanner offline on floor ${i}`, facts: ["Scanner driver missing"], fix: { title: `Reinstall the scanner driver ${i}` } });
    }
    const text = similarityText("Scanner offline", [{ text: "Scanner driver missing" }]);
    const query = similarSessionsQuery({ accountId: wide.accountId, sessionId: randomUUID(), title: "Scanner offline", text, tsquery: await anyWordQuery(text), limit: 3 });
    const [row] = await runInTenantScope(wide.accountId, () =>
      db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`),
    );
    const nodes = flattenPlan(row!["QUERY PLAN"][0].Plan);
    const candidates = nodes.find((node) => node["Relation Name"] === "ai_sessions")!;
    const fixLookups = nodes.filter((node) => node["Relation Name"] === "session_suggested_fixes");
    expect(candidates["Actual Rows"]).toBe(12);
    expect(fixLookups.length).toBeGreaterThan(0);
    for (const lookup of fixLookups) expect(lookup["Actual Loops"]).toBeLessThanOrEqual(3);
  });
});

type PlanNode = { "Relation Name"?: string; "Actual Rows": number; "Actual Loops": number; Plans?: PlanNode[] };

function flattenPlan(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flattenPlan)];
}

describe("GET /api/v1/ai-sessions/[id]/similar", () => {
  const get = (as: string, id: string, query?: Record<string, string>) => callRoute(similarRoute.GET, "GET", { as, params: { id }, query });

  it("answers { items } in the documented shape", async () => {
    const session = await seedOpenSession(a.engineer, "VPN keeps disconnecting", ["FortiClient drops the tunnel"]);
    const response = await get(a.engineer.id, session.id, { limit: "2" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: Record<string, unknown>[] };
    expect(body.items.length).toBeLessThanOrEqual(2);
    expect(body.items[0]).toMatchObject({ session_id: ids.vpn, title: expect.any(String), score: expect.any(Number), fix_title: "Lower the MTU on the VPN adapter", outcome: "worked", resolved_by: a.engineer.name, resolved_at: expect.any(String) });
  });

  it("is a 404 for another tenant's session and a 422 for a bad id or limit", async () => {
    const theirs = await seedOpenSession(b.engineer, "Outlook hangs");
    expect((await get(a.engineer.id, theirs.id)).status).toBe(404);
    expect((await get(a.engineer.id, "not-a-uuid")).status).toBe(422);
    const mine = await seedOpenSession(a.engineer, "Outlook hangs");
    const tooMany = await get(a.engineer.id, mine.id, { limit: "50" });
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as { error: { code: string } }).error.code).toBe("invalid");
  });

  it("is a 404 for a teammate's session the engineer can't read, and readable by the account's viewer", async () => {
    const mine = await seedOpenSession(a.engineer, "Printer offline");
    expect((await get(a.admin.id, mine.id)).status).toBe(404);
    expect((await get(a.viewer.id, mine.id)).status).toBe(200);
    expect((await get(a.engineer.id, mine.id)).status).toBe(200);
  });
});
