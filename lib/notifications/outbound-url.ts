import { configuredAllowHosts, isAllowListed } from "@/lib/net/allow-list";
import { abortable, requestPinned } from "@/lib/net/pinned-request";
import { isPublicAddress } from "@/lib/net/public-address";
import { resolvePublicAddress as resolveAddress, type LookupAll, type ResolvedAddress } from "@/lib/net/resolve-address";

// The generic outbound safety lives in lib/net; re-exported so webhook callers keep one import.
export { isAllowListed, isPublicAddress, type LookupAll, type ResolvedAddress };

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

/**
 * Resolves a webhook URL's host and returns the address to connect to (see lib/net): refuses a
 * name that doesn't resolve or has any non-public address, unless allow-listed for tests.
 */
export function resolvePublicAddress(url: URL, options: { allowListed: boolean; lookup?: LookupAll }): Promise<ResolvedAddress> {
  return resolveAddress(url, { ...options, urlName: "webhook URL", publicOnly: "webhooks are only sent to public addresses" });
}

export type OutboundResponse = { status: number; body: string };
export type OutboundOptions = {
  /** OUTBOUND_ALLOW_HOSTS by default. */
  allowHosts?: readonly string[];
  lookup?: LookupAll;
  timeoutMs?: number;
};

// Only the start of an answer is ever shown (errors quote 200 characters).
const MAX_BODY_BYTES = 64 * 1024;

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
  const allowHosts = options.allowHosts ?? configuredAllowHosts();
  const problem = webhookUrlProblem(channel, rawUrl, allowHosts);
  if (problem) throw new Error(`Refused to send to the ${label} webhook: ${problem}`);
  const url = new URL(rawUrl);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const signal = AbortSignal.timeout(timeoutMs);
  let response: OutboundResponse;
  try {
    const pinned = await abortable(resolvePublicAddress(url, { allowListed: isAllowListed(url, allowHosts), lookup: options.lookup }), signal);
    const answer = await requestPinned({
      url,
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "FlowPilot-Webhooks/1" },
      body: JSON.stringify(payload),
      pinned,
      signal,
      maxBodyBytes: MAX_BODY_BYTES,
      oversize: "truncate",
    });
    response = { status: answer.status, body: answer.body };
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
