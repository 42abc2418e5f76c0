import { withViewer } from "@/lib/http/with-viewer";
import { createKbArticle } from "@/lib/knowledge/kb-articles";
import { draftKbArticleInput } from "@/lib/knowledge/kb-schemas";

/** L2: drafts a KB article from a resolved session (201). */
export const POST = withViewer("engineerOrAdmin", draftKbArticleInput, async (viewer, input) =>
  Response.json(await createKbArticle(viewer, input), { status: 201 }),
);
