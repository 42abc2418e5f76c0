/**
 * A local stand-in for the Anthropic Messages API (POST /v1/messages) that the real SDK talks to
 * through ANTHROPIC_BASE_URL. It answers JSON or SSE streams with the real event sequence
 * (message_start … message_stop), reports usage with cache read/write token counts, simulates
 * prompt caching (a prefix ending at a cache_control breakpoint is written once, then read, and
 * only when it is at least `minCacheableTokens` long, as the real API does), and fails on demand
 * with the real error shapes (429 with retry-after, 500, 529 overloaded).
 *
 * It knows the MCP connector's request shape (J4): a request with `mcp_servers` must carry the
 * connector's beta header and name each server in an `mcp_toolset` entry of `tools`, or it gets
 * the 400 the real API gives. A scripted reply can stream `mcp_tool_use` / `mcp_tool_result`
 * blocks before its text, and `setMcpFailure` fails every request that carries `mcp_servers`
 * (the MCP server unreachable, say) while requests without it still answer.
 *
 * `tests/fakes/anthropic-server.ts` runs the same fake as its own process (for Playwright and
 * manual runs) with an admin API under /_fake/.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Queued replies may name `match`: then only a request whose prompt (system + messages) contains it takes them. */
type ReplyScope = { match?: string };
export type FakeTextReply = ReplyScope & {
  text: string;
  /** Wait before answering (before the headers). */
  delayMs?: number;
  /** Characters per streamed text delta (default 12). */
  chunkSize?: number;
  /** Wait between streamed deltas, so a client can be seen mid-stream (default 0). */
  chunkDelayMs?: number;
  /** MCP tool calls the "model" makes before its text: each streams an mcp_tool_use and an mcp_tool_result block. */
  mcpToolUses?: FakeMcpToolUse[];
  /** Streams this many characters of the text, then an `error` event (as the API does when it fails mid-answer). */
  failAfterChars?: number;
};
export type FakeMcpToolUse = { name: string; input?: Record<string, unknown>; result: string; isError?: boolean; serverName?: string };
export type FakeErrorReply = ReplyScope & { status: 429 | 500 | 529 | 400 | 401; message?: string };
export type FakeReply = FakeTextReply | FakeErrorReply;

export type FakeAnthropicOptions = {
  minCacheableTokens?: number;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; loopback by default. */
  host?: string;
  /**
   * Handles a request that is not POST /v1/messages (e.g. an admin API); resolves true when it
   * answered. Unhandled requests get a 404 in the API's error shape.
   */
  handleOther?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean> | boolean;
};

export type RecordedRequest = {
  headers: Record<string, string | string[] | undefined>;
  body: MessagesBody;
  stream: boolean;
};

type ContentBlock = { type: string; text?: string; cache_control?: { type: string } };
export type McpServerDefinition = { type: string; url: string; name: string; authorization_token?: string };
export type MessagesBody = {
  model: string;
  max_tokens: number;
  stream?: boolean;
  mcp_servers?: McpServerDefinition[];
  tools?: { type: string; mcp_server_name?: string; name?: string }[];
  system?: string | ContentBlock[];
  messages: { role: string; content: string | ContentBlock[] }[];
};

export type FakeAnthropic = {
  /** Base URL for ANTHROPIC_BASE_URL. */
  url: string;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  /** Queues replies, used in order before the responder. */
  enqueue: (...replies: FakeReply[]) => void;
  /** Answers requests when the queue is empty (e.g. a scripted model for end-to-end runs). */
  setResponder: (responder: ((body: MessagesBody) => FakeReply) | undefined) => void;
  /**
   * While set, every request gets this reply, ahead of the queue (e.g. `{ status: 529 }` for an
   * outage); undefined ends it.
   */
  setOverride: (reply: FakeReply | undefined) => void;
  /** While set, every request carrying `mcp_servers` gets this error; undefined ends it. */
  setMcpFailure: (reply: FakeErrorReply | undefined) => void;
  /** Replies still queued. */
  queued: () => number;
  /** Forget requests, queued replies, the override and the simulated prompt cache. */
  reset: () => void;
  close: () => Promise<void>;
};

const ERROR_TYPES: Record<FakeErrorReply["status"], string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

