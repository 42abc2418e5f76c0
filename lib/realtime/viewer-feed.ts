import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import type { EscalationFeedOptions } from "@/lib/realtime/escalation-feed";
import { resumeEventId } from "@/lib/realtime/schemas";

/**
 * F4: the feed a viewer's escalation stream opens, whichever server carries it: their account's
 * events after the Last-Event-ID header (or `last_event_id`), with the role and the sign-in
 * re-read at each heartbeat so a demoted, removed or signed-out user's stream closes (A7).
 */
export function viewerFeedOptions(viewer: Viewer, lastEventIdHeader: string | null, input: { last_event_id?: string }): EscalationFeedOptions {
  return {
    accountId: viewer.accountId,
    lastEventId: resumeEventId(lastEventIdHeader, input.last_event_id),
    // Only a refusal closes the stream; a database hiccup keeps it open until the next beat.
    stillAllowed: () => loadViewer(viewer, "engineerOrAdmin").then(() => true, (error: unknown) => !(error instanceof AppError)),
    accessKey: `${viewer.userId}:${viewer.signInId ?? ""}`,
  };
}
