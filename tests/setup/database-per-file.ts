import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { dropDatabase, ensureDatabase, withDatabase } from "../../scripts/lib/database-admin";
import { enterTestHarnessScope } from "@/lib/tenancy/scope";
import { testEnv } from "./test-env";

// The test's own reads and writes span tenants; the code under test scopes itself.
enterTestHarnessScope();

// Each test file works in its own copy of the migrated template, so files never see each other's rows.
const serverUrl = inject("databaseServerUrl");
const template = inject("templateDatabase");
const database = `${template}_${randomBytes(4).toString("hex")}`;
await ensureDatabase(serverUrl, database, template);
Object.assign(process.env, testEnv, { DATABASE_URL: withDatabase(serverUrl, database) });

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  // Not awaited: a DROP DATABASE waits for a checkpoint (~0.3 s), and the next file need not.
  // Whatever this process ends before dropping, the global teardown drops (many at once).
  dropDatabase(serverUrl, database).catch(() => {});
});
