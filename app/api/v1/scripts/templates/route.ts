import { withViewer } from "@/lib/http/with-viewer";
import { createScriptTemplate } from "@/lib/scripts/templates/create-template";
import { listScriptTemplates } from "@/lib/scripts/templates/list-templates";
import { createTemplateInput, listTemplatesInput } from "@/lib/scripts/templates/schemas";
import { jsonResponse } from "@/lib/http/json-response";

export const GET = withViewer("signedIn", listTemplatesInput, (viewer, input) => listScriptTemplates(viewer, input));

export const POST = withViewer("engineerOrAdmin", createTemplateInput, async (viewer, input) =>
  jsonResponse(await createScriptTemplate(viewer, input), { status: 201 }),
);
