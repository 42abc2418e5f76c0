import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { bareHostname } from "@/lib/net/public-address";
import type { ResolvedAddress } from "@/lib/net/resolve-address";

export type PinnedRequest = {
  url: URL;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /** The checked address to connect to; the host name is never resolved again. */
  pinned: ResolvedAddress;
  /** Ends the request (connect, TLS, headers and body) when it aborts, e.g. `AbortSignal.timeout(ms)`. */
  signal: AbortSignal;
  /** Cap on the answer's body, 1 MiB by default. */
  maxBodyBytes?: number;
  /** What to do past the cap: "fail" (default) rejects with `BodyTooLargeError`, "truncate" keeps the start. */
  oversize?: "fail" | "truncate";
  /** Extra trusted CA certificates (PEM) for https; tests use it for a local server. */
  ca?: string;
};

export type PinnedResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/** The answer was larger than `maxBodyBytes`; the connection was dropped. */
export class BodyTooLargeError extends Error {
  readonly code = "ERR_BODY_TOO_LARGE";
  constructor(readonly limit: number) {
    super(`the answer was larger than ${limit} bytes`);
  }
}

/** A `lookup` for sockets that always answers `pinned`, whatever name it is asked for. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    const done = callback as (error: Error | null, address: string | ResolvedAddress[], family?: number) => void;
    if (options.all) done(null, [pinned]);
    else done(null, pinned.address, pinned.family);
  };
}

/**
 * Sends one request over a fresh socket connected to the already-checked `pinned` address, with
 * the URL's host name for the Host header, SNI and certificate verification. Never follows
 * redirects: a 3xx resolves like any other status, for the caller to refuse. Rejects with the
 * socket/TLS error (it has a `code`), the signal's reason when aborted, or `BodyTooLargeError`.
 */
export function requestPinned(request: PinnedRequest): Promise<PinnedResponse> {
  const { url, pinned, signal } = request;
  const secure = url.protocol === "https:";
  const hostname = bareHostname(url);
  const limit = request.maxBodyBytes ?? 1024 * 1024;
  const headers: Record<string, string | number> = { ...request.headers };
  if (request.body !== undefined) headers["content-length"] = Buffer.byteLength(request.body);
  const options: https.RequestOptions = {
    method: request.method,
    hostname,
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers,
    // A fresh agent: no pooled socket from an earlier, differently resolved connection.
    agent: false,
    lookup: pinnedLookup(pinned),
    signal,
    ...(secure ? { servername: isIP(hostname) ? undefined : hostname, ca: request.ca, rejectUnauthorized: true } : {}),
  };
  return new Promise((resolve, reject) => {
    const outgoing = (secure ? https : http).request(options, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      response.on("data", (chunk: Buffer) => {
        if (truncated) return;
        size += chunk.length;
        if (size <= limit) return void chunks.push(chunk);
        if (request.oversize === "truncate") {
          chunks.push(chunk.subarray(0, chunk.length - (size - limit)));
          truncated = true;
          return;
        }
        reject(new BodyTooLargeError(limit));
        outgoing.destroy();
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** `promise`, or the signal's reason as soon as it aborts (for steps that take no signal, like DNS). */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
