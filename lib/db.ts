import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { ScopedPool } from "@/lib/tenancy/scoped-pool";

function createClient(pool: ScopedPool) {
  return new PrismaClient({
    // Every query runs as flowpilot_app in the caller's data scope (SPEC A6, lib/tenancy).
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Secrets never leave the database unless a query asks for them by name.
    omit: {
      user: { passwordHash: true },
      psaConnection: { publicKeyEncrypted: true, privateKeyEncrypted: true },
      scriptGeneration: { sensitiveValuesSealed: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A client usable inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { flowpilotDb?: Db; flowpilotPool?: ScopedPool };

const pool = globalForDb.flowpilotPool ?? new ScopedPool({ connectionString: env.DATABASE_URL });

/** The one Prisma client of this process (kept across hot reloads in development). */
export const db: Db = globalForDb.flowpilotDb ?? createClient(pool);
if (env.NODE_ENV !== "production") Object.assign(globalForDb, { flowpilotDb: db, flowpilotPool: pool });

/**
 * Runs one statement straight on the pool Prisma uses, in the caller's data scope, skipping
 * Prisma's query compilation (~1 ms of CPU per model query here, against ~0.05 ms for the
 * statement itself). For the few hot reads only; build `query` with `Prisma.sql` so every value
 * is a bound parameter. Rows come back as PostgreSQL names them (alias columns in the SQL), with
 * timestamps as Date and bigint counts as strings. Outside any Prisma transaction: it sees
 * committed rows only.
 */
export async function queryRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const result = await pool.query({ text: query.text, values: query.values as unknown[] });
  return result.rows as Row[];
}

/** Statement names by SQL text, so each text keeps one name on every connection. */
const preparedNames = new Map<string, string>();

/**
 * `queryRows` as a named prepared statement: each connection parses and plans it once and then
 * only executes it (planning was more of the counts' database time than running them). For
 * statements of a fixed shape that run on every request; one whose text varies with its input
 * (IN lists, optional filters) would leave a prepared statement per variant on each connection.
 * PostgreSQL still chooses between a generic and a per-value plan, and replans after schema changes.
 */
export async function queryPreparedRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const result = await pool.query(preparedQuery(query));
  return result.rows as Row[];
}

function preparedQuery(query: Prisma.Sql) {
  let name = preparedNames.get(query.text);
  if (!name) {
    name = `fp_${createHash("sha256").update(query.text).digest("hex").slice(0, 24)}`;
    preparedNames.set(query.text, name);
  }
  return { name, text: query.text, values: query.values as unknown[] };
}

/** Runs one prepared statement inside `inPreparedTransaction`. */
export type RunPrepared = <Row>(query: Prisma.Sql) => Promise<Row[]>;

/**
 * Several `queryPreparedRows` statements in one transaction of their own, in the caller's data
 * scope (BEGIN travels with the scope's set_config). Commits when `work` resolves, rolls back
 * when it throws. For a hot write path whose Prisma form would cost a compiled query per statement.
 */
export async function inPreparedTransaction<T>(work: (run: RunPrepared) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query("BEGIN");
    result = await work(async <Row>(query: Prisma.Sql) => (await client.query(preparedQuery(query))).rows as Row[]);
    await client.query("COMMIT");
  } catch (error) {
    try {
      await client.query("ROLLBACK");
      client.release();
    } catch (rollbackError) {
      client.release(rollbackError as Error);
    }
    throw error;
  }
  client.release();
  return result;
}
