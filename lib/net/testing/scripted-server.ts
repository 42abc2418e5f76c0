/**
 * A tiny local HTTP(S) server for the outbound-client unit tests: it answers from a queue of
 * scripted responses (then a default) and records each request with the time it arrived, so
 * tests can count attempts and measure waits. Loopback only.
 */
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";

export type ScriptedAnswer = { status: number; body?: string | object; headers?: Record<string, string>; delayMs?: number };
export type RecordedRequest = { method: string; url: string; path: string; headers: IncomingHttpHeaders; body: string; at: number; servername?: string };

export type ScriptedServer = {
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Queues answers for the next requests, in order. */
  answerNext(...answers: ScriptedAnswer[]): void;
  /** Answers every unscripted request (200 `[]` by default); a function sees the request. */
  setDefault(answer: ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer)): void;
  reset(): void;
  close(): Promise<void>;
};

const fixture = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
/** A self-signed certificate for `cw.test` only (test-only key, 100-year validity). */
export const TEST_TLS = { cert: fixture("test-only-cw-test.cert.pem"), key: fixture("test-only-cw-test.key.pem") };

export async function startScriptedServer(options: { tls?: boolean } = {}): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  let queue: ScriptedAnswer[] = [];
  let fallback: ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer) = { status: 200, body: [] };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = request.url ?? "/";
      const record: RecordedRequest = {
        method: request.method ?? "",
        url,
        path: new URL(url, "http://x").pathname,
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
        servername: (request.socket as TLSSocket).servername || undefined,
      };
      requests.push(record);
      const answer = queue.shift() ?? (typeof fallback === "function" ? fallback(record) : fallback);
      const send = () => {
        if (response.destroyed) return;
        const body = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
        response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...answer.headers });
        response.end(body);
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  };

  const server = options.tls ? createHttpsServer(TEST_TLS, handle) : createHttpServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    port,
    requests,
    answerNext: (...answers) => void queue.push(...answers),
    setDefault: (answer) => void (fallback = answer),
    reset() {
      requests.length = 0;
      queue = [];
      fallback = { status: 200, body: [] };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
