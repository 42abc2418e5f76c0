/**
 * A fake of Resend's `POST /emails`, close enough that the official SDK can't tell:
 *
 * - `Authorization: Bearer <key>` is required: none → 401 missing_api_key, another key → 403.
 * - `from`, `to` and `subject` are required → 422 missing_required_field, as Resend answers.
 * - `Idempotency-Key` (max 256 characters): the same key with the same body answers the first
 *   send's id and sends nothing more; the same key with another body → 409 invalid_idempotent_request.
 * - `failNext(n, 500 | 429)` answers the next n sends with that error; `dropNext(n)` accepts the
 *   next n sends and then cuts the connection without answering (a lost response).
 *
 * `emails` holds each mail actually sent (one per distinct send); `requests` every request seen.
 * Also runnable by hand: `npx tsx tests/fakes/resend-server.ts --port 4020`, then
 * RESEND_BASE_URL=http://127.0.0.1:4020 RESEND_API_KEY=re_fake; GET /_fake/emails lists the mail.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const FAKE_RESEND_KEY = "re_fake_test_key";

export type SentEmail = { id: string; idempotencyKey: string | null; from: string; to: string[]; subject: string; html?: string; text?: string };
export type SeenRequest = { method: string; path: string; headers: IncomingMessage["headers"]; body: unknown };

export type FakeResend = {
  url: string;
  emails: SentEmail[];
  requests: SeenRequest[];
  /** Answers the next `count` sends with `status` (500 internal error or 429 rate limit). */
  failNext(count: number, status?: 500 | 429): void;
  /** Sends the next `count` mails, then cuts the connection before answering. */
  dropNext(count: number): void;
  reset(): void;
  close(): Promise<void>;
};

type Stored = { id: string; body: string };

/** Starts the fake on 127.0.0.1 (`port` 0: any free one), accepting `apiKey`. */
export async function startFakeResend(options: { port?: number; apiKey?: string } = {}): Promise<FakeResend> {
  const apiKey = options.apiKey ?? FAKE_RESEND_KEY;
  const emails: SentEmail[] = [];
  const requests: SeenRequest[] = [];
  const byKey = new Map<string, Stored>();
  let failures: { count: number; status: 500 | 429 } = { count: 0, status: 500 };
  let drops = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const raw = await readBody(request);
    const route = `${request.method} ${new URL(request.url ?? "/", "http://fake").pathname}`;
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      return sendJson(response, 400, { statusCode: 400, name: "validation_error", message: "Invalid JSON body." });
    }
    requests.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body });
    if (route === "GET /_fake/emails") return sendJson(response, 200, { emails });
    if (route !== "POST /emails") return sendJson(response, 404, { statusCode: 404, name: "not_found", message: "Route not found." });

    const auth = request.headers.authorization;
    if (!auth) return sendJson(response, 401, { statusCode: 401, name: "missing_api_key", message: "Missing API key in the authorization header" });
    if (auth !== `Bearer ${apiKey}`) return sendJson(response, 403, { statusCode: 403, name: "validation_error", message: "API key is invalid" });
    const mail = (body ?? {}) as Partial<SentEmail> & { to?: string | string[] };
    for (const field of ["from", "to", "subject"] as const) {
      if (!mail[field] || (Array.isArray(mail[field]) && mail[field].length === 0)) {
        return sendJson(response, 422, { statusCode: 422, name: "missing_required_field", message: `Missing \`${field}\` field.` });
      }
    }
    if (failures.count > 0) {
      failures.count -= 1;
      if (failures.status === 429) {
        response.setHeader("retry-after", "1");
        return sendJson(response, 429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." });
      }
      return sendJson(response, 500, { statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." });
    }

    const key = header(request, "idempotency-key");
    if (key && key.length > 256) return sendJson(response, 422, { statusCode: 422, name: "invalid_idempotency_key", message: "The key must be between 1-256 chars." });
    const previous = key ? byKey.get(key) : undefined;
    if (previous) {
      if (previous.body !== raw) {
        return sendJson(response, 409, { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload. Change your idempotency key or payload." });
      }
      return sendJson(response, 200, { id: previous.id });
    }
    const id = randomUUID();
    if (key) byKey.set(key, { id, body: raw });
    emails.push({ id, idempotencyKey: key ?? null, from: mail.from!, to: ([] as string[]).concat(mail.to!), subject: mail.subject!, html: mail.html, text: mail.text });
    if (drops > 0) {
      drops -= 1;
      response.socket?.destroy();
      return;
    }
    return sendJson(response, 200, { id });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendJson(response, 500, { statusCode: 500, name: "fake_error", message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    requests,
    failNext(count, status = 500) {
      failures = { count, status };
    },
    dropNext(count) {
      drops = count;
    },
    reset() {
      emails.length = 0;
      requests.length = 0;
      byKey.clear();
      failures = { count: 0, status: 500 };
      drops = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

async function main() {
  const index = process.argv.indexOf("--port");
  const port = index === -1 ? 0 : Number(process.argv[index + 1]);
  const fake = await startFakeResend({ port, apiKey: process.env.RESEND_API_KEY || FAKE_RESEND_KEY });
  console.log(`Fake Resend listening on ${fake.url}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, "") === __filename.replace(/\.ts$/, "")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
