/**
 * The escalation analytics (SPEC I1, 90 days) at scale: 1,000,000 handoffs across 500 tenants
 * over 90 days, then the per-tenant query p50/p99 over a sample of tenants, each call the real
 * service (lib/analytics/escalation-metric.ts) in the tenant's scope, with the EXPLAIN summary of
 * the statement it sends. The goal is p99 ≤ 10 ms; this prints figures, never pass/fail.
 *
 * Standalone: `npx tsx scripts/bench/analytics-scale.ts` makes its own database (on
 * DATABASE_URL's server when set, else an embedded PostgreSQL in .data/bench) and drops it after.
 * `measureAnalyticsAtScale` is the measuring function for `npm run bench`: it loads its tenants
 * into the database lib/db already points at and (unless told otherwise) deletes them when done.
 */
import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, migrateDatabase, withDatabase } from "../lib/database-admin";
import { startEmbeddedDatabase } from "../lib/embedded-database";
import { ANALYTICS_HANDOFFS, ANALYTICS_TENANTS, loadTenants, removeTenants, type Tenant } from "./analytics-scale-load";
import { percentile, type Row } from "./stats";

const CALLS_PER_TENANT = 5;

export type AnalyticsScaleResult = {
  rows: Row[];
  /** How long loading took, in seconds, so a reader knows what the setup cost. */
  loadSeconds: number;
  /** One line per plan node of a typical tenant's statement, with its index and rows. */
  plan: string[];
  /** PostgreSQL's own execution time of that statement (EXPLAIN ANALYZE), in milliseconds. */
  executionMs: number;
};


type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Heap Fetches"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

function describe(node: PlanNode, depth = 0): string[] {
  const target = [node["Relation Name"], node["Index Name"] && `using ${node["Index Name"]}`].filter(Boolean).join(" ");
  const heap = node["Heap Fetches"] === undefined ? "" : `, heap fetches ${node["Heap Fetches"]}`;
  const buffers = `, buffers hit ${node["Shared Hit Blocks"] ?? 0} read ${node["Shared Read Blocks"] ?? 0}`;
  const line = `${"  ".repeat(depth)}${node["Node Type"]}${target ? ` on ${target}` : ""} (rows ${node["Actual Rows"]} × loops ${node["Actual Loops"]}${heap}${buffers})`;
  return [line, ...(node.Plans ?? []).flatMap((child) => describe(child, depth + 1))];
}

/**
 * Loads the 500 tenants into `databaseUrl` (the database lib/db uses), times the 90-day metric
 * for a sample of them, explains one tenant's statement as the service sends it, and deletes the
 * tenants again.
 */
export async function measureAnalyticsAtScale(databaseUrl: string, options: { removeTenants?: boolean } = {}): Promise<AnalyticsScaleResult> {
  const { getEscalationMetric } = await import("@/lib/analytics/escalation-metric");
  const { runInTenantScope } = await import("@/lib/tenancy/scope");
  await import("@/lib/db");
  const loadStarted = performance.now();
  const tenants = await loadTenants(databaseUrl);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  try {
    const metric = (tenant: Tenant) => runInTenantScope(tenant.accountId, () => getEscalationMetric(tenant.viewer, { period: "90d" }));
    const sent = await recordStatement(() => metric(tenants[0]!));
    let claimed = 0;
    const asSent = await timeEach(tenants, async (tenant) => {
      claimed += (await metric(tenant)).n_handoffs_claimed;
    });
    const perTenant = Math.round(claimed / (tenants.length * (CALLS_PER_TENANT + 1)));
    const explained = await explain(tenants[0]!, sent);
    return {
      rows: [
        { name: `Escalation metric 90d, ${tenants.length} of ${ANALYTICS_TENANTS} tenants [~${perTenant.toLocaleString("en-US")} claims each]`, p50: percentile(asSent, 50), p99: percentile(asSent, 99) },
      ],
      loadSeconds,
      plan: explained.plan,
      executionMs: explained.executionMs,
    };
  } finally {
    if (options.removeTenants ?? true) await removeTenants(databaseUrl);
  }
}

