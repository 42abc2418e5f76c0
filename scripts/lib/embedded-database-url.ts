import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The embedded server's superuser; local-only, on loopback. */
export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "flowpilot-local";
/** The database `npm run dev` / `npm start` use on the embedded server. */
export const DEV_DATABASE = "flowpilot";

/** Server URL without a database name, e.g. postgresql://postgres:pw@127.0.0.1:5544 */
export function embeddedServerUrl(port: number): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}`;
}

/** The port the embedded server under `dir` last ran on (its `pg-port` file), if it ever ran. */
export function rememberedEmbeddedPort(dir: string): number | undefined {
  const file = path.join(dir, "pg-port");
  return existsSync(file) ? Number(readFileSync(file, "utf8")) || undefined : undefined;
}
