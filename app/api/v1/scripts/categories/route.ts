import { withViewer } from "@/lib/http/with-viewer";
import { createScriptCategory, listScriptCategories } from "@/lib/scripts/templates/categories";
import { createCategoryInput, noInput } from "@/lib/scripts/templates/schemas";
import { jsonResponse } from "@/lib/http/json-response";

export const GET = withViewer("signedIn", noInput, (viewer) => listScriptCategories(viewer));

export const POST = withViewer("engineerOrAdmin", createCategoryInput, async (viewer, input) =>
  jsonResponse(await createScriptCategory(viewer, input), { status: 201 }),
);
