import { withViewer } from "@/lib/http/with-viewer";
import { rejectDraftTemplate } from "@/lib/scripts/drafts/reject-draft";
import { draftTemplateParams } from "@/lib/scripts/drafts/schemas";

export const POST = withViewer("engineerOrAdmin", draftTemplateParams, (viewer, { id }) => rejectDraftTemplate(viewer, id));
