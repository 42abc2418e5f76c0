import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";

/** The chat providers FlowPilot posts escalation alerts to (F3). */
export type WebhookChannel = "slack" | "teams";

export const channelLabel: Record<WebhookChannel, string> = { slack: "Slack", teams: "Microsoft Teams" };

/**
 * Hosts each provider's incoming webhooks live on. A leading "." means "any subdomain of".
 * Teams: classic connectors (`<tenant>.webhook.office.com`, the older `outlook.office.com`) and
 * Workflows / Power Automate (`*.logic.azure.com`, `*.environment.api.powerplatform.com`).
 */
export const providerHosts: Record<WebhookChannel, readonly string[]> = {
  slack: ["hooks.slack.com"],
  teams: [".webhook.office.com", "outlook.office.com", ".logic.azure.com", ".environment.api.powerplatform.com"],
};

const hostExamples: Record<WebhookChannel, string> = {
  slack: "https://hooks.slack.com/services/…",
  teams: "https://<tenant>.webhook.office.com/… or a Teams Workflows URL",
};

function onProviderHost(channel: WebhookChannel, hostname: string): boolean {
  return providerHosts[channel].some((rule) =>
    rule.startsWith(".") ? hostname.endsWith(rule) && hostname.length > rule.length : hostname === rule,
  );
}

/**
 * True when `url`'s host is in `allowHosts` (OUTBOUND_ALLOW_HOSTS): an entry `host` matches any
 * port, `host:port` only that port. Test-only: such URLs may be http and point at loopback.
 */
export function isAllowListed(url: URL, allowHosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const hostPort = `${host}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
  return allowHosts.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted === host || wanted === hostPort;
  });
}

/**
 * The static check run when a webhook URL is saved and again before each send: why `raw` can't
 * be `channel`'s webhook, or null when it can. No DNS here; see `resolvePublicAddress`.
 */
export function webhookUrlProblem(channel: WebhookChannel, raw: string, allowHosts: readonly string[] = []): string | null {
  const label = channelLabel[channel];
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `Enter the full ${label} webhook URL, starting with https://.`;
  }
  if (url.username || url.password) return "Webhook URLs can't contain a user name or password.";
  if (isAllowListed(url, allowHosts)) {
    return url.protocol === "https:" || url.protocol === "http:" ? null : "Webhook URLs must start with https://.";
  }
  if (url.protocol !== "https:") return "Webhook URLs must start with https://.";
  if (url.port) return `${label} webhook URLs use the standard https port; remove :${url.port} from the URL.`;
  const hostname = url.hostname.toLowerCase();
  if (onProviderHost(channel, hostname)) return null;
  const other: WebhookChannel = channel === "slack" ? "teams" : "slack";
  if (onProviderHost(other, hostname)) {
    return `That is a ${channelLabel[other]} webhook URL; paste it into the ${channelLabel[other]} field instead.`;
  }
  return `${hostname} is not a ${label} webhook host. Use the URL ${label} gives you (${hostExamples[channel]}).`;
}

// Addresses a webhook must never reach: the server itself, its network, and anything not unicast-public.
const forbidden = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", incl. the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, incl. cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast
] as const) {
  forbidden.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128],
  ["::", 96], // IPv4-compatible (deprecated)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  forbidden.addSubnet(network, prefix, "ipv6");
}

/** The 16 bytes of an IPv6 address (dotted IPv4 tail allowed), or null when it isn't one. */
function ipv6Bytes(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.split("%")[0]!;
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** The IPv4 address an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) address carries. */
function embeddedIPv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (!bytes) return null;
  const prefix = bytes.slice(0, 12).join(",");
  const mapped = "0,0,0,0,0,0,0,0,0,0,255,255";
  const nat64 = "0,100,255,155,0,0,0,0,0,0,0,0";
  return prefix === mapped || prefix === nat64 ? bytes.slice(12).join(".") : null;
}

/**
 * True when a webhook may connect to `address`: a unicast public IPv4 or IPv6 address. Private,
 * loopback, link-local, CGNAT, unique-local, multicast, unspecified, documentation and reserved
 * ranges are refused, including when wrapped in an IPv4-mapped or NAT64 IPv6 address.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !forbidden.check(address, "ipv4");
  if (family !== 6) return false;
  const inner = embeddedIPv4(address);
  if (inner) return isPublicAddress(inner);
  return !forbidden.check(address.split("%")[0]!, "ipv6");
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves every address of a host name (the shape of `dns.lookup(host, { all: true })`). */
export type LookupAll = (hostname: string) => Promise<ResolvedAddress[]>;

