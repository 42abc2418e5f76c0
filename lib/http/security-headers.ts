/**
 * The security headers FlowPilot sends. Pure: the proxy (per-request nonce, HSTS) and
 * next.config.ts (headers that never change) build their headers from here, so the policy is
 * written once and tested without a server.
 */

type Header = { key: string; value: string };

/** Browser features the app never uses; each is refused for the page and anything it embeds. */
const refusedFeatures = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
  "browsing-topics",
];

/** Sent on every response (pages, API, assets) by next.config.ts. */
export const staticSecurityHeaders: Header[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: refusedFeatures.map((feature) => `${feature}=()`).join(", ") },
  // For browsers without CSP frame-ancestors; the page policy says the same.
  { key: "X-Frame-Options", value: "DENY" },
];

/** API responses are data, never a document to render, run or frame. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** One year, as HSTS preload lists expect. */
export const strictTransportSecurity = "max-age=31536000; includeSubDomains";

export type PagePolicyOptions = {
  /** Fresh for every request (createNonce); Next stamps it on its own scripts and styles. */
  nonce: string;
  /** `next dev`: React's dev tooling evaluates code, injects styles, and HMR talks over a websocket. */
  development: boolean;
  /** Served over https: insecure subresource URLs are upgraded. */
  https: boolean;
};

/**
 * The Content-Security-Policy of a page: scripts only from this origin or carrying the request's
 * nonce (and `unsafe-eval` only in development), no plugins, no framing by anyone.
 */
export function buildContentSecurityPolicy({ nonce, development, https }: PagePolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, ...(development ? ["'unsafe-eval'"] : [])],
    // The dev server injects its CSS as unstamped <style> elements; a nonce in the list would void 'unsafe-inline'.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // Style attributes can't run script or load anything (url() answers to img-src and font-src);
    // mail HTML in the dev mailbox, written for email clients, is styled by nothing else.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(development ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** The headers a page response adds to the static ones: its CSP, and HSTS when served over https. */
export function pageSecurityHeaders(options: PagePolicyOptions): Header[] {
  return [
    { key: "Content-Security-Policy", value: buildContentSecurityPolicy(options) },
    ...(options.https ? [{ key: "Strict-Transport-Security", value: strictTransportSecurity }] : []),
  ];
}

/**
 * Whether the browser reached us over https: the URL says so, or the TLS-terminating proxy in
 * front does (the first hop of X-Forwarded-Proto).
 */
export function isHttpsRequest(url: string, forwardedProto: string | null): boolean {
  const firstHop = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  if (firstHop) return firstHop === "https";
  return new URL(url).protocol === "https:";
}

/** 128 random bits, base64: unguessable, and a valid CSP nonce-source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
