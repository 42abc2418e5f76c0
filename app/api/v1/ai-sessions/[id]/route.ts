import { getSession } from "@/lib/sessions/read-session";
import { sessionIdParams } from "@/lib/sessions/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const GET = withViewer("signedIn", sessionIdParams, (viewer, { id }) => getSession(viewer, id));
