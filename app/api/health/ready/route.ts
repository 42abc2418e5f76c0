import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { env } from "@/lib/env";
import { checkReadiness, readinessResponse } from "@/lib/health/readiness";

/** Readiness for load balancers: the database and (when configured) Redis answer. Public, never cached. */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness({ database: () => queryRows(Prisma.sql`SELECT 1`), redisUrl: env.REDIS_URL });
  return readinessResponse(readiness);
}
