import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase, migrateDatabase, withDatabase } from "../../scripts/lib/database-admin";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/lib/embedded-database";
import { TEMPLATE_DATABASE } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}

let embedded: EmbeddedDatabase | undefined;

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
}

export async function teardown() {
  await embedded?.stop();
}