const systemLookup: LookupAll = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/** `[::1]` → `::1`: URL keeps the brackets of an IPv6 literal, DNS and sockets don't want them. */
const bareHostname = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Resolves `url`'s host and returns the address to connect to. Refuses (throws) when the name
 * doesn't resolve or when any of its addresses is not public, unless the host is allow-listed
 * for tests. Connecting to the returned address (not resolving again) closes the DNS-rebinding gap.
 */
export async function resolvePublicAddress(url: URL, options: { allowListed: boolean; lookup?: LookupAll }): Promise<ResolvedAddress> {
  const hostname = bareHostname(url);
  let addresses: ResolvedAddress[];
  try {
    addresses = await (options.lookup ?? systemLookup)(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Could not resolve ${hostname}${code ? ` (${code})` : ""}; check the webhook URL.`);
  }
  if (addresses.length === 0) throw new Error(`Could not resolve ${hostname}; check the webhook URL.`);
  if (!options.allowListed) {
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) {
      throw new Error(`${hostname} resolves to ${refused.address}, a private or reserved address; webhooks are only sent to public addresses.`);
    }
  }
  return addresses[0]!;
}

/** A `lookup` for sockets that always answers `pinned`, whatever name it is asked for. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    const done = callback as (error: Error | null, address: string | ResolvedAddress[], family?: number) => void;
    if (options.all) done(null, [pinned]);
    else done(null, pinned.address, pinned.family);
  };
}

export type OutboundResponse = { status: number; body: string };
export type OutboundOptions = {
  /** OUTBOUND_ALLOW_HOSTS by default. */
  allowHosts?: readonly string[];
  lookup?: LookupAll;
  timeoutMs?: number;
};

const MAX_BODY_CHARS = 64 * 1024;

/**
 * POSTs `payload` as JSON to `channel`'s webhook `rawUrl`, after the static check and the address
 * check, over a socket pinned to the checked address. Never follows redirects. Resolves with any
 * 2xx answer; throws an Error saying what went wrong for a refused URL, DNS failure, timeout,
 * network error, redirect or non-2xx status (with the first 200 characters of the answer).
 */
export async function postWebhookJson(
  channel: WebhookChannel,
  rawUrl: string,
  payload: unknown,
  options: OutboundOptions = {},
): Promise<OutboundResponse> {
  const label = channelLabel[channel];
  const allowHosts = options.allowHosts ?? env.OUTBOUND_ALLOW_HOSTS;
  const problem = webhookUrlProblem(channel, rawUrl, allowHosts);
  if (problem) throw new Error(`Refused to send to the ${label} webhook: ${problem}`);
  const url = new URL(rawUrl);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: OutboundResponse;
  try {
    const pinned = await abortable(resolvePublicAddress(url, { allowListed: isAllowListed(url, allowHosts), lookup: options.lookup }), signal);
    response = await requestPinned(url, JSON.stringify(payload), pinned, signal);
  } catch (error) {
    if (signal.aborted) throw new Error(`${label} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}.`);
    // Socket and TLS errors carry a code (ECONNREFUSED, CERT_HAS_EXPIRED); the checks' own errors don't.
    if ((error as NodeJS.ErrnoException).code) throw new Error(`Could not reach the ${label} webhook: ${(error as Error).message}`);
    throw error;
  }
  if (response.status >= 300 && response.status < 400) {
    throw new Error(`${label} answered ${response.status} with a redirect, which is never followed; check the webhook URL.`);
  }
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${label} answered ${response.status}: ${response.body.slice(0, 200).trim() || "(empty body)"}`);
  }
  return response;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function requestPinned(url: URL, body: string, pinned: ResolvedAddress, signal: AbortSignal): Promise<OutboundResponse> {
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        method: "POST",
        hostname: bareHostname(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "user-agent": "FlowPilot-Webhooks/1" },
        // A fresh agent: no pooled socket from an earlier, differently resolved connection.
        agent: false,
        lookup: pinnedLookup(pinned),
        signal,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < MAX_BODY_CHARS) text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
