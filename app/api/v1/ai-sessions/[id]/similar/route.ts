import { withViewer } from "@/lib/http/with-viewer";
import { similarSessionsParams } from "@/lib/knowledge/schemas";
import { listSimilarSessions } from "@/lib/knowledge/similar-sessions";

export const GET = withViewer("signedIn", similarSessionsParams, (viewer, { id, limit }) => listSimilarSessions(viewer, id, limit));
