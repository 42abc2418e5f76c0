import { saveDraftScript } from "@/lib/fixes/fix-outcome";
import { draftScriptInput } from "@/lib/fixes/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const POST = withViewer("engineerOrAdmin", draftScriptInput, (viewer, input) => saveDraftScript(viewer, input));
