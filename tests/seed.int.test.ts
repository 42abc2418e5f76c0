import { beforeAll, describe, expect, it } from "vitest";
import { SignInRefused, verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { getSidebarCounts } from "@/lib/shell/sidebar-counts";
import { getEscalationMetric } from "@/lib/analytics/escalation-metric";
import { getReopenMetric } from "@/lib/analytics/reopen-metric";
import { listScriptCategories } from "@/lib/scripts/templates/categories";
import { listScriptTemplates } from "@/lib/scripts/templates/list-templates";
import { renderScript } from "@/lib/scripts/generate/render-script";
import { seedDemo } from "@/prisma/seed";
import { PAST_ESCALATIONS } from "@/prisma/seed-history";
import { RESOLVED_HISTORY, resolvedHistoryId } from "@/prisma/seed-resolved";
import { demoAccount, demoSessions, demoUsers, otherAccount, otherSessions, otherUsers } from "@/prisma/seed-data";

const PASSWORD = "seed-test-password";

/** Row count of every application table, read from the catalogue so new tables are covered too. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "${table}"`);
    counts[table] = Number(row?.count ?? 0);
  }
  return counts;
}

const viewerOfDemo = (user: (typeof demoUsers)[keyof typeof demoUsers]) => ({
  userId: user.id,
  accountId: demoAccount.id,
  role: user.role,
  email: user.email,
  name: user.name,
});

async function refusalOf(input: unknown): Promise<SignInRefused> {
  const outcome = await verifyCredentials(input).catch((error: unknown) => error);
  expect(outcome).toBeInstanceOf(SignInRefused);
  return outcome as SignInRefused;
}

let firstRun: Record<string, number>;
beforeAll(async () => {
  await seedDemo(db, PASSWORD);
  firstRun = await rowCounts();
}, 120_000);

describe("seedDemo", () => {
  it("writes the demo data", () => {
    expect(firstRun.accounts).toBe(2);
    expect(firstRun.users).toBe(Object.keys(demoUsers).length + Object.keys(otherUsers).length);
    expect(firstRun.ai_sessions).toBe(Object.keys(demoSessions).length + Object.keys(otherSessions).length + PAST_ESCALATIONS.length + RESOLVED_HISTORY.length);
  });

  it("gives Analytics a month of claimed escalations, all resolved since", async () => {
    const metric = await getEscalationMetric(viewerOfDemo(demoUsers.senior), { period: "30d" });
    const worked = PAST_ESCALATIONS.filter((past) => past.firstActionAfterSeconds !== null);
    expect(metric).toMatchObject({ n_handoffs_claimed: PAST_ESCALATIONS.length, n_handoffs_with_action: worked.length });
    expect(metric.avg_seconds).toBeCloseTo(worked.reduce((sum, past) => sum + past.firstActionAfterSeconds!, 0) / worked.length, 0);
    expect((await getEscalationMetric(viewerOfDemo(demoUsers.senior), { period: "7d" })).n_handoffs_claimed).toBe(PAST_ESCALATIONS.filter((past) => past.daysAgo * 24 * 60 - past.claimAfterMinutes < 7 * 24 * 60).length);
  });

  it("creates a session in every status", async () => {
    const sessions = await db.aiSession.findMany({ where: { accountId: demoAccount.id }, select: { id: true, status: true } });
    expect(new Set(sessions.map((session) => session.status))).toEqual(
      new Set(["active", "parked", "escalated", "requesting_escalation", "resolved"]),
    );
    const escalatorOfHistory = demoUsers.admin.id;
    const historyIds = RESOLVED_HISTORY.map((_, index) => resolvedHistoryId(index));
    const storySessions = await db.aiSession.findMany({ where: { accountId: demoAccount.id, userId: { not: escalatorOfHistory }, id: { notIn: historyIds } }, select: { id: true } });
    expect(storySessions.map((session) => session.id).sort()).toEqual(Object.values(demoSessions).sort());
  });

  it("creates the soft-deleted user", async () => {
    const removed = await db.user.findUnique({ where: { id: demoUsers.removed.id } });
    expect(removed?.email).toBe("removed@demo-msp.test");
    expect(removed?.deletedAt).toBeInstanceOf(Date);
    expect(await db.appNotification.count({ where: { userId: demoUsers.removed.id } })).toBe(0);
  });

  it("creates a second tenant with its own user and session", async () => {
    const other = await db.account.findUnique({ where: { id: otherAccount.id }, include: { users: true, sessions: true } });
    expect(other?.users.map((user) => user.id)).toEqual([otherUsers.owner.id]);
    expect(other?.sessions.map((session) => session.id)).toEqual([otherSessions.active]);
  });

  it("creates a small script library: categories, templates with version 1, a secret, and provenance", async () => {
    const viewer = viewerOfDemo(demoUsers.viewer);
    const categories = (await listScriptCategories(viewer)).items;
    expect(categories.map((category) => category.name)).toEqual(["Email & Office", "Endpoint maintenance", "Identity & access", "Networking", "Printing"]);
    const templates = (await listScriptTemplates(viewer)).items;
    expect(templates).toHaveLength(6);
    expect(templates.every((template) => template.version === 1 && template.category !== null && template.parameters.length > 0)).toBe(true);
    expect(await db.scriptTemplateVersion.count({ where: { accountId: demoAccount.id, version: 1 } })).toBe(6);
    const reset = templates.find((template) => template.name === "Reset a local account password")!;
    expect(reset.parameters.find((parameter) => parameter.name === "new_password")).toMatchObject({ type: "secret", sensitive: true, default: null });
    expect(reset.provenance).toEqual({ session_id: demoSessions.resolved, ticket_ref: "CW #48210", resolved_by: { id: demoUsers.junior.id, name: demoUsers.junior.name } });
    expect(templates.filter((template) => template.provenance)).toHaveLength(1);
    const fix = await db.sessionSuggestedFix.findFirstOrThrow({ where: { sessionId: demoSessions.resolved } });
    expect(fix.templateId).toBe(reset.id);
    expect(await db.scriptTemplate.count({ where: { accountId: otherAccount.id } })).toBe(0);
  });

  it("seeds templates that render: a quote or $(…) in a value stays text, no {{placeholder}} is left", async () => {
    for (const template of (await listScriptTemplates(viewerOfDemo(demoUsers.viewer))).items) {
      const values = Object.fromEntries(
        template.parameters.map((parameter) => [parameter.name, parameter.type === "boolean" ? true : parameter.type === "number" ? 7 : "it's $(whoami)"]),
      );
      const { script } = renderScript({ language: template.language, body: template.body, parameters: template.parameters, values });
      expect(script, template.name).not.toContain("{{");
      if (template.parameters.some((parameter) => parameter.type === "text")) expect(script, template.name).toContain("'it''s $(whoami)'");
    }
  });

  it("creates one pending draft template", async () => {
    expect(await db.draftTemplate.count({ where: { accountId: demoAccount.id, status: "pending" } })).toBe(1);
  });

  it("gives the demo junior 2 escalations and 1 pending draft in the sidebar", async () => {
    expect(await getSidebarCounts(viewerOfDemo(demoUsers.junior))).toEqual({ escalations: 2, pendingDrafts: 1, unreadNotifications: 0 });
  });

  it("notifies the eligible teammates of each escalation, never the escalator, viewer or removed user", async () => {
    for (const user of [demoUsers.owner, demoUsers.admin, demoUsers.senior]) {
      expect((await getSidebarCounts(viewerOfDemo(user))).unreadNotifications).toBe(2);
    }
    for (const user of [demoUsers.junior, demoUsers.viewer, demoUsers.removed]) {
      expect(await db.appNotification.count({ where: { userId: user.id } })).toBe(0);
    }
  });

  it("leaves the second tenant's sidebar untouched by the demo data", async () => {
    const counts = await getSidebarCounts({ ...viewerOfDemo(demoUsers.owner), userId: otherUsers.owner.id, accountId: otherAccount.id });
    expect(counts).toEqual({ escalations: 0, pendingDrafts: 0, unreadNotifications: 0 });
  });

  it("signs the demo users in with the demo password", async () => {
    for (const user of [demoUsers.owner, demoUsers.junior, demoUsers.viewer, otherUsers.owner]) {
      expect((await verifyCredentials({ email: user.email, password: PASSWORD })).id).toBe(user.id);
    }
  });

  it("refuses removed@demo-msp.test", async () => {
    expect((await refusalOf({ email: "removed@demo-msp.test", password: PASSWORD })).reason).toBe("account_removed");
  });
});

describe("the resolved history", () => {
  const historyIds = RESOLVED_HISTORY.map((_, index) => resolvedHistoryId(index));

  it("holds 20–30 resolved sessions across the problem families, each with facts, a fix that worked and a note", async () => {
    expect(RESOLVED_HISTORY.length).toBeGreaterThanOrEqual(20);
    expect(RESOLVED_HISTORY.length).toBeLessThanOrEqual(30);
    const sessions = await db.aiSession.findMany({
      where: { id: { in: historyIds } },
      select: { status: true, resolvedAt: true, resolutionNoteMarkdown: true, userId: true, facts: { select: { id: true } }, fixes: { select: { status: true, title: true } }, documentation: { select: { kind: true } } },
    });
    expect(sessions).toHaveLength(RESOLVED_HISTORY.length);
    for (const session of sessions) {
      expect(session.status).toBe("resolved");
      expect(session.resolutionNoteMarkdown).toContain("## Root cause");
      expect(session.facts.length).toBeGreaterThanOrEqual(3);
      expect(session.fixes).toEqual([expect.objectContaining({ status: "applied_success" })]);
      expect(session.documentation.map((doc) => doc.kind)).toEqual(["resolution_note"]);
    }
    // Resolved by several people, never the junior, spread over the last 90 days.
    const resolvers = new Set(sessions.map((session) => session.userId));
    expect(resolvers.size).toBeGreaterThanOrEqual(3);
    expect(resolvers.has(demoUsers.junior.id)).toBe(false);
    const ages = sessions.map((session) => (Date.now() - session.resolvedAt!.getTime()) / 86_400_000);
    expect(Math.max(...ages)).toBeLessThan(90);
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(60);
    // The same fix recurs under differently worded titles.
    const perFix = new Map<string, number>();
    for (const session of sessions) perFix.set(session.fixes[0]!.title, (perFix.get(session.fixes[0]!.title) ?? 0) + 1);
    expect([...perFix.values()].some((count) => count >= 3)).toBe(true);
    expect(sessions.filter((session) => session.fixes.some((fix) => fix.title === "Clear cached Office credentials and re-authenticate")).length).toBeGreaterThanOrEqual(2);
  });

  it("words one problem so that a new session's title finds its earlier resolutions by full-text search", async () => {
    // "Outlook keeps asking for password": the lexemes of the title, any of them, ranked.
    const rows = await db.$queryRaw<{ title: string }[]>`
      SELECT title FROM ai_sessions
       WHERE id::text = ANY(${historyIds})
         AND to_tsvector('english', title || ' ' || coalesce(resolution_note_markdown, '')) @@ to_tsquery('english', 'outlook | keep | ask | password')
       ORDER BY ts_rank(to_tsvector('english', title || ' ' || coalesce(resolution_note_markdown, '')), to_tsquery('english', 'outlook | keep | ask | password')) DESC
       LIMIT 3`;
    expect(rows.length).toBe(3);
    expect(rows.every((row) => /outlook/i.test(row.title))).toBe(true);
  });

  it("gives the reopen rate something to show", async () => {
    const metric = await getReopenMetric(viewerOfDemo(demoUsers.senior), { period: "90d" });
    expect(metric.n_reopened).toBe(RESOLVED_HISTORY.filter((past) => past.reopenedAfterDays !== undefined).length);
    expect(metric.reopen_rate).toBeGreaterThan(0);
  });
});

describe("seedDemo run again", () => {
  beforeAll(async () => {
    await seedDemo(db, `${PASSWORD}-rotated`);
  }, 120_000);

  it("leaves the same row counts in every table", async () => {
    expect(await rowCounts()).toEqual(firstRun);
  });

  it("moves the demo users to the new password", async () => {
    expect((await verifyCredentials({ email: demoUsers.junior.email, password: `${PASSWORD}-rotated` })).id).toBe(demoUsers.junior.id);
    expect((await refusalOf({ email: demoUsers.senior.email, password: PASSWORD })).reason).toBe("invalid_credentials");
  });

  it("keeps the removed user removed", async () => {
    expect((await refusalOf({ email: "removed@demo-msp.test", password: `${PASSWORD}-rotated` })).reason).toBe("account_removed");
  });

  it("keeps the sidebar numbers", async () => {
    expect(await getSidebarCounts(viewerOfDemo(demoUsers.junior))).toEqual({ escalations: 2, pendingDrafts: 1, unreadNotifications: 0 });
  });
});
