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
  // Drops the template and the files' copies not dropped yet, several at a time: concurrent drops
  // share the checkpoint each one waits for (30 at once take about as long as one).
  if (server) {
    const databases = await listDatabases(server, templateDatabase);
    const serverUrl = server;
    for (let start = 0; start < databases.length; start += DROPS_AT_ONCE) {
      await Promise.all(databases.slice(start, start + DROPS_AT_ONCE).map((database) => dropDatabase(serverUrl, database)));
    }
  }
  await embedded?.stop();
}

/** Well inside PostgreSQL's default 100 connections, beside the run's own. */
const DROPS_AT_ONCE = 20;
