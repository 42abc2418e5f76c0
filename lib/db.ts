import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { ScopedPool } from "@/lib/tenancy/scoped-pool";

function createClient() {
  return new PrismaClient({
    // Every query runs as flowpilot_app in the caller's data scope (SPEC A6, lib/tenancy).
    adapter: new PrismaPg(new ScopedPool({ connectionString: env.DATABASE_URL }), { disposeExternalPool: true }),
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

const globalForDb = globalThis as unknown as { flowpilotDb?: Db };

/** The one Prisma client of this process (kept across hot reloads in development). */
export const db: Db = globalForDb.flowpilotDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.flowpilotDb = db;
