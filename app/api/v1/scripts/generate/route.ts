import { withViewer } from "@/lib/http/with-viewer";
import { generateScript } from "@/lib/scripts/generate/generate-script";
import { generateScriptInput } from "@/lib/scripts/generate/schemas";
import { jsonResponse } from "@/lib/http/json-response";

/** H2: renders a template with parameters; the real script is only in this response. */
export const POST = withViewer("engineerOrAdmin", generateScriptInput, async (viewer, input) =>
  jsonResponse(await generateScript(viewer, input), { status: 201 }),
);
