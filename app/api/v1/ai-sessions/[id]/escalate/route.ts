import { escalateSession } from "@/lib/handoffs/handoff-manager";
import { escalateSessionInput } from "@/lib/handoffs/schemas";
import { withViewer } from "@/lib/http/with-viewer";

/** F1: the legacy escalate URL, a thin shim over the canonical handoff path. */
export const POST = withViewer("engineerOrAdmin", escalateSessionInput, (viewer, input) =>
  escalateSession(viewer, { sessionId: input.id, reason: input.reason, targetUserId: input.target_user_id, packageMarkdown: input.package_markdown }),
);
