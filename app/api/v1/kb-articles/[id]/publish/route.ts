import { withViewer } from "@/lib/http/with-viewer";
import { publishKbArticle } from "@/lib/knowledge/kb-articles";
import { kbArticleParams } from "@/lib/knowledge/kb-schemas";

export const POST = withViewer("engineerOrAdmin", kbArticleParams, (viewer, { id }) => publishKbArticle(viewer, id));
