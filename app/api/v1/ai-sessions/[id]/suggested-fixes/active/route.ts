import { getActiveFix } from "@/lib/fixes/fix-access";
import { sessionFixesParams } from "@/lib/fixes/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const GET = withViewer("signedIn", sessionFixesParams, (viewer, { id }) => getActiveFix(viewer, id));
