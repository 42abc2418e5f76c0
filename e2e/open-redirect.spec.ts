import type { APIRequestContext, Page } from "@playwright/test";
import { demoPassword, demoUsers, expect, submitLoginForm, test } from "./fixtures";

/**
 * Issue 14, open redirect: whatever `callbackUrl` a link carries, signing in lands on the app's
 * own origin — through the login form, through "Sign in with Microsoft", when already signed in,
 * and through the Auth.js endpoints that take a `callbackUrl` themselves. Code under test:
 * lib/auth/safe-callback.ts (the login page and its actions) and Auth.js's redirect handling.
 *
 * The hostile values are written into the address as they are listed (some already
 * percent-encoded), and once more percent-encoded as a whole. Each sign-in is a new context of
 * its own, as the demo viewer (no other spec signs in as them, so no one else's failed attempts
 * count toward the sign-in throttle here), so this spec runs beside the others.
 */

const hostileCallbacks = [
  "https://evil.example",
  "//evil.example",
  "/\\evil.example",
  "%2F%2Fevil.example",
  "%2F%5Cevil.example",
  "https:%2F%2Fevil.example",
  "/%5Cevil.example",
  "\\/\\/evil.example",
  "javascript:alert(1)",
];

/** Each value as typed into the address, and percent-encoded once more (some coincide: tried once). */
const loginQueries = [...new Set(hostileCallbacks.flatMap((value) => [value, encodeURIComponent(value)]))].map((value) => ({
  name: `callbackUrl=${value}`,
  query: `callbackUrl=${value}`,
}));

test.use({ ignoreHTTPSErrors: true });

const fakeEntraUrl = () => {
  const url = process.env.E2E_FAKE_ENTRA_URL;
  if (!url) throw new Error("E2E_FAKE_ENTRA_URL is not set; run through playwright.config.ts.");
  return url;
};

/** Records every request the page makes to a host other than the app's and the fake Entra's. */
function recordOffsiteRequests(page: Page, appOrigin: string): string[] {
  const offsite: string[] = [];
  page.on("request", (request) => {
    const { origin, protocol } = new URL(request.url());
    if (protocol === "data:" || protocol === "blob:") return;
    if (origin !== appOrigin && origin !== fakeEntraUrl()) offsite.push(request.url());
  });
  return offsite;
}

/** Asserts the page came to rest on the app's origin, signed in, having asked no other site for anything. */
async function expectLandedHome(page: Page, appOrigin: string, offsite: string[]) {
  await page.waitForURL((url) => url.origin === appOrigin && url.pathname !== "/login" && !url.pathname.startsWith("/api/auth"));
  await page.waitForLoadState("load");
  expect(new URL(page.url()).origin).toBe(appOrigin);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  expect(offsite).toEqual([]);
}

