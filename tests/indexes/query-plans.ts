import pg from "pg";
import "@/lib/db";
import { runInTenantScope } from "@/lib/tenancy/scope";
import { APP_DATABASE_ROLE } from "@/lib/tenancy/scoped-pool";

const pgClient = pg.Client;

/** One statement as the app sent it to PostgreSQL: its text and bound values. */
export type SentStatement = { text: string; values: unknown[] };

/** A node of PostgreSQL's JSON plan, with the fields these tests read. */
export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  Plans?: PlanNode[];
  [field: string]: unknown;
};

// lib/db keeps its pool on globalThis outside production (the tests' NODE_ENV is "test").
function appPool(): pg.Pool {
  const pool = (globalThis as unknown as { flowpilotPool?: pg.Pool }).flowpilotPool;
  if (!pool) throw new Error("lib/db has not created its pool");
  return pool;
}

const SCOPE_STATEMENT = /^SELECT set_config\('app\.account_id'/;

/**
 * Runs `work` (a service call) in `accountId`'s tenant scope and records every statement it
 * sends through the app's pool, exactly as Prisma or `queryRows` wrote it. The pool is only
 * observed: each call goes on to the real query.
 */
export async function captureStatements<T>(accountId: string, work: () => Promise<T>): Promise<{ result: T; statements: SentStatement[] }> {
  const pool = appPool();
  const statements: SentStatement[] = [];
  const query = pool.query;
  const observed = function (this: pg.Pool, config: string | pg.QueryConfig, ...rest: unknown[]) {
    const text = typeof config === "string" ? config : config.text;
    if (!SCOPE_STATEMENT.test(text)) statements.push({ text, values: typeof config === "string" ? [] : [...(config.values ?? [])] });
    return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
  };
  pool.query = observed as typeof pool.query;
  try {
    const result = await runInTenantScope(accountId, work);
    return { result, statements };
  } finally {
    pool.query = query;
  }
}

/** The one recorded statement that reads `table` (its FROM names it), failing loudly if there is not exactly one. */
export function statementReading(statements: SentStatement[], table: string, also: (text: string) => boolean = () => true): SentStatement {
  const matches = statements.filter((statement) => new RegExp(`FROM\\s+"?(public"?\\."?)?${table}"?`, "i").test(statement.text) && also(statement.text));
  if (matches.length !== 1) {
    throw new Error(`Expected one statement reading ${table}, found ${matches.length}:\n${statements.map((s) => s.text).join("\n---\n")}`);
  }
  return matches[0]!;
}

/**
 * `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` of `statement` with its own values, as the app's role
 * in `accountId`'s scope, so row-level security shapes the plan as it does in production.
 */
export async function explainInTenant(accountId: string, statement: SentStatement): Promise<PlanNode> {
  const result = await runInTenantScope(accountId, () =>
    appPool().query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, values: statement.values }),
  );
  const [explained] = result.rows[0]["QUERY PLAN"] as [{ Plan: PlanNode }];
  return explained.Plan;
}

/** Every node of `plan`, depth first (init plans and sub plans included). */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The indexes `plan` reads, by name. */
export function indexesUsed(plan: PlanNode): string[] {
  return [...new Set(planNodes(plan).flatMap((node) => (node["Index Name"] ? [node["Index Name"]] : [])))];
}

/** The tables `plan` reads with a sequential scan. */
export function sequentialScans(plan: PlanNode): string[] {
  return planNodes(plan).flatMap((node) => (node["Node Type"] === "Seq Scan" && node["Relation Name"] ? [node["Relation Name"]] : []));
}

/** The indexes `plan` reads on `table`, by name. */
export function indexesOn(plan: PlanNode, table: string): string[] {
  const names = planNodes(plan).flatMap((node) => (node["Relation Name"] === table && node["Index Name"] ? [node["Index Name"]] : []));
  // Bitmap index scans name the index but not the table; their heap scan names the table.
  const bitmapIndexes = planNodes(plan)
    .filter((node) => node["Node Type"] === "Bitmap Heap Scan" && node["Relation Name"] === table)
    .flatMap((node) => planNodes(node).flatMap((child) => (child["Node Type"] === "Bitmap Index Scan" && child["Index Name"] ? [child["Index Name"]] : [])));
  return [...new Set([...names, ...bitmapIndexes])];
}

/** A short one-line-per-node rendering of `plan`, for a failing assertion's message. */
export function describePlan(plan: PlanNode, depth = 0): string {
  const target = [plan["Relation Name"], plan["Index Name"]].filter(Boolean).join(" using ");
  const line = `${"  ".repeat(depth)}${plan["Node Type"]}${target ? ` on ${target}` : ""} (rows ${plan["Actual Rows"] ?? "?"})`;
  return [line, ...(plan.Plans ?? []).map((child) => describePlan(child, depth + 1))].join("\n");
}

/**
 * The plan `statement` would get if `indexNames` did not exist: the indexes are dropped inside
 * one transaction as the tables' owner, the statement explained as the app's role in
 * `accountId`'s scope, and everything rolled back. A test uses it to show its own check fails
 * once the index is gone, so the check can't pass vacuously.
 */
export async function explainWithoutIndexes(accountId: string, statement: SentStatement, indexNames: readonly string[]): Promise<PlanNode> {
  const client = new pgClient({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const name of indexNames) await client.query(`DROP INDEX "${name.replace(/"/g, "")}"`);
    await client.query(`SET LOCAL ROLE ${APP_DATABASE_ROLE}`);
    await client.query("SELECT set_config('app.account_id', $1, true), set_config('app.system', '', true)", [accountId]);
    // Not ANALYZE: the planner's choice is the point, and a plan without its index can be slow to run.
    const result = await client.query({ text: `EXPLAIN (FORMAT JSON) ${statement.text}`, values: statement.values });
    const [explained] = result.rows[0]["QUERY PLAN"] as [{ Plan: PlanNode }];
    return explained.Plan;
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    await client.end();
  }
}
