import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { dropDatabase, ensureDatabase, withDatabase } from "../../scripts/lib/database-admin";
import { TEMPLATE_DATABASE, testEnv } from "./test-env";

// Each test file works in its own copy of the migrated template, so files never see each other's rows.
const serverUrl = inject("databaseServerUrl");
const database = `flowpilot_test_${randomBytes(6).toString("hex")}`;
await ensureDatabase(serverUrl, database, TEMPLATE_DATABASE);
Object.assign(process.env, testEnv, { DATABASE_URL: withDatabase(serverUrl, database) });

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await dropDatabase(serverUrl, database);
});
