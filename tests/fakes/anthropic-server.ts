/**
 * The fake Anthropic Messages API (tests/fakes/anthropic.ts) as its own process, for end-to-end
 * runs and trying the app by hand:
 *
 *   npx tsx tests/fakes/anthropic-server.ts --port 4010     # then ANTHROPIC_BASE_URL=http://127.0.0.1:4010
 *
 * Besides POST /v1/messages it answers a small admin API (JSON in, JSON out):
 *
 *   POST /_fake/enqueue   { replies: [{ text, delayMs?, chunkSize?, chunkDelayMs?, match?, mcpToolUses? } | { status, message?, match? }] }
 *                         queues replies, used in order; one with `match` is only taken by a request
 *                         whose prompt contains that text (so parallel tests don't take each other's)
 *   POST /_fake/mode      { mode: "up" | "down" }: down answers every request 529 overloaded_error
 *   POST /_fake/mcp       { fail: { status, message? } | true | null }: while set, every request carrying
 *                         mcp_servers gets that error (true: the 400 for an unreachable MCP server)
 *   POST /_fake/reset     clears the queue, the mode, the recorded requests and the prompt cache
 *   GET  /_fake/requests  { requests: [{ headers, body, stream }] }, oldest first
 *   GET  /_fake/health    { ok: true, mode, queued }
 *
 * With an empty queue and mode up, a request gets DEFAULT_REPLY (plain prose, no markers), so a
 * stray call never hangs or fails. Listens on loopback only; SIGTERM/SIGINT stop it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { MCP_UNREACHABLE, startFakeAnthropic, type FakeAnthropic, type FakeErrorReply, type FakeMcpToolUse, type FakeReply } from "./anthropic";
import { runIfMain, stopOnSignals } from "./run-as-process";

export const DEFAULT_REPLY =
  "This is the fake model's default reply: nothing was scripted for this request. " +
  "Check the basics first, then tell me what you see.";

const ERROR_STATUSES = new Set([400, 401, 429, 500, 529]);
const MAX_BODY_BYTES = 5 * 2 ** 20;

export type FakeModelMode = "up" | "down";
export type FakeModelServer = FakeAnthropic & { mode: () => FakeModelMode };

class BadRequest extends Error {}

/** Starts the fake with the admin API and the default reply on `port` (0: any free one). */
export async function startFakeModelServer(options: { port?: number; host?: string } = {}): Promise<FakeModelServer> {
  let mode: FakeModelMode = "up";
  // Set once the fake listens; a request in that instant gets a 503.
  const started: { fake?: FakeAnthropic } = {};

  const admin = async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const { pathname } = new URL(request.url ?? "/", "http://fake");
    if (!pathname.startsWith("/_fake/")) return false;
    const route = `${request.method} ${pathname}`;
    const fake = started.fake;
    if (!fake) return sendJson(response, 503, { error: "Starting." });
    try {
      switch (route) {
        case "GET /_fake/health":
          return sendJson(response, 200, { ok: true, mode, queued: fake.queued() });
        case "GET /_fake/requests":
          return sendJson(response, 200, { requests: fake.requests });
        case "POST /_fake/enqueue": {
          const replies = parseReplies(await readJson(request));
          fake.enqueue(...replies);
          return sendJson(response, 200, { queued: fake.queued() });
        }
        case "POST /_fake/mode": {
          const body = await readJson(request);
          const next = (body as { mode?: unknown } | null)?.mode;
          if (next !== "up" && next !== "down") throw new BadRequest('mode is "up" or "down".');
          mode = next;
          fake.setOverride(mode === "down" ? { status: 529, message: "Overloaded" } : undefined);
          return sendJson(response, 200, { mode });
        }
        case "POST /_fake/mcp": {
          const fail = (await readJson(request) as { fail?: unknown } | null)?.fail;
          fake.setMcpFailure(parseMcpFailure(fail));
          return sendJson(response, 200, { mcp_failing: fail !== null && fail !== undefined && fail !== false });
        }
        case "POST /_fake/reset":
          await drain(request);
          fake.reset();
          mode = "up";
          return sendJson(response, 200, { ok: true });
        default:
          return sendJson(response, 404, { error: `No admin route ${route}.` });
      }
    } catch (error) {
      if (error instanceof BadRequest) return sendJson(response, 400, { error: error.message });
      throw error;
    }
  };

  const fake = await startFakeAnthropic({ port: options.port ?? 0, host: options.host ?? "127.0.0.1", handleOther: admin });
  started.fake = fake;
  fake.setResponder(() => ({ text: DEFAULT_REPLY }));
  const reset = fake.reset;
  return {
    ...fake,
    reset: () => {
      reset();
      mode = "up";
    },
    setOverride: (reply) => {
      fake.setOverride(reply);
      mode = reply && "status" in reply && reply.status === 529 ? "down" : "up";
    },
    mode: () => mode,
  };
}

