import { withViewer } from "@/lib/http/with-viewer";
import { listDraftTemplates } from "@/lib/scripts/drafts/draft-queue";
import { listDraftTemplatesQuery } from "@/lib/scripts/drafts/schemas";

/** H5: pending drafts by default; `?pending_only=false` for the audit view. */
export const GET = withViewer("signedIn", listDraftTemplatesQuery, (viewer, query) => listDraftTemplates(viewer, query));
