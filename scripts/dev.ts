/**
 * `npm run dev` / `npm start`: one command from a fresh clone to a running FlowPilot.
 * Without DATABASE_URL it starts an embedded PostgreSQL under .data/, migrates and seeds it,
 * then starts Next and prints where to sign in. With DATABASE_URL it uses that database.
 * It also runs the ConnectWise simulator as the demo tenant's PSA (CW_SIMULATOR_PORT; see
 * scripts/lib/connectwise-simulator.ts), unless someone pointed that connection at a real site.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureDatabase, migrateDatabase, withDatabase } from "./lib/database-admin";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-database";
import { DEV_DATABASE } from "./lib/embedded-database-url";
import { printSignIns } from "./lib/banner";
import { allowSimulatorHost, startDevSimulator } from "./lib/connectwise-simulator";
import type { ConnectWiseSimulator } from "../tests/fakes/connectwise/simulator";
import { waitForHttp } from "./lib/wait-for-http";

const root = path.resolve(__dirname, "..");
const dataDir = path.join(root, ".data");
const production = process.argv.includes("--production");

async function main() {
  if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = Number(process.env.PORT || 3000);
  process.env.PORT = String(port);
  process.env.APP_URL ||= `http://localhost:${port}`;
  process.env.AUTH_SECRET ||= persistedSecret("auth-secret");
  process.env.PSA_ENCRYPTION_KEY ||= persistedSecret("psa-encryption-key");

  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    console.log("No DATABASE_URL set: starting the embedded PostgreSQL in .data/ …");
    embedded = await startEmbeddedDatabase(dataDir);
    await ensureDatabase(embedded.serverUrl, DEV_DATABASE);
    process.env.DATABASE_URL = withDatabase(embedded.serverUrl, DEV_DATABASE);
  }

  const running: { next?: ChildProcess; simulator?: ConnectWiseSimulator | null; stopping?: boolean } = {};
  // Ctrl-C reaches Next and this process together; stop everything exactly once.
  const shutdown = async (code = 0) => {
    if (running.stopping) return;
    running.stopping = true;
    running.next?.kill("SIGTERM");
    await running.simulator?.close().catch((error) => console.error(error));
    if (embedded) {
      console.log("\nStopping the embedded PostgreSQL …");
      await embedded.stop().catch((error) => console.error(error));
    }
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  let demoPsaSite: string | null = null;
  try {
    migrateDatabase(process.env.DATABASE_URL, { quiet: true });
    const { seedDemo } = await import("../prisma/seed");
    const { demoPsaSiteElsewhere } = await import("../prisma/seed-psa");
    const { db } = await import("../lib/db");
    const { runInSystemScope } = await import("../lib/tenancy/scope");
    demoPsaSite = await runInSystemScope("seed", () => demoPsaSiteElsewhere(db));
    if (!demoPsaSite) running.simulator = await startDevSimulator();
    const simulator = running.simulator;
    if (simulator) {
      // Only the child Next process reads this (this process's lib/env was read already).
      process.env.OUTBOUND_ALLOW_HOSTS = allowSimulatorHost(process.env.OUTBOUND_ALLOW_HOSTS, simulator.url);
      const { SIM_STATUS } = await import("../tests/fakes/connectwise/simulator");
      const psaSimulator = {
        url: simulator.url,
        credentials: simulator.credentials,
        resolvedStatusId: SIM_STATUS.helpDesk.resolved,
        escalatedStatusId: SIM_STATUS.helpDesk.escalated,
      };
      await seedDemo(db, undefined, { psaSimulator });
    } else {
      await seedDemo(db);
    }
    await db.$disconnect();
  } catch (error) {
    console.error(error);
    return shutdown(1);
  }

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (production && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", cwd: root });
    if (build.status !== 0) return shutdown(build.status ?? 1);
  }
  const listen = ["-p", String(port), ...(process.env.LISTEN_HOST ? ["-H", process.env.LISTEN_HOST] : [])];
  // Production runs server.ts (Next plus the escalation stream on plain Node); dev runs `next dev`.
  const args = production ? ["--import", "tsx", path.join(root, "server.ts")] : [nextBin, "dev", ...listen];
  const next = spawn(process.execPath, args, {
    stdio: ["inherit", "inherit", "inherit"],
    cwd: root,
  });
  running.next = next;
  next.on("exit", (code) => void shutdown(code ?? 0));

  try {
    await waitForHttp(`http://127.0.0.1:${port}/login`);
  } catch (error) {
    console.error(error);
    return shutdown(1);
  }
  printSignIns(process.env.APP_URL, process.env.DEMO_PASSWORD || "flowpilot-demo", {
    simulatorUrl: running.simulator?.url ?? null,
    demoPsaSite,
  });
}

/** A random secret kept in .data/ so sessions survive restarts of the local app. */
function persistedSecret(name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