function parseReplies(body: unknown): FakeReply[] {
  const replies = (body as { replies?: unknown } | null)?.replies;
  if (!Array.isArray(replies) || replies.length === 0) throw new BadRequest("Send { replies: [...] } with at least one reply.");
  return replies.map((reply: unknown, index): FakeReply => {
    const where = `replies[${index}]`;
    if (typeof reply !== "object" || reply === null) throw new BadRequest(`${where} is not an object.`);
    const value = reply as Record<string, unknown>;
    const match = optionalString(value.match, `${where}.match`);
    if ("status" in value) {
      if (typeof value.status !== "number" || !ERROR_STATUSES.has(value.status)) {
        throw new BadRequest(`${where}.status is one of ${[...ERROR_STATUSES].join(", ")}.`);
      }
      const message = optionalString(value.message, `${where}.message`);
      return { status: value.status as 400 | 401 | 429 | 500 | 529, message, match };
    }
    if (typeof value.text !== "string") throw new BadRequest(`${where} needs text (a string) or status.`);
    return {
      text: value.text,
      delayMs: optionalNumber(value.delayMs, `${where}.delayMs`, 0),
      chunkSize: optionalNumber(value.chunkSize, `${where}.chunkSize`, 1),
      chunkDelayMs: optionalNumber(value.chunkDelayMs, `${where}.chunkDelayMs`, 0),
      mcpToolUses: parseToolUses(value.mcpToolUses, `${where}.mcpToolUses`),
      match,
    };
  });
}

function parseMcpFailure(fail: unknown): FakeErrorReply | undefined {
  if (fail === null || fail === undefined || fail === false) return undefined;
  if (fail === true) return MCP_UNREACHABLE;
  const value = fail as { status?: unknown; message?: unknown };
  if (typeof value !== "object" || typeof value.status !== "number" || !ERROR_STATUSES.has(value.status)) {
    throw new BadRequest(`fail is true, null or { status } with status one of ${[...ERROR_STATUSES].join(", ")}.`);
  }
  return { status: value.status as FakeErrorReply["status"], message: optionalString(value.message, "fail.message") };
}

function parseToolUses(value: unknown, where: string): FakeMcpToolUse[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new BadRequest(`${where} is an array.`);
  return value.map((use: unknown, index) => {
    const item = use as Record<string, unknown> | null;
    if (typeof item !== "object" || item === null || typeof item.name !== "string" || typeof item.result !== "string") {
      throw new BadRequest(`${where}[${index}] needs name and result (strings).`);
    }
    return { name: item.name, result: item.result, input: (item.input as Record<string, unknown> | undefined) ?? {}, isError: item.isError === true };
  });
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") throw new BadRequest(`${name} is a non-empty string.`);
  return value;
}

function optionalNumber(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) throw new BadRequest(`${name} is an integer ≥ ${min}.`);
  return value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest("The body is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const drain = (request: IncomingMessage) => readBody(request).then(() => undefined);

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  try {
    return text.trim() ? JSON.parse(text) : null;
  } catch {
    throw new BadRequest("The body is not valid JSON.");
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): true {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
  return true;
}

function parsePort(argv: string[]): number {
  const index = argv.findIndex((arg) => arg === "--port" || arg.startsWith("--port="));
  const raw = index === -1 ? (process.env.FAKE_MODEL_PORT ?? "0") : argv[index]!.includes("=") ? argv[index]!.split("=")[1] : argv[index + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port needs a port number, got ${raw}`);
  return port;
}

async function main() {
  const server = await startFakeModelServer({ port: parsePort(process.argv.slice(2)) });
  console.log(`Fake Anthropic Messages API on ${server.url} (admin API under ${server.url}/_fake/)`);
  stopOnSignals("Fake Anthropic", () => server.close());
}

runIfMain(__filename, main);
