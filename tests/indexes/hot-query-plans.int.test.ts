import { beforeAll, describe, expect, it } from "vitest";
import { getEscalationMetric } from "@/lib/analytics/escalation-metric";
import { searchPaletteSessions } from "@/lib/command-palette/search-sessions";
import { db } from "@/lib/db";
import { listEscalationQueue } from "@/lib/handoffs/queue";
import { countUnreadNotifications } from "@/lib/notifications/bell";
import { listSessions } from "@/lib/sessions/list-sessions";
import { listSessionsInput } from "@/lib/sessions/schemas";
import { getShellCounts, getSidebarCounts } from "@/lib/shell/sidebar-counts";
import {
  captureStatements,
  describePlan,
  explainInTenant,
  explainWithoutIndexes,
  indexesOn,
  sequentialScans,
  statementReading,
  type PlanNode,
  type SentStatement,
} from "@/tests/indexes/query-plans";
import { seedAtScale } from "@/tests/indexes/seed-at-scale";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

// Each hot read runs as the service sends it (recorded from the app's pool), is explained in the
// tenant's scope on a database seeded large enough that the planner has a choice, and must read
// its big table through the index meant for it. Dropping that index (inside a rolled-back
// transaction) must make the same check fail, so none of these can pass without the index.

/**
 * The account's sessions in transit. Prisma binds the statuses as parameters cast to the enum,
 * which the partial "ai_sessions_in_transit" can't be proven to cover, so its statements use the
 * composite index; a statement with literal statuses may use the partial one. Either is intended.
 */
const IN_TRANSIT_INDEXES = ["ai_sessions_account_id_status_escalated_at_idx", "ai_sessions_in_transit"];
const SEARCH_INDEX = "ai_sessions_search_trgm";

type Expectation = { table: string; indexes: readonly string[] };

function readsThrough(plan: PlanNode, { table, indexes }: Expectation): boolean {
  return indexesOn(plan, table).some((name) => indexes.includes(name)) && !sequentialScans(plan).includes(table);
}

/** Explains `statement` with and without the intended indexes: with them it reads through one, without them it can't. */
async function expectIndexed(accountId: string, statement: SentStatement, expectation: Expectation) {
  const plan = await explainInTenant(accountId, statement);
  expect(readsThrough(plan, expectation), `${statement.text}\n\n${describePlan(plan)}`).toBe(true);
  const withoutIndex = await explainWithoutIndexes(accountId, statement, expectation.indexes);
  expect(readsThrough(withoutIndex, expectation), describePlan(withoutIndex)).toBe(false);
}

let tenant: TestTenant;
/** A word of one of the engineer's own session titles: the search tests look for it. */
let rareWord: string;

beforeAll(async () => {
  tenant = await createTenant("Plans MSP");
  await seedAtScale(tenant);
  const [own] = await db.aiSession.findMany({ where: { userId: tenant.engineer.id }, orderBy: { createdAt: "desc" }, take: 1, select: { title: true } });
  rareWord = own!.title.split(" ").at(-1)!.slice(0, 7);
}, 120_000);

describe("escalation queue (lib/handoffs/queue.ts)", () => {
  it("pages and counts the account's in-transit sessions through the status index, and their open handoffs by session", async () => {
    const { result, statements } = await captureStatements(tenant.accountId, () => listEscalationQueue(viewerOf(tenant.engineer), {}));
    expect(result.total).toBeGreaterThan(25);
    const sessions = { table: "ai_sessions", indexes: IN_TRANSIT_INDEXES };
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions", (text) => /count\(\*\)/i.test(text)), sessions);
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions", (text) => !/count\(\*\)/i.test(text)), sessions);
    await expectIndexed(tenant.accountId, statementReading(statements, "session_handoffs"), { table: "session_handoffs", indexes: ["session_handoffs_session_id_idx"] });
  });

  it("searches within the in-transit sessions through the same index", async () => {
    const { statements } = await captureStatements(tenant.accountId, () => listEscalationQueue(viewerOf(tenant.engineer), { q: "printer" }));
    const sessions = { table: "ai_sessions", indexes: IN_TRANSIT_INDEXES };
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions", (text) => /count\(\*\)/i.test(text)), sessions);
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions", (text) => !/count\(\*\)/i.test(text)), sessions);
  });
});

