import { withViewer } from "@/lib/http/with-viewer";
import { deleteBuilderSession, getBuilderSession } from "@/lib/script-builder/builder-sessions";
import { builderSessionParams } from "@/lib/script-builder/schemas";

/** H4: one of the viewer's builder sessions with its messages; anyone else's is a 404. */
export const GET = withViewer("engineerOrAdmin", builderSessionParams, (viewer, input) => getBuilderSession(viewer, input.id));

/** Deletes one of the viewer's builder sessions, freeing a slot under the cap of 5. */
export const DELETE = withViewer("engineerOrAdmin", builderSessionParams, (viewer, input) => deleteBuilderSession(viewer, input.id));
