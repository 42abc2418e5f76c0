/**
 * A fake Slack / Teams incoming-webhook endpoint for tests: a node:http server on 127.0.0.1 that
 * records every request per path and answers like the real providers.
 *
 *   const receiver = await startWebhookReceiver();
 *   receiver.urlFor("/slack/T1/B2/x")     // answers 200 "ok" (text/html), like hooks.slack.com
 *   receiver.urlFor("/teams/webhookb2/x") // answers 200 "1" (text/plain), like a Teams connector
 *   receiver.failNext(2, "error")         // the next two requests get 500
 *   receiver.failNext(1, "gone")          // 410 "no_service", Slack's answer for a deleted hook
 *   receiver.failNext(1, "redirect")      // 302 to /redirected (a client must not follow it)
 *   receiver.failNext(1, "hang")          // never answers (for timeouts)
 *   receiver.failNext(1, { status: 200, body: "Webhook message delivery failed with error: 429" })
 *
 * Paths containing "teams" answer like Teams; every other path like Slack. A failure can be
 * limited to one path (`{ path }`) so parallel tests don't take each other's. Point the app at
 * it with OUTBOUND_ALLOW_HOSTS=127.0.0.1 (test-only escape hatch of lib/notifications/outbound-url).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The parsed JSON body, or undefined when it wasn't JSON. */
  body: unknown;
  /** The status this request was answered with (null while hanging). */
  answeredWith: number | null;
};

type CustomAnswer = { status: number; body?: string; headers?: Record<string, string> };
export type WebhookFailure = "error" | "gone" | "redirect" | "hang" | CustomAnswer;

export type WebhookReceiver = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `127.0.0.1:<port>`, for OUTBOUND_ALLOW_HOSTS. */
  host: string;
  urlFor: (path: string) => string;
  /** Requests received, oldest first; only those to `path` when given. */
  received: (path?: string) => ReceivedWebhook[];
  failNext: (count: number, failure: WebhookFailure, options?: { path?: string }) => void;
  /** Clears recorded requests and queued failures. */
  reset: () => void;
  close: () => Promise<void>;
};

type QueuedFailure = { failure: WebhookFailure; path?: string };

function answer(response: ServerResponse, { status, body = "", headers = {} }: CustomAnswer) {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  response.end(body);
}

/** Starts the receiver on an ephemeral loopback port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  let queue: QueuedFailure[] = [];
  let origin = "";

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const path = new URL(request.url ?? "/", "http://fake").pathname;
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const record: ReceivedWebhook = { method: request.method ?? "", path, headers: request.headers, raw, body, answeredWith: null };
      requests.push(record);

      const index = queue.findIndex((entry) => !entry.path || entry.path === path);
      const failure = index >= 0 ? queue.splice(index, 1)[0]!.failure : null;
      if (failure === "hang") return;
      const reply = failureAnswer(failure, origin) ?? successAnswer(path);
      record.answeredWith = reply.status;
      answer(response, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    host: `127.0.0.1:${port}`,
    urlFor: (path) => `${origin}${path.startsWith("/") ? path : `/${path}`}`,
    received: (path) => requests.filter((entry) => !path || entry.path === path),
    failNext: (count, failure, options = {}) => {
      for (let i = 0; i < count; i++) queue.push({ failure, path: options.path });
    },
    reset: () => {
      requests.length = 0;
      queue = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function successAnswer(path: string): CustomAnswer {
  return path.includes("teams") ? { status: 200, body: "1" } : { status: 200, body: "ok", headers: { "content-type": "text/html" } };
}

function failureAnswer(failure: WebhookFailure | null, origin: string): CustomAnswer | null {
  if (failure === null || failure === "hang") return null;
  if (failure === "error") return { status: 500, body: "internal_error" };
  if (failure === "gone") return { status: 410, body: "no_service" };
  if (failure === "redirect") return { status: 302, body: "", headers: { location: `${origin}/redirected` } };
  return failure;
}
