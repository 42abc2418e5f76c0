import { withViewer } from "@/lib/http/with-viewer";
import { archiveScriptTemplate } from "@/lib/scripts/templates/archive-template";
import { getScriptTemplate } from "@/lib/scripts/templates/get-template";
import { getTemplateInput, templateIdParams, updateTemplateInput } from "@/lib/scripts/templates/schemas";
import { updateScriptTemplate } from "@/lib/scripts/templates/update-template";

export const GET = withViewer("signedIn", getTemplateInput, (viewer, { id, version }) => getScriptTemplate(viewer, id, { version }));

export const PATCH = withViewer("engineerOrAdmin", updateTemplateInput, (viewer, { id, ...patch }) => updateScriptTemplate(viewer, id, patch));

/** DELETE archives: the template stays readable by id (see archiveScriptTemplate). */
export const DELETE = withViewer("engineerOrAdmin", templateIdParams, (viewer, { id }) => archiveScriptTemplate(viewer, id));
