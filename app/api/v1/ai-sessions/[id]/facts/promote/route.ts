import { promoteFact } from "@/lib/facts/fact-synthesis";
import { promoteFactInput } from "@/lib/facts/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const POST = withViewer("engineerOrAdmin", promoteFactInput, async (viewer, input) =>
  Response.json(await promoteFact(viewer, input), { status: 201 }),
);
