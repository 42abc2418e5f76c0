import { promoteFact } from "@/lib/facts/fact-synthesis";
import { promoteFactInput } from "@/lib/facts/schemas";
import { withViewer } from "@/lib/http/with-viewer";
import { jsonResponse } from "@/lib/http/json-response";

export const POST = withViewer("engineerOrAdmin", promoteFactInput, async (viewer, input) =>
  jsonResponse(await promoteFact(viewer, input), { status: 201 }),
);
