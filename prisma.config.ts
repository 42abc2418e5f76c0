import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import pg from "pg";

/**
 * The pg adapter runs a migration by splitting it on `;`, which breaks `DO $$ … $$` blocks and
 * function bodies. This one sends each migration to PostgreSQL whole, as a single simple-protocol
 * query: PostgreSQL parses it properly and runs it as one implicit transaction.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  }
}

// The CLI talks to PostgreSQL through the JS driver adapter, so no native engine is downloaded.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (npm run dev sets it for the embedded database)");
    // allowExitOnIdle: the CLI exits once its work is done instead of waiting out the pool's 10 s idle timeout.
    return new WholeScriptPg(new pg.Pool({ connectionString, allowExitOnIdle: true }));
  },
});
