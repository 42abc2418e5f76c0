import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { demoPassword, demoUsers, expect, submitLoginForm, test } from "./fixtures";
import { waitForHttp } from "../scripts/lib/wait-for-http";
import { DEV_DATABASE, embeddedServerUrl, rememberedEmbeddedPort } from "../scripts/lib/embedded-database-url";

/**
 * `npm run dev` opened at http://localhost:PORT and at http://127.0.0.1:PORT (issue 10). Next's dev
 * server refuses its websocket and scripts to origins it doesn't know; then the page renders but
 * its JavaScript never starts, with no error on the page. This starts a real `next dev` (on all
 * interfaces, as a developer might) against the database the e2e app uses, and for each address
 * proves the dev websocket talks, React hydrated, a refused sign-in is answered in place (no page
 * load), and a real sign-in lands on the viewer's page with its data.
 *
 * Its own Playwright project, run last and alone: a first dev compile keeps both cores busy, which
 * would slow the timed flows of the other worker. `next dev` writes to .next/dev, apart from the
 * production build in .next that the e2e app serves.
 */
test.describe.configure({ mode: "serial", timeout: 6 * 60_000 });

const root = path.resolve(__dirname, "..");
let devServer: ChildProcess | undefined;
let port = 0;

/** The e2e app's database: DATABASE_URL under `npm test`; run alone, the dev embedded one `npm start` used. */
function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const embeddedPort = rememberedEmbeddedPort(path.join(root, ".data"));
  if (!embeddedPort) throw new Error("Set DATABASE_URL to the e2e app's database (npm test does), or run `npm start` once so .data/pg-port exists.");
  return `${embeddedServerUrl(embeddedPort)}/${DEV_DATABASE}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "0.0.0.0", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

test.beforeAll(async () => {
  port = await freePort();
  const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "dev", "-p", String(port), "-H", "0.0.0.0"], {
    cwd: root,
    // Its own process group, so afterAll stops Next's workers with it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(port),
      DATABASE_URL: e2eDatabaseUrl(),
      AUTH_SECRET: "flowpilot-dev-origins-secret-only-for-this-spec",
      // As `npm run dev` sets it: one of the two addresses is the canonical one, the other is not.
      APP_URL: `http://localhost:${port}`,
      // The e2e app runs the notification sweeper for this database already.
      NOTIFICATION_SWEEP_SECONDS: "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let output = "";
  devServer = server;
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => server.once("exit", (code) => reject(new Error(`next dev exited (${code}):\n${output}`))));
  await Promise.race([waitForHttp(`http://127.0.0.1:${port}/login`, 4 * 60_000), exited]);
});

test.afterAll(async () => {
  const server = devServer;
  if (!server?.pid || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  await exited;
});

for (const host of ["localhost", "127.0.0.1"]) {
  test(`the dev server at ${host} runs the page's JavaScript, and sign-in works`, async ({ browser }) => {
    const origin = `http://${host}:${port}`;
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("response", (response) => {
      if (response.status() === 403 && new URL(response.url()).pathname.startsWith("/_next/")) refused.push(response.url());
    });

    // Counted from the moment the socket opens: Next may talk before a later listener is attached.
    let devServerFrames = 0;
    page.on("websocket", (socket) => {
      if (socket.url().includes("/_next/")) socket.on("framereceived", () => (devServerFrames += 1));
    });
    await page.goto("/login", { timeout: 3 * 60_000 });
    // The dev websocket is accepted and talks (Next closes it at once for an origin it refuses).
    await expect.poll(() => devServerFrames, { timeout: 2 * 60_000 }).toBeGreaterThan(0);

    // React took over the server-rendered form.
    const form = page.locator("form").first();
    await expect
      .poll(() => form.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber$"))), { timeout: 2 * 60_000 })
      .toBe(true);

    // A refused sign-in is answered in place: the page was not reloaded, so the form ran in the browser.
    await page.evaluate(() => Object.assign(window, { stillThisPage: true }));
    await submitLoginForm(page, `nobody-${host.replaceAll(".", "-")}-${Date.now()}@demo-msp.test`, "not-the-password");
    // Next's route announcer is an alert too; the form's own alert is the one with the message.
    const refusal = page.getByRole("alert").filter({ hasText: "That email and password don't match an account." });
    await expect(refusal).toBeVisible({ timeout: 60_000 });
    expect(await page.evaluate(() => "stillThisPage" in window)).toBe(true);

    // And a real sign-in, on this address, lands in the app.
    await submitLoginForm(page, demoUsers.viewer.email, demoPassword);
    await page.waitForURL((url) => url.origin === origin && url.pathname !== "/login", { timeout: 3 * 60_000 });
    // The page itself, not an error page: its data was read in the viewer's data scope, which the
    // dev server (one database client shared across bundles) must find as production does.
    await expect(page.getByRole("heading", { level: 1, name: "Team sessions" })).toBeVisible({ timeout: 60_000 });

    expect(refused).toEqual([]);
    await context.close();
  });
}
