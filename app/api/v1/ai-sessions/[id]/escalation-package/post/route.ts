import { escalateSession } from "@/lib/handoffs/handoff-manager";
import { withViewer } from "@/lib/http/with-viewer";
import { postEscalationPackageInput } from "@/lib/psa/writeback/schemas";

/** F1/E4: escalates with the engineer's package and posts it to the linked ticket (internal analysis). */
export const POST = withViewer("engineerOrAdmin", postEscalationPackageInput, (viewer, input) =>
  escalateSession(viewer, { sessionId: input.id, reason: input.reason, targetUserId: input.target_user_id, packageMarkdown: input.markdown }),
);
