import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { createHandoffInput } from "@/lib/handoffs/schemas";
import { withViewer } from "@/lib/http/with-viewer";
import { jsonResponse } from "@/lib/http/json-response";

/** F1–F2: escalate or park a session the viewer works on. */
export const POST = withViewer("engineerOrAdmin", createHandoffInput, async (viewer, input) => {
  const result = await createHandoff(viewer, { sessionId: input.id, intent: input.intent, reason: input.reason, targetUserId: input.target_user_id, packageMarkdown: input.package_markdown });
  return jsonResponse(result, { status: 201 });
});
