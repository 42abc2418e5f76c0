import { SSE_HEADERS } from "@/lib/chat/sse";
import { loadViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { withViewer } from "@/lib/http/with-viewer";
import { escalationStreamInput, resumeEventId } from "@/lib/realtime/schemas";
import { openEscalationStream } from "@/lib/realtime/subscriber-stream";

/**
 * F4: the viewer's account's escalation events as server-sent events (ready, heartbeats,
 * handoff_created, handoff_claimed). Resumes after the Last-Event-ID header, or `last_event_id`.
 * The role and the sign-in are re-read at each heartbeat: a demoted, removed or signed-out
 * user's stream closes (A7).
 */
export const GET = withViewer("engineerOrAdmin", escalationStreamInput, (viewer, input, request) => {
  const stream = openEscalationStream({
    accountId: viewer.accountId,
    lastEventId: resumeEventId(request.headers.get("last-event-id"), input.last_event_id),
    signal: request.signal,
    // Only a refusal closes the stream; a database hiccup keeps it open until the next beat.
    stillAllowed: () => loadViewer(viewer, "engineerOrAdmin").then(() => true, (error: unknown) => !(error instanceof AppError)),
    accessKey: `${viewer.userId}:${viewer.signInId ?? ""}`,
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
