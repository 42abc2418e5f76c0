import type { IncomingMessage, ServerResponse } from "node:http";
import { SSE_HEADERS } from "@/lib/chat/sse";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { apiContentSecurityPolicy, staticSecurityHeaders } from "@/lib/http/security-headers";
import { viewerAndInput } from "@/lib/http/with-viewer";
import { pipeEscalationFeed } from "@/lib/realtime/node-response-sink";
import { escalationStreamInput } from "@/lib/realtime/schemas";
import { viewerFeedOptions } from "@/lib/realtime/viewer-feed";
import { runInTenantScope } from "@/lib/tenancy/scope";

export const ESCALATION_STREAM_PATH = "/api/v1/ai-sessions/escalations/stream";

const securityHeaders: Record<string, string> = {
  ...Object.fromEntries(staticSecurityHeaders.map(({ key, value }) => [key.toLowerCase(), value])),
  "content-security-policy": apiContentSecurityPolicy,
};

/** Whether `request` is a GET of the escalation stream, which server.ts answers itself. */
export function isEscalationStreamRequest(request: IncomingMessage): boolean {
  if (request.method !== "GET" || !request.url) return false;
  const query = request.url.indexOf("?");
  return (query === -1 ? request.url : request.url.slice(0, query)) === ESCALATION_STREAM_PATH;
}

/**
 * F4: GET /api/v1/ai-sessions/escalations/stream on a plain Node response. The same checks and
 * answers as the route handler (app/api/v1/ai-sessions/escalations/stream/route.ts): sign-in,
 * the engineer-or-admin guard, the query's checks, the viewer's data scope, and errors as
 * `{ error: { code, message } }`. What it leaves out is Next's per-request state: an open
 * stream then holds only the socket and the feed, so one process keeps thousands open.
 */
export async function serveEscalationStream(request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const headers = new Headers();
    for (const name of ["cookie", "authorization"] as const) {
      const value = request.headers[name];
      if (value) headers.set(name, value);
    }
    const query = () => Object.fromEntries(new URL(request.url ?? "/", "http://localhost").searchParams);
    const { viewer, input } = await viewerAndInput({ headers }, "engineerOrAdmin", escalationStreamInput, query);
    const lastEventIdHeader = request.headers["last-event-id"];
    const options = viewerFeedOptions(viewer, typeof lastEventIdHeader === "string" ? lastEventIdHeader : null, input);
    if (response.destroyed) return;
    response.writeHead(200, { ...securityHeaders, ...SSE_HEADERS });
    response.flushHeaders();
    // The feed's reads (the replay, each heartbeat's check) run in the viewer's data scope.
    await runInTenantScope(viewer.accountId, () => void pipeEscalationFeed(options, response));
  } catch (error) {
    const { status, body } = toErrorResponseParts(error);
    if (response.headersSent) return void response.destroy();
    response.writeHead(status, { ...securityHeaders, "content-type": "application/json" });
    response.end(JSON.stringify(body));
  }
}
