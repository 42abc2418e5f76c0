import { outboundUrlProblem } from "@/lib/net/url-rules";

// ConnectWise cloud answers the API only on the `api-` host (without it: "SSL is required", §1.1).
const CLOUD_SITE = /^(na|eu|au)\.myconnectwise\.net$|^(staging)\.connectwisedev\.com$/;

/** The API base under a site's origin; v4_6_release routes to the tenant's current codebase on cloud. */
export const API_PATH = "/v4_6_release/apis/3.0";

type Parsed = { url: URL } | { problem: string };

function parseSite(raw: string): Parsed {
  const text = raw.trim();
  const example = "Enter the ConnectWise site, e.g. na.myconnectwise.net or https://cw.example.com.";
  if (!text) return { problem: example };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    return { url: new URL(withScheme) };
  } catch {
    return { problem: example };
  }
}

/**
 * Why `raw` can't be a ConnectWise site, or null when it can (static: no DNS; the client checks
 * the resolved address again before connecting). https only (http for allow-listed test hosts),
 * no user name or password, not localhost or a private/loopback/link-local address literal.
 * A bare host (`na.myconnectwise.net`) or a full API URL are both fine; only the origin is kept.
 */
export function connectWiseSiteProblem(raw: string, allowHosts: readonly string[]): string | null {
  const parsed = parseSite(raw);
  if ("problem" in parsed) return parsed.problem;
  return outboundUrlProblem(parsed.url, allowHosts, "The ConnectWise site");
}

/**
 * The site's origin as FlowPilot talks to it: scheme + host (+ port), the cloud web hosts
 * (`na.myconnectwise.net`) moved to their API host (`api-na.myconnectwise.net`), path dropped.
 * Throws an Error with `connectWiseSiteProblem`'s reason when the site is refused.
 */
export function normaliseConnectWiseSite(raw: string, allowHosts: readonly string[]): URL {
  const problem = connectWiseSiteProblem(raw, allowHosts);
  const parsed = parseSite(raw);
  if (problem || "problem" in parsed) throw new Error(problem ?? "Enter the ConnectWise site.");
  const url = new URL(parsed.url.origin);
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (CLOUD_SITE.test(host)) url.hostname = `api-${host}`;
  return url;
}

/** `https://site/v4_6_release/apis/3.0`: the base every API path is appended to. */
export const connectWiseApiBase = (origin: URL) => new URL(`${origin.origin}${API_PATH}`);
