import { createSession } from "@/lib/sessions/create-session";
import { listSessions } from "@/lib/sessions/list-sessions";
import { createSessionInput, listSessionsInput } from "@/lib/sessions/schemas";
import { withViewer } from "@/lib/http/with-viewer";
import { jsonResponse } from "@/lib/http/json-response";

/** B1: one page of the caller's sessions (a viewer's: the team's), searched and sorted, with the total. */
export const GET = withViewer("signedIn", listSessionsInput, async (viewer, input) => {
  const { items, total, page, pageSize } = await listSessions(viewer, input);
  return { sessions: items, total, page, page_size: pageSize };
});

export const POST = withViewer("engineerOrAdmin", createSessionInput, async (viewer, input) =>
  jsonResponse(await createSession(viewer, input), { status: 201 }),
);