/** One warm-up call per tenant, then CALLS_PER_TENANT rounds over all of them; milliseconds per call. */
async function timeEach(tenants: Tenant[], call: (tenant: Tenant) => Promise<unknown>): Promise<number[]> {
  for (const tenant of tenants) await call(tenant);
  const samples: number[] = [];
  for (let round = 0; round < CALLS_PER_TENANT; round += 1) {
    for (const tenant of tenants) {
      const started = performance.now();
      await call(tenant);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

// lib/db keeps its pool on globalThis outside production.
function appPool(): pg.Pool {
  const pool = (globalThis as unknown as { flowpilotPool?: pg.Pool }).flowpilotPool;
  if (!pool) throw new Error("lib/db keeps no pool on globalThis in production mode: run with NODE_ENV unset");
  return pool;
}

/** The statement reading session_handoffs that `call` sends through lib/db's pool (observed, not altered). */
async function recordStatement(call: () => Promise<unknown>): Promise<pg.QueryConfig> {
  const pool = appPool();
  const sent: pg.QueryConfig[] = [];
  const query = pool.query;
  pool.query = function (this: pg.Pool, config: pg.QueryConfig) {
    if (/session_handoffs/.test(config.text)) sent.push(config);
    return (query as (config: pg.QueryConfig) => unknown).call(this, config);
  } as typeof pool.query;
  try {
    await call();
  } finally {
    pool.query = query;
  }
  if (!sent[0]) throw new Error("the metric sent no statement reading session_handoffs");
  return { text: sent[0].text, values: sent[0].values };
}

/** EXPLAIN (ANALYZE, BUFFERS) of `statement` in the tenant's scope, as plan lines and execution time. */
async function explain(tenant: Tenant, statement: pg.QueryConfig): Promise<{ plan: string[]; executionMs: number }> {
  const { runInTenantScope } = await import("@/lib/tenancy/scope");
  const explained = await runInTenantScope(tenant.accountId, () =>
    appPool().query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, values: statement.values }),
  );
  const [{ Plan, "Execution Time": executionMs }] = explained.rows[0]["QUERY PLAN"] as [{ Plan: PlanNode; "Execution Time": number }];
  return { plan: describe(Plan), executionMs };
}

async function main() {
  const root = path.resolve(__dirname, "../..");
  const database = "flowpilot_bench_analytics";
  let serverUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, "postgres");
  } else {
    const embedded = await startEmbeddedDatabase(path.join(root, ".data", "bench"), { quiet: true });
    serverUrl = embedded.serverUrl;
    stopServer = embedded.stop;
  }
  const databaseUrl = withDatabase(serverUrl, database);
  try {
    await dropDatabase(serverUrl, database);
    await ensureDatabase(serverUrl, database);
    migrateDatabase(databaseUrl, { quiet: true });
    // lib/db reads its configuration on first import, inside measureAnalyticsAtScale.
    Object.assign(process.env, { DATABASE_URL: databaseUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? "analytics-bench-not-a-secret" });
    // The whole database is dropped below, faster than deleting a million rows.
    const result = await measureAnalyticsAtScale(databaseUrl, { removeTenants: false });
    console.log(`Loaded ${ANALYTICS_HANDOFFS.toLocaleString("en-US")} handoffs across ${ANALYTICS_TENANTS} tenants in ${result.loadSeconds.toFixed(1)} s`);
    for (const row of result.rows) console.log(`${row.name}: p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms (goal p99 ≤ 10 ms)`);
    console.log(`EXPLAIN ANALYZE of one tenant's statement as sent: execution ${result.executionMs.toFixed(2)} ms`);
    for (const line of result.plan) console.log(`  ${line}`);
    const { db } = await import("@/lib/db");
    await db.$disconnect();
  } finally {
    await dropDatabase(serverUrl, database);
    await stopServer();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
