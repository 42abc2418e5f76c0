import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests against the production build, started the way a person starts it (`npm start`).
 *
 * `npm test` builds first, creates a fresh `flowpilot_e2e` database and passes it as DATABASE_URL,
 * plus E2E_PORT. Run alone (`npm run test:e2e` without DATABASE_URL), `npm start` falls back to the
 * dev embedded PostgreSQL in .data/ (migrated and seeded, idempotently) and builds if
 * `.next/BUILD_ID` is missing: acceptable for a quick local run, but it shares the dev data and
 * cannot run while `npm run dev` holds that embedded server.
 */

/** A free loopback port, found synchronously because the config is evaluated without await. */
function freePort(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

// Workers load this file again; they inherit process.env, so the port chosen here stays the same.
process.env.E2E_PORT ||= String(freePort());
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

/** Fixed so runs are reproducible; used only by the server these tests start. */
export const E2E_AUTH_SECRET = "flowpilot-e2e-secret-not-for-production";

export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const jsonReport = process.env.E2E_JSON_REPORT;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 2,
  // Never retry: a flaky flow is a failure to fix, not to hide.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: jsonReport ? [["list"], ["json", { outputFile: jsonReport }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npm start",
    url: `${baseURL}/login`,
    // The build is normally done by `npm test`; `npm start` builds only when .next/BUILD_ID is missing.
    timeout: 10 * 60_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets scripts/dev.ts stop the embedded PostgreSQL it may have started.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      LISTEN_HOST: "127.0.0.1",
      APP_URL: baseURL,
      AUTH_SECRET: E2E_AUTH_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
