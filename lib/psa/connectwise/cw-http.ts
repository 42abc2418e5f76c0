import type { IncomingHttpHeaders } from "node:http";
import type { PsaConnectionConfig } from "@/lib/psa/connection-config";
import type { ConnectWiseOptions } from "@/lib/psa/connectwise/connectwise-options";
import { errorForStatus, type RequestSubject } from "@/lib/psa/connectwise/cw-errors";
import { createCwTransport } from "@/lib/psa/connectwise/cw-transport";
import { buildQuery, type QueryValues } from "@/lib/psa/connectwise/query-string";
import { decideRetry, defaultRetrySettings, parseRetryAfter } from "@/lib/psa/connectwise/retry-policy";
import { PsaError } from "@/lib/psa/psa-error";

export type CwMethod = "GET" | "POST" | "PATCH" | "DELETE";

export type CwCall = {
  method: CwMethod;
  /** Below the API base, e.g. `/service/tickets/123`. */
  path: string;
  query?: QueryValues;
  body?: unknown;
  /** A POST that only reads (`…/search`): retried like a GET. */
  read?: boolean;
  subject?: RequestSubject;
};

export type CwAnswer<T> = { status: number; headers: IncomingHttpHeaders; data: T; url: URL };

export type CwHttp = {
  /** The URL a call goes to (for pagination checks and the GET-vs-search length rule). */
  urlFor(path: string, query?: QueryValues): URL;
  /**
   * Sends `call` and resolves with the parsed JSON of a 2xx answer (null for an empty body).
   * Reads are retried on 429/5xx per retry-policy.ts; writes are sent once. Every failure is a
   * PsaError (cw-errors.ts), logged once per failed attempt as `psa.request_failed`.
   */
  call<T>(call: CwCall): Promise<CwAnswer<T>>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The request layer over one ConnectWise site (see cw-transport.ts for the connection rules). */
export function createCwHttp(config: PsaConnectionConfig, options: ConnectWiseOptions): CwHttp {
  const transport = createCwTransport(config, options);
  const settings = { ...defaultRetrySettings, ...options.retry };

  function urlFor(path: string, query?: QueryValues): URL {
    if (transport.base instanceof PsaError) throw transport.base;
    const search = buildQuery(query);
    return new URL(`${transport.base.pathname}${path}${search ? `?${search}` : ""}`, transport.base.origin);
  }

  function logFailure(call: CwCall, status: number | null, attempt: number, retrying: boolean, message: string) {
    console.warn(
      JSON.stringify({ event: "psa.request_failed", provider: "connectwise", method: call.method, path: call.path, status, attempt, retrying, message: transport.redact(message) }),
    );
  }

  async function call<T>(request: CwCall): Promise<CwAnswer<T>> {
    const url = urlFor(request.path, request.query);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const isRead = request.method === "GET" || request.read === true;
    for (let attempt = 1; ; attempt++) {
      let answer;
      try {
        answer = await transport.send({ method: request.method, url, body });
      } catch (error) {
        logFailure(request, null, attempt, false, (error as Error).message);
        throw error;
      }
      const { status, headers } = answer;
      if (status >= 200 && status < 300) return { status, headers, url, data: parseJson<T>(answer.body, status, transport.redact) };
      const retryAfterMs = parseRetryAfter(headers["retry-after"]);
      const decision = isRead ? decideRetry({ status, attempt, retryAfterMs, settings }) : { retry: false as const };
      const error = errorForStatus(status, transport.redact(answer.body), request.subject ?? {}, {
        retryAfterMs: decision.retry ? null : ("tooLongMs" in decision ? decision.tooLongMs : retryAfterMs),
        location: typeof headers.location === "string" ? headers.location : undefined,
      });
      logFailure(request, status, attempt, decision.retry, error.message);
      if (!decision.retry) throw error;
      await sleep(decision.waitMs);
    }
  }

  return { urlFor, call };
}

function parseJson<T>(body: string, status: number, redact: (text: string) => string): T {
  if (!body.trim()) return null as T;
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new PsaError("upstream", `ConnectWise answered ${status} with something that isn't JSON (${redact(body.slice(0, 80)).trim()}…); check the site URL.`, status);
  }
}
