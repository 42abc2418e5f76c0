import { createFact, listFacts } from "@/lib/facts/fact-service";
import { createFactInput, sessionFactsParams } from "@/lib/facts/schemas";
import { withViewer } from "@/lib/http/with-viewer";
import { jsonResponse } from "@/lib/http/json-response";

export const GET = withViewer("signedIn", sessionFactsParams, (viewer, { id }) => listFacts(viewer, id));

export const POST = withViewer("engineerOrAdmin", createFactInput, async (viewer, input) =>
  jsonResponse(await createFact(viewer, input), { status: 201 }),
);
