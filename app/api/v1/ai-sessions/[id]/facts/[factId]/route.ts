import { deleteFact, updateFact } from "@/lib/facts/fact-service";
import { factParams, updateFactInput } from "@/lib/facts/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const PATCH = withViewer("engineerOrAdmin", updateFactInput, (viewer, input) => updateFact(viewer, input));

export const DELETE = withViewer("engineerOrAdmin", factParams, async (viewer, input) => {
  await deleteFact(viewer, input);
  return new Response(null, { status: 204 });
});