describe("sidebar counts (lib/shell/sidebar-counts.ts) and the bell (lib/notifications/bell.ts)", () => {
  it("counts escalations, pending drafts and unread notifications each through its index", async () => {
    const { result, statements } = await captureStatements(tenant.accountId, () => getSidebarCounts(viewerOf(tenant.engineer)));
    expect(result.escalations).toBeGreaterThan(0);
    expect(result.pendingDrafts).toBeGreaterThan(0);
    expect(result.unreadNotifications).toBeGreaterThan(0);
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions"), { table: "ai_sessions", indexes: IN_TRANSIT_INDEXES });
    await expectIndexed(tenant.accountId, statementReading(statements, "draft_templates"), { table: "draft_templates", indexes: ["draft_templates_account_id_status_idx"] });
    await expectIndexed(tenant.accountId, statementReading(statements, "app_notifications"), { table: "app_notifications", indexes: ["app_notifications_unread"] });
  });

  it("the layout's counts read the newest live event of the account through its index, in the same statement", async () => {
    const { result, statements } = await captureStatements(tenant.accountId, () => getShellCounts(viewerOf(tenant.engineer)));
    expect(result.counts.escalations).toBeGreaterThan(0);
    expect(statements).toHaveLength(1);
    await expectIndexed(tenant.accountId, statementReading(statements, "realtime_events"), { table: "realtime_events", indexes: ["realtime_events_account_id_id_idx"] });
  });

  it("the bell's unread count reads only the viewer's unread rows", async () => {
    const { statements } = await captureStatements(tenant.accountId, () => countUnreadNotifications(viewerOf(tenant.engineer)));
    await expectIndexed(tenant.accountId, statementReading(statements, "app_notifications"), { table: "app_notifications", indexes: ["app_notifications_unread"] });
  });
});

describe("escalation analytics (lib/analytics/escalation-metric.ts)", () => {
  it("reads the account's claims of 90 days by claim time, and each claim's first action by session and time", async () => {
    const { result, statements } = await captureStatements(tenant.accountId, () => getEscalationMetric(viewerOf(tenant.admin), { period: "90d" }));
    expect(result.n_handoffs_claimed).toBeGreaterThan(100);
    const statement = statementReading(statements, "session_handoffs");
    await expectIndexed(tenant.accountId, statement, { table: "session_handoffs", indexes: ["session_handoffs_claims_by_time"] });
    await expectIndexed(tenant.accountId, statement, { table: "ai_session_steps", indexes: ["ai_session_steps_actions_by_time"] });
  });
});

describe("session search", () => {
  const search = { table: "ai_sessions", indexes: [SEARCH_INDEX] };

  it("My sessions with q (lib/sessions/list-sessions.ts) finds and counts matches through the trigram index", async () => {
    const { result, statements } = await captureStatements(tenant.accountId, () =>
      listSessions(viewerOf(tenant.engineer), listSessionsInput.parse({ q: rareWord })),
    );
    expect(result.total).toBeGreaterThan(0);
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions", (text) => /count\(\*\)/i.test(text)), search);
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions", (text) => !/count\(\*\)/i.test(text)), search);
  });

  it("the viewer's Team sessions with q, the whole account, go through the trigram index too", async () => {
    const { result, statements } = await captureStatements(tenant.accountId, () =>
      listSessions(viewerOf(tenant.viewer), listSessionsInput.parse({ q: rareWord })),
    );
    expect(result.total).toBeGreaterThan(0);
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions", (text) => /count\(\*\)/i.test(text)), search);
    await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions", (text) => !/count\(\*\)/i.test(text)), search);
  });

  it("the command palette (lib/command-palette/search-sessions.ts) searches readable sessions through the trigram index", async () => {
    for (const user of [tenant.engineer, tenant.viewer]) {
      const { result, statements } = await captureStatements(tenant.accountId, () => searchPaletteSessions(viewerOf(user), { q: rareWord }));
      expect(result.sessions.length).toBeGreaterThan(0);
      await expectIndexed(tenant.accountId, statementReading(statements, "ai_sessions"), search);
    }
  });
});
