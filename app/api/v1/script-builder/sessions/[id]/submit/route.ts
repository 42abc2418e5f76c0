import { withViewer } from "@/lib/http/with-viewer";
import { submitBuilderScript } from "@/lib/script-builder/submit-to-fix";
import { submitBuilderScriptInput } from "@/lib/script-builder/schemas";

/** H4 "Submit to fix": the current script and its parameters onto a fix of the builder's pilot session (D6 rules). */
export const POST = withViewer("engineerOrAdmin", submitBuilderScriptInput, (viewer, input) => submitBuilderScript(viewer, input));
