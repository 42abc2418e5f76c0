import { SSE_HEADERS } from "@/lib/chat/sse";
import { withViewer } from "@/lib/http/with-viewer";
import { escalationStreamInput } from "@/lib/realtime/schemas";
import { openEscalationStream } from "@/lib/realtime/subscriber-stream";
import { viewerFeedOptions } from "@/lib/realtime/viewer-feed";

/**
 * F4: the viewer's account's escalation events as server-sent events (ready, heartbeats,
 * handoff_created, handoff_claimed). `npm start`'s server (server.ts) answers this path itself
 * without Next's per-request machinery (lib/http/node-escalation-stream.ts); this route serves it
 * under `next dev` and a plain `next start`.
 */
export const GET = withViewer("engineerOrAdmin", escalationStreamInput, (viewer, input, request) => {
  const stream = openEscalationStream({ ...viewerFeedOptions(viewer, request.headers.get("last-event-id"), input), signal: request.signal });
  return new Response(stream, { headers: SSE_HEADERS });
});
