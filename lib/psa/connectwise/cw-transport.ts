import { configuredAllowHosts } from "@/lib/net/allow-list";
import { createPinnedOrigin, type PinnedOrigin } from "@/lib/net/pinned-origin";
import { BodyTooLargeError, requestPinned, type PinnedResponse } from "@/lib/net/pinned-request";
import type { PsaConnectionConfig } from "@/lib/psa/connection-config";
import type { ConnectWiseOptions } from "@/lib/psa/connectwise/connectwise-options";
import { formatWait } from "@/lib/psa/connectwise/cw-errors";
import { connectWiseApiBase, normaliseConnectWiseSite } from "@/lib/psa/connectwise/site-url";
import { PsaError } from "@/lib/psa/psa-error";

/** The Accept header pins the model version the mappers were written against (§1.4). */
export const CW_ACCEPT = "application/vnd.connectwise.com+json; version=2025.1";
// Lists of 1000 tickets are a few MB; anything far past that is not a ConnectWise answer.
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** `Basic base64("{companyId}+{publicKey}:{privateKey}")` (§1.2). */
export const basicAuthorization = (config: Pick<PsaConnectionConfig, "companyId" | "publicKey" | "privateKey">) =>
  `Basic ${Buffer.from(`${config.companyId}+${config.publicKey}:${config.privateKey}`, "utf8").toString("base64")}`;

export type Attempt = { method: string; url: URL; body?: string };

/** One site's connection: the checked base URL, the pinned address and the fixed headers. */
export type CwTransport = {
  /** The API base (`https://site/v4_6_release/apis/3.0`), or the PsaError the site URL earns. */
  readonly base: URL | PsaError;
  /** Sends one attempt; rejects with a PsaError (upstream) for DNS refusal, timeout, network or TLS failure. */
  send(attempt: Attempt): Promise<PinnedResponse>;
  /** Removes the keys from text that is about to be logged or thrown. */
  redact(text: string): string;
};

/**
 * Prepares the connection for `config`: the site URL is checked and normalised once, its host
 * resolved and checked on first use and pinned for the provider's life. Secrets only go in the
 * Authorization header; `redact` keeps them out of every message.
 */
export function createCwTransport(config: PsaConnectionConfig, options: ConnectWiseOptions): CwTransport {
  const allowHosts = options.allowHosts ?? configuredAllowHosts();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const authorization = basicAuthorization(config);
  const secrets = [config.privateKey, config.publicKey, authorization.slice("Basic ".length)].filter((secret) => secret.length >= 4);
  const redact = (text: string) => secrets.reduce((clean, secret) => clean.split(secret).join("[redacted]"), text);

  let base: URL | PsaError;
  let pinned: PinnedOrigin | null = null;
  try {
    const origin = normaliseConnectWiseSite(config.siteUrl, allowHosts);
    base = connectWiseApiBase(origin);
    pinned = createPinnedOrigin(origin, {
      allowHosts,
      lookup: options.lookup,
      urlName: "ConnectWise site URL",
      publicOnly: "FlowPilot only connects to public addresses",
    });
  } catch (error) {
    base = new PsaError("invalid", `The ConnectWise site URL is refused: ${(error as Error).message}`);
  }

  async function send({ method, url, body }: Attempt): Promise<PinnedResponse> {
    if (base instanceof PsaError || !pinned) throw base;
    const signal = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { authorization, clientId: config.clientId, accept: CW_ACCEPT, "user-agent": "FlowPilot-PSA/1" };
    if (body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
    try {
      const address = await pinned.address(signal);
      return await requestPinned({ url, method, headers, body, pinned: address, signal, maxBodyBytes: MAX_BODY_BYTES, ca: options.ca });
    } catch (error) {
      if (signal.aborted) throw new PsaError("upstream", `ConnectWise did not answer within ${formatWait(timeoutMs)}.`);
      if (error instanceof BodyTooLargeError) throw new PsaError("upstream", `ConnectWise's answer was too large (over ${MAX_BODY_BYTES / 1024 / 1024} MB).`);
      const code = (error as NodeJS.ErrnoException).code;
      // Socket and TLS errors carry a code (ECONNREFUSED, CERT_HAS_EXPIRED); the address check's own errors don't.
      const message = redact((error as Error).message);
      throw new PsaError("upstream", code ? `Could not reach ConnectWise at ${url.host}: ${message}` : `Refused to connect to ConnectWise: ${message}`);
    }
  }

  return { base, send, redact };
}
