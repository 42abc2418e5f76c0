import { withViewer } from "@/lib/http/with-viewer";
import { createKbArticle } from "@/lib/knowledge/kb-articles";
import { draftKbArticleInput } from "@/lib/knowledge/kb-schemas";
import { jsonResponse } from "@/lib/http/json-response";

/** L2: drafts a KB article from a resolved session (201). */
export const POST = withViewer("engineerOrAdmin", draftKbArticleInput, async (viewer, input) =>
  jsonResponse(await createKbArticle(viewer, input), { status: 201 }),
);
