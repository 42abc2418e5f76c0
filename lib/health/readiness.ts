import { Redis } from "ioredis";
import { jsonResponse } from "@/lib/http/json-response";

/** What a load balancer reads: each dependency "ok" or the message of what failed. */
export type Readiness = {
  status: "ok" | "unavailable";
  checks: { database: string; redis?: string };
};

/** Runs one trivial statement on the database; resolves once it answered. */
export type DatabaseProbe = () => Promise<unknown>;

/** A probe that waits longer than this counts as down: a stuck dependency must not stall the balancer. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Whether this process can serve: the database answers `probe` and, when `redisUrl` is set, Redis
 * answers PING. Both checks run at once, each bounded by CHECK_TIMEOUT_MS. Says nothing about any
 * tenant's data.
 */
export async function checkReadiness(options: { database: DatabaseProbe; redisUrl?: string }): Promise<Readiness> {
  const [database, redis] = await Promise.all([
    outcome(options.database),
    options.redisUrl ? outcome(() => pingRedis(options.redisUrl!)) : Promise.resolve(undefined),
  ]);
  const checks = redis === undefined ? { database } : { database, redis };
  const healthy = database === "ok" && (redis === undefined || redis === "ok");
  return { status: healthy ? "ok" : "unavailable", checks };
}

/** 200 when ready, else 503 naming the failing part; never cached by anything on the way. */
export function readinessResponse(readiness: Readiness): Response {
  return jsonResponse(readiness, { status: readiness.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

async function outcome(check: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return "ok";
  } catch (error) {
    return error instanceof Error && error.message ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A connection of its own for each check, closed after: the app's realtime connections retry in
 * the background and would hide an outage behind their reconnecting, and a probe every few
 * seconds costs one connect.
 */
async function pingRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectionName: "flowpilot-readiness",
    connectTimeout: CHECK_TIMEOUT_MS,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // connect() rejects with a bare "Connection is closed."; the error event says why (ECONNREFUSED …).
  let cause: Error | undefined;
  redis.on("error", (error: Error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw cause ?? error;
  } finally {
    redis.disconnect();
  }
}