/** The connector betas the real API accepts for `mcp_servers`. */
export const MCP_CONNECTOR_BETAS = ["mcp-client-2025-04-04", "mcp-client-2025-11-20", "mcp-client-2026-09-15"];
/** What the real API answers when it can't reach a declared MCP server. */
export const MCP_UNREACHABLE: FakeErrorReply = { status: 400, message: "Connection error while communicating with MCP server microsoft-learn" };

/** Why the real API would refuse this request's MCP declaration, or undefined when it is well formed. */
function mcpShapeProblem(request: IncomingMessage, body: MessagesBody): string | undefined {
  if (!body.mcp_servers) return undefined;
  const betas = String(request.headers["anthropic-beta"] ?? "").split(",").map((beta) => beta.trim());
  if (!betas.some((beta) => MCP_CONNECTOR_BETAS.includes(beta))) return "mcp_servers: requires the anthropic-beta header mcp-client-2025-11-20.";
  for (const [index, server] of body.mcp_servers.entries()) {
    if (server.type !== "url" || !server.url?.startsWith("https://") || !server.name) {
      return `mcp_servers.${index}: needs type "url", an https:// url and a name.`;
    }
    const offered = body.tools?.some((tool) => tool.type === "mcp_toolset" && tool.mcp_server_name === server.name);
    if (!offered && betas.includes("mcp-client-2025-11-20")) return `mcp_servers.${index}: server "${server.name}" has no mcp_toolset in tools.`;
  }
  return undefined;
}

const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function blocksOf(content: string | ContentBlock[] | undefined): ContentBlock[] {
  if (!content) return [];
  return typeof content === "string" ? [{ type: "text", text: content }] : content;
}

/** The request as one list of blocks in prompt order: system, then each message's content. */
function promptBlocks(body: MessagesBody): ContentBlock[] {
  return [...blocksOf(body.system), ...body.messages.flatMap((message) => blocksOf(message.content))];
}

