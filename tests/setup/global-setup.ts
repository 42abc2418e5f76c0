import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase, listDatabases, migrateDatabase, withDatabase } from "../../scripts/lib/database-admin";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/lib/embedded-database";
import { TEMPLATE_DATABASE } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let server: string | undefined;

/**
 * One PostgreSQL server for the run: TEST_DATABASE_SERVER_URL (set by `npm test`), else the
 * server of DATABASE_URL, else an embedded one under .data/test. A migrated template database is
 * built once; each test file then gets its own copy.
 */
export async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? (process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, "postgres") : undefined);
  if (!serverUrl) {
    embedded = await startEmbeddedDatabase(path.resolve(__dirname, "../../.data/test"), { quiet: true });
    serverUrl = embedded.serverUrl;
  }
  await dropDatabase(serverUrl, TEMPLATE_DATABASE);
  await ensureDatabase(serverUrl, TEMPLATE_DATABASE);
  migrateDatabase(withDatabase(serverUrl, TEMPLATE_DATABASE), { quiet: true });
  project.provide("databaseServerUrl", serverUrl);
  server = serverUrl;
}

export async function teardown() {
  // A test file that failed to import never ran its afterAll; drop what it left behind.
  if (server) {
    for (const database of await listDatabases(server, "flowpilot_test_")) {
      if (database !== TEMPLATE_DATABASE) await dropDatabase(server, database);
    }
  }
  await embedded?.stop();
}
