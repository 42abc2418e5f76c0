import { createServer } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { db } from "@/lib/db";
import { checkReadiness, readinessResponse } from "@/lib/health/readiness";
import { redisAnswers } from "@/tests/helpers/realtime";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisReachable = await redisAnswers(REDIS_URL);

/** A loopback port nobody listens on: bound once to learn a free number, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const realDatabase = () => db.$queryRaw`SELECT 1`;
const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const pool of pools) await pool.end();
});

describe("GET /api/health/live", () => {
  it("answers ok without touching anything, never cached", async () => {
    const response = live();
    expect(response.status).toBe(200);
    // no-transform: short, so it goes uncompressed (lib/http/json-response.ts).
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("GET /api/health/ready", () => {
  it("answers 200 when the database answers, without a session and never cached", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    // no-transform: short, so it goes uncompressed (lib/http/json-response.ts).
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe("ok");
    expect(body.checks.database).toBe("ok");
  });

  it("answers 503 naming the database when its server does not answer", async () => {
    const pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`, connectionTimeoutMillis: 1_000 });
    pools.push(pool);
    const response = readinessResponse(await checkReadiness({ database: () => pool.query("SELECT 1") }));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe("unavailable");
    expect(body.checks.database).toMatch(/ECONNREFUSED/);
    expect(body.checks).not.toHaveProperty("redis");
  });

  it("answers 503 naming Redis when REDIS_URL points at a port nobody answers, the database still ok", async () => {
    const readiness = await checkReadiness({ database: realDatabase, redisUrl: `redis://127.0.0.1:${await closedPort()}` });
    const response = readinessResponse(readiness);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body).toMatchObject({ status: "unavailable", checks: { database: "ok" } });
    expect(body.checks.redis).toMatch(/ECONNREFUSED/);
  });

  it.skipIf(!redisReachable)("answers 200 with both checks ok when Redis answers", async () => {
    const response = readinessResponse(await checkReadiness({ database: realDatabase, redisUrl: REDIS_URL }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", checks: { database: "ok", redis: "ok" } });
  });
});