async function completeMicrosoftSignIn(page: Page, email: string) {
  await page.waitForURL((url) => url.origin === fakeEntraUrl());
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Auth.js's CSRF token for `request`'s cookie jar (its double-submit cookie is set on the same call). */
async function csrfToken(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/csrf");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Where a redirect response sends the browser, resolved against the app. */
function redirectTarget(response: { status: () => number; headers: () => Record<string, string> }, appOrigin: string): URL {
  expect([302, 303, 307], `status ${response.status()}`).toContain(response.status());
  return new URL(response.headers().location ?? "", appOrigin);
}

test.describe("a hostile callbackUrl on the login page", () => {
  for (const { name, query } of loginQueries) {
    test(`signing in with the password form stays on the app (${name})`, async ({ browser, baseURL }) => {
      const appOrigin = new URL(baseURL!).origin;
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      const offsite = recordOffsiteRequests(page, appOrigin);
      await page.goto(`/login?${query}`);
      await expect(page.locator('input[name="callbackUrl"]').first()).toHaveValue(/^\/(?![/\\])/);
      await submitLoginForm(page, demoUsers.viewer.email, demoPassword);
      await expectLandedHome(page, appOrigin, offsite);
      await context.close();
    });
  }

  test("a signed-in person opening such a link stays on the app", async ({ pageAs, baseURL }) => {
    const appOrigin = new URL(baseURL!).origin;
    const page = await pageAs("viewer");
    const offsite = recordOffsiteRequests(page, appOrigin);
    for (const { name, query } of loginQueries) {
      await test.step(name, async () => {
        await page.goto(`/login?${query}`);
        await expectLandedHome(page, appOrigin, offsite);
      });
    }
  });

  for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "%2F%5Cevil.example"]) {
    test(`signing in with Microsoft stays on the app (callbackUrl=${value})`, async ({ browser, baseURL }) => {
      const appOrigin = new URL(baseURL!).origin;
      const context = await browser.newContext({ baseURL, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const offsite = recordOffsiteRequests(page, appOrigin);
      await page.goto(`/login?callbackUrl=${value}`);
      await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
      await completeMicrosoftSignIn(page, demoUsers.viewer.email);
      await expectLandedHome(page, appOrigin, offsite);
      await context.close();
    });
  }
});

test.describe("a hostile callbackUrl on Auth.js's own endpoints", () => {
  test("GET /api/auth/signin sends it on to the login page, where it is dropped", async ({ browser, baseURL }) => {
    const appOrigin = new URL(baseURL!).origin;
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const offsite = recordOffsiteRequests(page, appOrigin);
    for (const value of hostileCallbacks) {
      await test.step(value, async () => {
        await page.goto(`/api/auth/signin?callbackUrl=${encodeURIComponent(value)}`);
        await page.waitForURL((url) => url.origin === appOrigin && url.pathname === "/login");
        await expect(page.locator('input[name="callbackUrl"]').first()).toHaveValue("/pilot");
      });
    }
    await submitLoginForm(page, demoUsers.viewer.email, demoPassword);
    await expectLandedHome(page, appOrigin, offsite);
    await context.close();
  });

  test("POST /api/auth/callback/credentials redirects only within the app", async ({ playwright, baseURL }) => {
    const appOrigin = new URL(baseURL!).origin;
    for (const value of hostileCallbacks) {
      await test.step(value, async () => {
        const request = await playwright.request.newContext({ baseURL });
        const form = { csrfToken: await csrfToken(request), email: demoUsers.viewer.email, password: demoPassword, callbackUrl: value };
        const response = await request.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
        expect(redirectTarget(response, appOrigin).origin).toBe(appOrigin);
        await request.dispose();
      });
    }
  });

  test("POST /api/auth/signout redirects only within the app", async ({ playwright, baseURL }) => {
    const appOrigin = new URL(baseURL!).origin;
    for (const value of hostileCallbacks) {
      await test.step(value, async () => {
        const request = await playwright.request.newContext({ baseURL });
        const response = await request.post("/api/auth/signout", { form: { csrfToken: await csrfToken(request), callbackUrl: value }, maxRedirects: 0 });
        expect(redirectTarget(response, appOrigin).origin).toBe(appOrigin);
        await request.dispose();
      });
    }
  });

  test("POST /api/auth/signin/microsoft-entra-id with it comes back to the app after Microsoft", async ({ browser, baseURL }) => {
    const appOrigin = new URL(baseURL!).origin;
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
      await test.step(value, async () => {
        const context = await browser.newContext({ baseURL, ignoreHTTPSErrors: true });
        const page = await context.newPage();
        const offsite = recordOffsiteRequests(page, appOrigin);
        // page.request shares the context's cookies, so the browser carries on the flow this POST starts.
        const form = { csrfToken: await csrfToken(page.request), callbackUrl: value };
        const started = await page.request.post("/api/auth/signin/microsoft-entra-id", { form, maxRedirects: 0 });
        const toMicrosoft = redirectTarget(started, appOrigin);
        expect(toMicrosoft.origin).toBe(fakeEntraUrl());
        await page.goto(toMicrosoft.href);
        await completeMicrosoftSignIn(page, demoUsers.viewer.email);
        await expectLandedHome(page, appOrigin, offsite);
        await context.close();
      });
    }
  });
});
