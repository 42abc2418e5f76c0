/**
 * What one read of the viewer's user row costs this process, four ways over the same database and
 * role, in the viewer's data scope: a Prisma model query (`findFirst`), `$queryRaw`, `queryRows`
 * (lib/db.ts: the statement straight on Prisma's scoped pool) and a bare `pg` client. 2,000
 * sequential reads each after a warm-up; CPU per query is this process's user + system time
 * divided by the reads, the steadier figure on shared cores; wall p50 beside it.
 */
import pg from "pg";
import { percentile } from "./stats";

export const QUERY_COST_READS = 2_000;
const WARMUP = 200;

export type QueryCostRow = { name: string; cpuMsPerQuery: number; p50: number; p99: number };

type Viewer = { userId: string; accountId: string };

export async function measureQueryCost(databaseUrl: string, viewer: Viewer): Promise<QueryCostRow[]> {
  const { db, queryRows } = await import("@/lib/db");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { runInTenantScope } = await import("@/lib/tenancy/scope");
  const { APP_DATABASE_ROLE, scopeStatement } = await import("@/lib/tenancy/scoped-pool");
  const columns = Prisma.sql`id, account_id, email, name, role, psa_member_id, psa_member_identifier, psa_member_override, deleted_at, last_sign_in_at, created_at`;

  // The bare client acts as the app's role in the viewer's scope, so every way does the same work in PostgreSQL.
  const bare = new pg.Client({ connectionString: databaseUrl, options: `-c role=${APP_DATABASE_ROLE}` });
  await bare.connect();
  await bare.query(scopeStatement({ kind: "tenant", accountId: viewer.accountId }, false));
  const bareSql = `SELECT id, account_id, email, name, role, psa_member_id, psa_member_identifier, psa_member_override, deleted_at, last_sign_in_at, created_at FROM users WHERE id = $1 LIMIT 1`;

  const ways: [string, () => Promise<unknown>][] = [
    ["Prisma model query (db.user.findFirst by id)", () => db.user.findFirst({ where: { id: viewer.userId } })],
    ["db.$queryRaw (same SELECT)", () => db.$queryRaw`SELECT ${columns} FROM users WHERE id = ${viewer.userId}::uuid LIMIT 1`],
    ["queryRows (lib/db.ts, same SELECT)", () => queryRows(Prisma.sql`SELECT ${columns} FROM users WHERE id = ${viewer.userId}::uuid LIMIT 1`)],
    ["bare pg client (same SELECT)", () => bare.query(bareSql, [viewer.userId])],
  ];
  const rows: QueryCostRow[] = [];
  try {
    for (const [name, read] of ways) {
      await runInTenantScope(viewer.accountId, async () => {
        const first = await read();
        if (!first || (Array.isArray(first) && first.length === 0) || (first as { rows?: unknown[] }).rows?.length === 0) throw new Error(`${name}: the viewer's row was not found`);
        for (let i = 0; i < WARMUP; i += 1) await read();
        const samples: number[] = [];
        const cpu = process.cpuUsage();
        for (let i = 0; i < QUERY_COST_READS; i += 1) {
          const started = performance.now();
          await read();
          samples.push(performance.now() - started);
        }
        const used = process.cpuUsage(cpu);
        rows.push({ name, cpuMsPerQuery: (used.user + used.system) / 1000 / QUERY_COST_READS, p50: percentile(samples, 50), p99: percentile(samples, 99) });
      });
    }
  } finally {
    await bare.end();
  }
  return rows;
}

export function formatQueryCost(rows: readonly QueryCostRow[]): string[] {
  const prisma = rows[0]?.cpuMsPerQuery ?? Number.NaN;
  return [
    `Query cost: one read of the viewer's user row, ${QUERY_COST_READS} sequential each, in this (the bench's) process; CPU ms per query (user + system), wall p50/p99:`,
    ...rows.map((row) => `  ${row.name.padEnd(46)} CPU ${row.cpuMsPerQuery.toFixed(3)} ms/query (×${(row.cpuMsPerQuery / prisma).toFixed(2)} of Prisma), wall p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms`),
  ];
}
