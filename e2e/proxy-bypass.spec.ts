import { expect, test } from "./fixtures";

/**
 * CVE-2025-29927: old Next.js skipped the request boundary when a request carried
 * `x-middleware-subrequest` naming it. The proxy must still redirect, and because the proxy is
 * never the only gate, the API must refuse these requests on its own.
 */
const bypassValues = [
  "proxy",
  "middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
];

for (const value of bypassValues) {
  test.describe(`x-middleware-subrequest: ${value}`, () => {
    const headers = { "x-middleware-subrequest": value };

    test("a signed-out /pilot request is still sent to the login page", async ({ request, baseURL }) => {
      const response = await request.get("/pilot", { headers, maxRedirects: 0 });
      expect([302, 303, 307, 308]).toContain(response.status());
      const location = new URL(response.headers()["location"] ?? "", baseURL);
      expect(location.pathname).toBe("/login");
      expect(location.searchParams.get("callbackUrl")).toBe("/pilot");
    });

    test("GET /api/v1/me answers 401 JSON", async ({ request }) => {
      const response = await request.get("/api/v1/me", { headers, maxRedirects: 0 });
      expect(response.status()).toBe(401);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect((await response.json()).error.code).toBe("unauthenticated");
    });

    test("PATCH preferences answers 401 JSON and changes nothing", async ({ request, requestAs }) => {
      const owner = await requestAs("owner");
      const before = await owner.get("/api/v1/accounts/me/preferences");
      expect(before.status()).toBe(200);
      const preferences = await before.json();

      const response = await request.patch("/api/v1/accounts/me/preferences", {
        headers,
        maxRedirects: 0,
        data: {
          escalation_renotify_minutes: preferences.escalation_renotify_minutes === 77 ? 78 : 77,
          slack_webhook_url: "https://hooks.slack.invalid/services/bypass",
        },
      });
      expect(response.status()).toBe(401);
      expect(response.headers()["content-type"]).toContain("application/json");
      expect((await response.json()).error.code).toBe("unauthenticated");

      const after = await owner.get("/api/v1/accounts/me/preferences");
      expect(await after.json()).toEqual(preferences);
    });
  });
}
