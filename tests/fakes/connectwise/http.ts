/**
 * The simulator's HTTP vocabulary: what a handler receives, what it answers, and ConnectWise's
 * error bodies (`{ code, message, errors }`, reference §8.1).
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

export type SimRequest = {
  method: string;
  /** Path below the API root (`/service/tickets/1`), or the whole path for non-API routes. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The URL of this request as the client sent it, for Link headers. */
  url: URL;
};

export type SimResponse = { status: number; body?: unknown; headers?: Record<string, string> };

export type CwFieldError = { code: string; message: string; resource?: string; field?: string };

/** Raised by handlers to answer a ConnectWise error body; the router turns it into the response. */
export class CwHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: CwFieldError[] | null = null,
  ) {
    super(message);
  }

  toResponse(): SimResponse {
    return { status: this.status, body: { code: this.code, message: this.message, errors: this.errors } };
  }
}

export const notFound = (message: string) => new CwHttpError(404, "NotFound", message);

/** CW's 400 for a rejected body: `{ code: "InvalidObject", message: "<resource> object is invalid", errors }`. */
export function invalidObject(resource: string, errors: CwFieldError[]): CwHttpError {
  return new CwHttpError(400, "InvalidObject", `${resource} object is invalid`, errors.map((error) => ({ resource, ...error })));
}

export const ok = (body: unknown, headers?: Record<string, string>): SimResponse => ({ status: 200, body, headers });
export const created = (body: unknown): SimResponse => ({ status: 201, body });

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Writes `answer` with the headers every real CW response carries (reference §1.4). */
export function writeResponse(response: ServerResponse, answer: SimResponse, requestId: string) {
  const headers: Record<string, string> = {
    "api-current-version": "2025.1",
    "x-cw-request-id": requestId,
    "x-server-name": "cw-simulator",
    "cache-control": "no-cache",
    ...answer.headers,
  };
  if (answer.body === undefined || answer.status === 204) {
    response.writeHead(answer.status, headers);
    response.end();
    return;
  }
  response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(JSON.stringify(answer.body));
}

/** A plain object body, or a 400 in CW's words. */
export function objectBody(body: unknown, resource: string): Record<string, unknown> {
  if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new CwHttpError(400, "InvalidObject", `${resource} object is invalid`, [{ code: "InvalidObject", message: "The request body must be a JSON object.", resource }]);
}
