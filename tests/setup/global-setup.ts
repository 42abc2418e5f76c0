import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase, listDatabases, migrateDatabase, withDatabase } from "../../scripts/lib/database-admin";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../scripts/lib/embedded-database";
import { TEST_DATABASE_PREFIX } from "./test-env";

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    /** This run's migrated template; its name also prefixes every per-file copy. */
    templateDatabase: string;
  }
}

let embedded: EmbeddedDatabase | undefined;
let server: string | undefined;
// Named per run, so two runs against one server never drop each other's databases.
const templateDatabase = `${TEST_DATABASE_PREFIX}${process.pid}_${Date.now().toString(36)}`;

/**
 * One PostgreSQL server for the run: TEST_DATABASE_SERVER_URL (set by `npm test`), else the
 * server of DATABASE_URL, else an embedded one under .data/test. A migrated template database is
 * built once per run; each test file then gets its own copy.
 */
export async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? (process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, "postgres") : undefined);
  if (!serverUrl) {
    embedded = await startEmbeddedDatabase(path.resolve(__dirname, "../../.data/test"), { quiet: true });
    serverUrl = embedded.serverUrl;
  }
  await ensureDatabase(serverUrl, templateDatabase);
  migrateDatabase(withDatabase(serverUrl, templateDatabase), { quiet: true });
  project.provide("databaseServerUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);
  server = serverUrl;
}

export async function teardown() {
  // Drops the template and what a test file that failed to import (no afterAll) left behind.
  if (server) {
    for (const database of await listDatabases(server, templateDatabase)) await dropDatabase(server, database);
  }
  await embedded?.stop();
}
