import { listMySessions } from "@/lib/sessions/read-session";
import { listSessionsInput } from "@/lib/sessions/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const GET = withViewer("signedIn", listSessionsInput, (viewer, input) => listMySessions(viewer, input));
