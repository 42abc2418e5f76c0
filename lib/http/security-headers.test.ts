import { describe, expect, it } from "vitest";
import {
  apiContentSecurityPolicy,
  buildContentSecurityPolicy,
  createNonce,
  isHttpsRequest,
  pageSecurityHeaders,
  staticSecurityHeaders,
} from "./security-headers";

/** The policy as directive → its sources, so a test can ask about one directive exactly. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const production = { nonce: "bm9uY2UtZm9yLXRlc3Q=", development: false, https: false };

describe("buildContentSecurityPolicy", () => {
  it("lets scripts come only from this origin or carry the request's nonce, in production", () => {
    const policy = directives(buildContentSecurityPolicy(production));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2UtZm9yLXRlc3Q='"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2UtZm9yLXRlc3Q='"]);
    expect(buildContentSecurityPolicy(production)).not.toMatch(/unsafe-eval|strict-dynamic|\*/);
  });

  it("refuses framing, plugins and foreign forms and bases", () => {
    const policy = directives(buildContentSecurityPolicy(production));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("allows React's dev tooling and the HMR websocket in development only", () => {
    const policy = directives(buildContentSecurityPolicy({ ...production, development: true }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2UtZm9yLXRlc3Q='", "'unsafe-eval'"]);
    // With a nonce beside it, 'unsafe-inline' would be ignored; the dev server's styles carry none.
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("upgrades insecure subresources only when served over https", () => {
    expect(directives(buildContentSecurityPolicy(production)).has("upgrade-insecure-requests")).toBe(false);
    expect(directives(buildContentSecurityPolicy({ ...production, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("pageSecurityHeaders", () => {
  it("adds HSTS over https and never over http", () => {
    expect(pageSecurityHeaders(production).map(({ key }) => key)).toEqual(["Content-Security-Policy"]);
    const https = new Map(pageSecurityHeaders({ ...production, https: true }).map(({ key, value }) => [key, value]));
    expect(https.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    expect(https.get("Content-Security-Policy")).toContain("'nonce-bm9uY2UtZm9yLXRlc3Q='");
  });
});

describe("isHttpsRequest", () => {
  it("believes the first hop of X-Forwarded-Proto, else the URL", () => {
    expect(isHttpsRequest("http://127.0.0.1:3000/pilot", "https")).toBe(true);
    expect(isHttpsRequest("http://127.0.0.1:3000/pilot", "HTTPS, http")).toBe(true);
    expect(isHttpsRequest("http://127.0.0.1:3000/pilot", "http, https")).toBe(false);
    expect(isHttpsRequest("https://app.example.test/pilot", null)).toBe(true);
    expect(isHttpsRequest("http://app.example.test/pilot", null)).toBe(false);
    expect(isHttpsRequest("http://app.example.test/pilot", "")).toBe(false);
  });
});

describe("static headers", () => {
  const headers = new Map(staticSecurityHeaders.map(({ key, value }) => [key, value]));

  it("stop sniffing, trim referrers and deny framing on every response", () => {
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(apiContentSecurityPolicy).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("refuse the powerful features the app never uses, and not the clipboard it copies to", () => {
    const features = new Map(headers.get("Permissions-Policy")!.split(", ").map((entry) => entry.split("=") as [string, string]));
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(features.get(feature)).toBe("()");
    expect(features.has("clipboard-write")).toBe(false);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, () => createNonce()));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});
