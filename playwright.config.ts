import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { FAKE_ENTRA_CLIENT_ID, FAKE_ENTRA_CLIENT_SECRET, FAKE_ENTRA_TENANT_ID } from "./tests/fakes/oidc/constants";

/**
 * End-to-end tests against the production build, started the way a person starts it (`npm start`).
 *
 * `npm test` builds first, creates a fresh `flowpilot_e2e` database and passes it as DATABASE_URL,
 * plus E2E_PORT. Run alone (`npm run test:e2e` without DATABASE_URL), `npm start` falls back to the
 * dev embedded PostgreSQL in .data/ (migrated and seeded, idempotently) and builds if
 * `.next/BUILD_ID` is missing: acceptable for a quick local run, but it shares the dev data and
 * cannot run while `npm run dev` holds that embedded server.
 *
 * The app talks to a fake Anthropic Messages API (tests/fakes/anthropic-server.ts), started first
 * as a second web server on E2E_FAKE_MODEL_PORT (a free port unless set); specs script it through
 * e2e/support/fake-model.ts at E2E_FAKE_MODEL_URL. Playwright stops both servers with the run.
 *
 * The demo tenant's PSA is the ConnectWise simulator that `npm start` (scripts/dev.ts) runs
 * in-process on CW_SIMULATOR_PORT, a free port chosen here; specs inspect and script it through
 * e2e/support/connectwise.ts at E2E_CW_SIMULATOR_URL.
 *
 * Microsoft Entra ID sign-in is on, pointed at a fake Entra (tests/fakes/oidc-server.ts) started
 * before the app on E2E_FAKE_ENTRA_PORT. It speaks HTTPS with a fresh self-signed certificate,
 * which it writes to a file the app trusts through NODE_EXTRA_CA_CERTS; specs reach it at
 * E2E_FAKE_ENTRA_URL (browsers there need `ignoreHTTPSErrors`).
 */

/** A free loopback port, found synchronously because the config is evaluated without await. */
function freePort(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

// Workers load this file again; they inherit process.env, so the ports chosen here stay the same.
process.env.E2E_PORT ||= String(freePort());
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

if (!process.env.E2E_FAKE_MODEL_PORT) {
  let fakeModelPort = freePort();
  while (fakeModelPort === port) fakeModelPort = freePort();
  process.env.E2E_FAKE_MODEL_PORT = String(fakeModelPort);
}
const fakeModelPort = Number(process.env.E2E_FAKE_MODEL_PORT);
/** The fake Anthropic API the app is pointed at; read by e2e/support/fake-model.ts in the workers. */
export const fakeModelURL = `http://127.0.0.1:${fakeModelPort}`;
process.env.E2E_FAKE_MODEL_URL = fakeModelURL;

if (!process.env.CW_SIMULATOR_PORT) {
  let simulatorPort = freePort();
  while (simulatorPort === port || simulatorPort === fakeModelPort) simulatorPort = freePort();
  process.env.CW_SIMULATOR_PORT = String(simulatorPort);
}
const simulatorPort = Number(process.env.CW_SIMULATOR_PORT);
/** The ConnectWise simulator the app's demo tenant is connected to; read by e2e/support/connectwise.ts. */
export const cwSimulatorURL = `http://127.0.0.1:${simulatorPort}`;
process.env.E2E_CW_SIMULATOR_URL = cwSimulatorURL;

if (!process.env.E2E_FAKE_ENTRA_PORT) {
  let entraPort = freePort();
  while ([port, fakeModelPort, simulatorPort].includes(entraPort)) entraPort = freePort();
  process.env.E2E_FAKE_ENTRA_PORT = String(entraPort);
}
const fakeEntraPort = Number(process.env.E2E_FAKE_ENTRA_PORT);
/** The fake Microsoft Entra ID the app's "Sign in with Microsoft" goes to. */
export const fakeEntraURL = `https://127.0.0.1:${fakeEntraPort}`;
process.env.E2E_FAKE_ENTRA_URL = fakeEntraURL;
const fakeEntraIssuer = `${fakeEntraURL}/${FAKE_ENTRA_TENANT_ID}/v2.0`;
const fakeEntraCaFile = path.join(tmpdir(), `flowpilot-e2e-entra-${fakeEntraPort}.pem`);

/** Fixed so runs are reproducible; used only by the server these tests start. */
export const E2E_AUTH_SECRET = "flowpilot-e2e-secret-not-for-production";
/** What the app sends the fake model as its API key. */
export const E2E_FAKE_MODEL_KEY = "e2e-fake-key";

/** The fake model's own spec resets it and switches it down, so it runs alone, before the rest. */
const fakeModelSpec = /fake-model\.spec\.ts$/;
/**
 * The account-settings specs flip team-wide preferences (the templatize offer, escalation email,
 * the re-notify interval the audit spec changes) that other flows rely on, so they run after them, on their own.
 */
const accountSettingsSpec = /\/(settings|audit)\.spec\.ts$/;
/** The dev-server spec starts its own `next dev`; its first compile takes both cores, so it runs last, alone. */
const devOriginsSpec = /dev-origins\.spec\.ts$/;

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
  projects: [
    // First: global setup reads its baseURL and launch options from projects[0].
    { name: "chromium", use: { browserName: "chromium" }, testIgnore: [fakeModelSpec, accountSettingsSpec, devOriginsSpec], dependencies: ["fake-model"] },
    { name: "fake-model", use: { browserName: "chromium" }, testMatch: fakeModelSpec },
    { name: "account-settings", use: { browserName: "chromium" }, testMatch: accountSettingsSpec, dependencies: ["chromium"] },
    { name: "dev-origins", use: { browserName: "chromium" }, testMatch: devOriginsSpec, dependencies: ["account-settings"] },
  ],
  // Started in this order (the fakes before the app) and stopped in reverse.
  webServer: [
    {
      name: "fake-model",
      command: `npx tsx tests/fakes/anthropic-server.ts --port ${fakeModelPort}`,
      url: `${fakeModelURL}/_fake/health`,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "fake-entra",
      command: [
        "npx tsx tests/fakes/oidc-server.ts",
        `--port ${fakeEntraPort}`,
        `--redirect-uri ${baseURL}/api/auth/callback/microsoft-entra-id`,
        `--ca-file ${JSON.stringify(fakeEntraCaFile)}`,
      ].join(" "),
      url: `${fakeEntraURL}/_fake/health`,
      ignoreHTTPSErrors: true,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "app",
      command: "npm start",
      url: `${baseURL}/login`,
      // The build is normally done by `npm test`; `npm start` builds only when .next/BUILD_ID is missing.
      timeout: 10 * 60_000,
      // A reused app keeps whatever model it was started with; only one started here talks to the fake.
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
        ANTHROPIC_API_KEY: E2E_FAKE_MODEL_KEY,
        ANTHROPIC_BASE_URL: fakeModelURL,
        // scripts/dev.ts starts the simulator here and allow-lists its 127.0.0.1:port for the app.
        CW_SIMULATOR_PORT: String(simulatorPort),
        AUTH_MICROSOFT_ENTRA_ID_ID: FAKE_ENTRA_CLIENT_ID,
        AUTH_MICROSOFT_ENTRA_ID_SECRET: FAKE_ENTRA_CLIENT_SECRET,
        AUTH_MICROSOFT_ENTRA_ID_ISSUER: fakeEntraIssuer,
        // The fake Entra's self-signed certificate, written by it before the app starts.
        NODE_EXTRA_CA_CERTS: fakeEntraCaFile,
      },
    },
  ],
});
