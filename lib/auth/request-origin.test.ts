import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { withRequestOrigin } from "@/lib/auth/request-origin";

describe("withRequestOrigin", () => {
  it("rebuilds a callback URL on the origin the browser used", () => {
    const request = new NextRequest("http://localhost:3000/api/auth/callback/microsoft-entra-id?code=abc", { headers: { host: "127.0.0.1:3000" } });
    expect(withRequestOrigin(request).url).toBe("http://127.0.0.1:3000/api/auth/callback/microsoft-entra-id?code=abc");
  });

  it("follows a proxy's forwarded host and protocol", () => {
    const request = new NextRequest("http://localhost:3000/api/auth/session", {
      headers: { host: "10.0.0.5:3000", "x-forwarded-host": "flowpilot.example.com", "x-forwarded-proto": "https" },
    });
    expect(new URL(withRequestOrigin(request).url).origin).toBe("https://flowpilot.example.com");
  });

  it("leaves a request that already has its origin as it is", () => {
    const request = new NextRequest("http://flowpilot.example.com/api/auth/session", { headers: { host: "flowpilot.example.com" } });
    expect(withRequestOrigin(request)).toBe(request);
  });

  it("keeps a POST's method, headers and body", async () => {
    const request = new NextRequest("http://localhost:3000/api/auth/signout", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/x-www-form-urlencoded" },
      body: "csrfToken=abc",
    });
    const rebuilt = withRequestOrigin(request);
    expect([rebuilt.method, rebuilt.headers.get("content-type"), await rebuilt.text()]).toEqual(["POST", "application/x-www-form-urlencoded", "csrfToken=abc"]);
  });
});
