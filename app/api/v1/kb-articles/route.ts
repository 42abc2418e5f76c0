import { withViewer } from "@/lib/http/with-viewer";
import { listKbArticlesInput } from "@/lib/knowledge/kb-schemas";
import { listKbArticles } from "@/lib/knowledge/kb-search";

/** L2: the account's KB articles, searched with `q`. */
export const GET = withViewer("signedIn", listKbArticlesInput, (viewer, input) => listKbArticles(viewer, input));
