import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse, Page } from "@playwright/test";
import { demoUsers, expect, test } from "./fixtures";
import { visitEveryPage } from "./support/app-pages";
import { withDatabase } from "./support/database";
import { collectPolicyViolations } from "./support/policy-violations";
import { authFile } from "./support/sign-in";

/**
 * Issue 14, finding 3: pages send a Content-Security-Policy with a fresh nonce per request
 * (scripts only from the app or carrying the nonce, no `unsafe-eval` in production), refuse to be
 * framed, and send nosniff, a referrer policy and a permissions policy; HSTS over https. Every
 * page a person reaches runs without a single policy violation.
 */

function policyOf(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectPageHeaders(response: APIResponse) {
  const headers = response.headers();
  const policy = policyOf(response);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  const scripts = policy.get("script-src") ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts.filter((source) => source !== "'self'")).toEqual([expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/)]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over http here: no HSTS, which a browser would ignore anyway.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test.describe("headers", () => {
  for (const path of ["/pilot", "/settings", "/escalations"]) {
    test(`${path} carries the security headers, signed in and when sent to sign in`, async ({ request, requestAs }) => {
      const owner = await requestAs("owner");
      const page = await owner.get(path, { maxRedirects: 0 });
      expect(page.status()).toBe(200);
      expectPageHeaders(page);
      const signedOut = await request.get(path, { maxRedirects: 0 });
      expect(signedOut.status()).toBe(307);
      expectPageHeaders(signedOut);
    });
  }

  test("/login carries them too, with a new nonce each time that Next stamps on every script", async ({ request }) => {
    const nonces = new Set<string>();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const response = await request.get("/login");
      expect(response.status()).toBe(200);
      expectPageHeaders(response);
      const nonce = policyOf(response).get("script-src")!.find((source) => source.startsWith("'nonce-"))!.slice(7, -1);
      nonces.add(nonce);
      const scriptTags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length).toBeGreaterThan(0);
      for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(2);
  });

  test("HSTS and upgrade-insecure-requests when the request came over https", async ({ request }) => {
    const response = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(policyOf(response).has("upgrade-insecure-requests")).toBe(true);
  });

  test("a request's own Content-Security-Policy header can't choose the nonce", async ({ request }) => {
    const forged = "script-src 'nonce-Zm9yZ2VkLW5vbmNlLXZhbHVl'";
    const response = await request.get("/login", { headers: { "content-security-policy": forged } });
    expect(response.headers()["content-security-policy"]).not.toContain("Zm9yZ2VkLW5vbmNlLXZhbHVl");
    expect(await response.text()).not.toContain("Zm9yZ2VkLW5vbmNlLXZhbHVl");
  });

  test("API responses are never sniffed, rendered or framed", async ({ request, requestAs }) => {
    const owner = await requestAs("owner");
    for (const response of [await owner.get("/api/v1/me"), await request.get("/api/v1/me")]) {
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });
});

test.describe("framing", () => {
  let server: Server;
  let foreignOrigin = "";

  test.beforeAll(async ({ baseURL }) => {
    // Another origin (another port) whose page frames whatever ?src= names.
    server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      response.setHeader("content-type", "text/html");
      if (url.pathname === "/own") return response.end("<h1>Framed page of the foreign site</h1>");
      const src = new URL(url.searchParams.get("src") ?? "/own", url.searchParams.has("src") ? baseURL : foreignOrigin).href;
      response.end(`<!doctype html><title>Foreign site</title><iframe id="target" src="${src}" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    foreignOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** The document the foreign page's frame ended up holding, once the frame has loaded. */
  async function framedDocument(page: Page, src: string | null) {
    await page.goto(`${foreignOrigin}/${src ? `?src=${encodeURIComponent(src)}` : ""}`, { waitUntil: "load" });
    return page.frameLocator("#target");
  }

  test("the foreign page can frame its own pages (the check below can see a framed document)", async ({ page }) => {
    const frame = await framedDocument(page, null);
    await expect(frame.getByRole("heading", { name: "Framed page of the foreign site" })).toBeVisible();
  });

  for (const [role, path, heading] of [
    [null, "/login", "Sign in to FlowPilot"],
    ["owner", "/settings", "Settings"],
  ] as const) {
    test(`${path} refuses to load inside another site's frame`, async ({ browser, baseURL }) => {
      const context = await browser.newContext(role ? { storageState: authFile(role) } : {});
      const page = await context.newPage();
      const refusals: string[] = [];
      page.on("console", (message) => {
        if (message.text().includes("frame-ancestors")) refusals.push(message.text());
      });
      // The app itself renders the page for this browser, so only the framing can stop it.
      await page.goto(`${baseURL}${path}`);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();

      const frame = await framedDocument(page, path);
      await expect.poll(() => refusals.length).toBeGreaterThan(0);
      await expect(frame.getByRole("heading", { name: heading })).toHaveCount(0);
      const framed = page.frames().find((candidate) => candidate !== page.mainFrame());
      expect(framed?.url()).not.toContain(path);
      await context.close();
    });
  }
});

test.describe("no violations", () => {
  test("signed out: sign-in and an invitation", async ({ browser, baseURL, requestAs }) => {
    const owner = await requestAs("owner");
    const email = `csp-invitee-${Date.now()}@demo-msp.test`;
    const invited = await owner.post("/api/v1/members/invitations", { data: { email, role: "engineer" } });
    expect(invited.status()).toBe(201);
    const invitePath = await withDatabase(async (client) => {
      const { rows } = await client.query<{ path: string }>(
        "select payload->>'path' as path from notification_deliveries where recipient_email = $1 and channel = 'email'",
        [email],
      );
      return rows[0]!.path;
    });

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const violations = await collectPolicyViolations(page);
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in to FlowPilot" })).toBeVisible();
    await page.goto(invitePath);
    await expect(page.getByRole("heading", { name: /^Join / })).toBeVisible();
    expect(violations).toEqual([]);

    // The listener hears a refusal: a script injected without the nonce is refused and reported.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.injectedScriptRan = true";
      document.body.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => "injectedScriptRan" in window)).toBe(false);
    await context.close();
  });

  test("signed in: every page of the app, its dialogs and the not-found page", async ({ pageAs, requestAs }) => {
    const ownerRequest = await requestAs("owner");
    const byPage: string[] = [];
    const lists = new Map<Page, string[]>();
    await visitEveryPage(
      { pageAs, ownerRequest },
      async (page) => {
        lists.set(page, await collectPolicyViolations(page));
      },
      async (page, entry) => {
        const violations = lists.get(page)!;
        if (entry.path === "/pilot" && entry.role === "junior") {
          // Radix's dialogs, menus and popovers position themselves with inline styles.
          await page.keyboard.press("ControlOrMeta+K");
          await expect(page.getByRole("dialog")).toBeVisible();
          await page.keyboard.press("Escape");
          await page.getByRole("button", { name: `Account menu for ${demoUsers.junior.name}` }).first().click();
          await expect(page.getByRole("menu")).toBeVisible();
          await page.keyboard.press("Escape");
        }
        byPage.push(...violations.splice(0).map((line) => `${entry.name} as ${entry.role}: ${line}`));
      },
    );

    const junior = await pageAs("junior");
    const violations = await collectPolicyViolations(junior);
    for (const path of ["/no-such-page", "/pilot/7f000000-0000-4000-8000-000000000000"]) {
      await junior.goto(path);
      await expect(junior.getByRole("heading", { level: 1, name: "We couldn't find that" })).toBeVisible();
    }
    byPage.push(...violations.map((line) => `not found as junior: ${line}`));
    expect(byPage).toEqual([]);
  });
});