/** Everything the model is shown, as one string (what a reply's `match` is looked up in). */
export function promptText(body: MessagesBody): string {
  return promptBlocks(body)
    .map((block) => block.text ?? "")
    .join("\n");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const minCacheable = options.minCacheableTokens ?? 1024;
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const cachedPrefixes = new Set<string>();
  let responder: ((body: MessagesBody) => FakeReply) | undefined;
  let override: FakeReply | undefined;
  let mcpFailure: FakeErrorReply | undefined;

  /** The first queued reply for this request: unscoped, or scoped to text its prompt contains. */
  function takeQueued(body: MessagesBody): FakeReply | undefined {
    if (queue.length === 0) return undefined;
    let prompt: string | undefined;
    const index = queue.findIndex((reply) => reply.match === undefined || (prompt ??= promptText(body)).includes(reply.match));
    return index === -1 ? undefined : queue.splice(index, 1)[0];
  }

  /** Simulated prompt caching: the longest prefix ending at a breakpoint is read if seen before. */
  function cacheUsage(body: MessagesBody) {
    const blocks = promptBlocks(body);
    const total = blocks.reduce((sum, block) => sum + estimateTokens(block.text ?? ""), 0);
    let prefixTokens = 0;
    let read = 0;
    let written = 0;
    // The real cache is per model, and a prefix is a sequence of blocks, not their concatenation.
    const hash = createHash("sha256").update(body.model);
    for (const block of blocks) {
      hash.update("\u0000").update(block.text ?? "");
      prefixTokens += estimateTokens(block.text ?? "");
      if (!block.cache_control || prefixTokens < minCacheable) continue;
      const key = hash.copy().digest("hex");
      if (cachedPrefixes.has(key)) {
        read = prefixTokens;
        written = 0;
      } else {
        cachedPrefixes.add(key);
        written = prefixTokens - read;
      }
    }
    return { input_tokens: total - read - written, cache_read_input_tokens: read, cache_creation_input_tokens: written };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== "POST" || !request.url?.startsWith("/v1/messages")) {
      if (options.handleOther && (await options.handleOther(request, response))) return;
      return sendError(response, { status: 400, message: `Unexpected ${request.method} ${request.url}` }, 404);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as MessagesBody;
    requests.push({ headers: request.headers, body, stream: Boolean(body.stream) });

    const shapeProblem = mcpShapeProblem(request, body);
    if (shapeProblem) return sendError(response, { status: 400, message: shapeProblem });
    if (body.mcp_servers && mcpFailure) return sendError(response, mcpFailure);
    const reply = override ?? takeQueued(body) ?? responder?.(body) ?? { status: 500, message: "The fake model has no scripted reply." };
    if ("status" in reply) return sendError(response, reply);
    if (reply.delayMs) await sleep(reply.delayMs);
    const usage = { ...cacheUsage(body), output_tokens: estimateTokens(reply.text) };
    const id = `msg_fake_${requests.length}`;
    // Tool calls only happen when the request offered the tools.
    const toolBlocks = body.mcp_servers ? mcpBlocks(reply.mcpToolUses ?? [], id) : [];
    if (!body.stream) {
      response.writeHead(200, { "content-type": "application/json", "request-id": `req_${id}` });
      response.end(
        JSON.stringify({
          id,
          type: "message",
          role: "assistant",
          model: body.model,
          content: [...toolBlocks, { type: "text", text: reply.text }],
          stop_reason: "end_turn",
          stop_sequence: null,
          usage,
        }),
      );
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "request-id": `req_${id}` });
    const send = (event: string, data: object) => response.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
    send("message_start", {
      message: { id, type: "message", role: "assistant", model: body.model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } },
    });
    send("ping", {});
    for (const [index, block] of toolBlocks.entries()) {
      if (block.type === "mcp_tool_use") {
        send("content_block_start", { index, content_block: { ...block, input: {} } });
        send("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: JSON.stringify(block.input) } });
      } else {
        send("content_block_start", { index, content_block: block });
      }
      send("content_block_stop", { index });
    }
    const textIndex = toolBlocks.length;
    send("content_block_start", { index: textIndex, content_block: { type: "text", text: "" } });
    const size = reply.chunkSize ?? 12;
    for (let offset = 0; offset < reply.text.length; offset += size) {
      if (reply.chunkDelayMs && offset > 0) await sleep(reply.chunkDelayMs);
      if (response.destroyed) return; // the client went away mid-stream
      if (reply.failAfterChars !== undefined && offset >= reply.failAfterChars) {
        send("error", { error: { type: "overloaded_error", message: "Overloaded" } });
        response.end();
        return;
      }
      send("content_block_delta", { index: textIndex, delta: { type: "text_delta", text: reply.text.slice(offset, offset + size) } });
    }
    send("content_block_stop", { index: textIndex });
    send("message_delta", { delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: usage.output_tokens } });
    send("message_stop", {});
    response.end();
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendError(response, { status: 500, message: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${urlHost(options.host ?? "127.0.0.1")}:${port}`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setResponder: (next) => {
      responder = next;
    },
    setOverride: (reply) => {
      override = reply;
    },
    setMcpFailure: (reply) => {
      mcpFailure = reply;
    },
    queued: () => queue.length,
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      override = undefined;
      mcpFailure = undefined;
      cachedPrefixes.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open; streams in flight end with the server.
        server.closeAllConnections();
      }),
  };
}

/** The response blocks of scripted MCP tool calls, as the connector returns them. */
function mcpBlocks(uses: FakeMcpToolUse[], messageId: string) {
  return uses.flatMap((use, index) => {
    const id = `mcptoolu_${messageId}_${index}`;
    return [
      { type: "mcp_tool_use", id, name: use.name, server_name: use.serverName ?? "microsoft-learn", input: use.input ?? {} },
      { type: "mcp_tool_result", tool_use_id: id, is_error: use.isError ?? false, content: [{ type: "text", text: use.result }] },
    ];
  });
}

const urlHost = (host: string) => (host.includes(":") ? `[${host}]` : host);

function sendError(response: ServerResponse, reply: FakeErrorReply, httpStatus: number = reply.status) {
  const headers: Record<string, string> = { "content-type": "application/json", "request-id": "req_fake_error" };
  // Like the real API, a 429 names its wait. The SDK treats 0 as "no hint" and falls back to its
  // own backoff (about half a second), which keeps retried tests short.
  if (reply.status === 429) headers["retry-after"] = "0";
  response.writeHead(httpStatus, headers);
  response.end(
    JSON.stringify({ type: "error", error: { type: ERROR_TYPES[reply.status], message: reply.message ?? ERROR_TYPES[reply.status] } }),
  );
}
