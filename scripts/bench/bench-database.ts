import path from "node:path";
import pg from "pg";
import { dropDatabase, ensureDatabase, migrateDatabase, withDatabase } from "../lib/database-admin";
import { startEmbeddedDatabase } from "../lib/embedded-database";

export const BENCH_DATABASE = "flowpilot_bench";

export type BenchDatabase = { url: string; where: string; stop: () => Promise<void> };

/**
 * A fresh, migrated `flowpilot_bench` database: on DATABASE_URL's server when set, else on an
 * embedded PostgreSQL kept under .data/bench (never the dev data in .data/pg).
 */
export async function startBenchDatabase(root: string): Promise<BenchDatabase> {
  let serverUrl: string;
  let where: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, "postgres");
    where = `${BENCH_DATABASE} on DATABASE_URL's server (${new URL(serverUrl).host})`;
  } else {
    const embedded = await startEmbeddedDatabase(path.join(root, ".data", "bench"), { quiet: true });
    serverUrl = embedded.serverUrl;
    where = `${BENCH_DATABASE} on the embedded PostgreSQL in .data/bench (${new URL(serverUrl).host})`;
    stop = embedded.stop;
  }
  try {
    await dropDatabase(serverUrl, BENCH_DATABASE);
    await ensureDatabase(serverUrl, BENCH_DATABASE);
    const url = withDatabase(serverUrl, BENCH_DATABASE);
    migrateDatabase(url, { quiet: true });
    return { url, where, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Refreshes the planner's statistics and the visibility map (which lets counts answer from an
 * index alone), as autovacuum would on a database that has been running; connected as the login
 * user that owns the tables.
 */
export async function vacuumAnalyzeAsOwner(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
}
