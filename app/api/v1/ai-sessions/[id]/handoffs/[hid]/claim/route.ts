import { claimHandoff } from "@/lib/handoffs/claim-handoff";
import { claimHandoffInput } from "@/lib/handoffs/schemas";
import { withViewer } from "@/lib/http/with-viewer";

/** F6–F7: pick up a teammate's escalation; exactly one claimer wins. */
export const POST = withViewer("engineerOrAdmin", claimHandoffInput, (viewer, input) =>
  claimHandoff(viewer, { sessionId: input.id, handoffId: input.hid }),
);
