import { createSession } from "@/lib/sessions/create-session";
import { listMySessions } from "@/lib/sessions/read-session";
import { createSessionInput, listSessionsInput } from "@/lib/sessions/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const GET = withViewer("signedIn", listSessionsInput, (viewer, input) => listMySessions(viewer, input));

export const POST = withViewer("engineerOrAdmin", createSessionInput, async (viewer, input) =>
  Response.json(await createSession(viewer, input), { status: 201 }),
);
