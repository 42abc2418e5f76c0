import { withViewer } from "@/lib/http/with-viewer";
import { getKbArticle, updateKbArticle } from "@/lib/knowledge/kb-articles";
import { kbArticleParams, updateKbArticleInput } from "@/lib/knowledge/kb-schemas";

export const GET = withViewer("signedIn", kbArticleParams, (viewer, { id }) => getKbArticle(viewer, id));

/** Title, body and which redacted items to keep. */
export const PATCH = withViewer("engineerOrAdmin", updateKbArticleInput, (viewer, input) => updateKbArticle(viewer, input));
