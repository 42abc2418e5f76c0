import { z } from "zod";
import { withViewer } from "@/lib/http/with-viewer";
import { createBuilderSession, listBuilderSessions } from "@/lib/script-builder/builder-sessions";
import { openBuilderFromFix } from "@/lib/script-builder/open-from-fix";
import { createBuilderSessionInput } from "@/lib/script-builder/schemas";
import { jsonResponse } from "@/lib/http/json-response";

/** H4: the viewer's standalone builder sessions. Engineer-or-admin: viewers don't build scripts. */
export const GET = withViewer("engineerOrAdmin", z.object({}), (viewer) => listBuilderSessions(viewer));

/** A new session (201), or with from_session + fix one pre-loaded from that fix (200 when it already existed). 409 at the cap. */
export const POST = withViewer("engineerOrAdmin", createBuilderSessionInput, async (viewer, input) => {
  if (input.from_session && input.fix) {
    const opened = await openBuilderFromFix(viewer, { sessionId: input.from_session, fixId: input.fix, language: input.language, title: input.title });
    return jsonResponse(opened.session, { status: opened.created ? 201 : 200 });
  }
  return jsonResponse(await createBuilderSession(viewer, { title: input.title, language: input.language }), { status: 201 });
});
