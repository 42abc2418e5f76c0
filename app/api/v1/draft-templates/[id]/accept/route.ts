import { withViewer } from "@/lib/http/with-viewer";
import { acceptDraftTemplate } from "@/lib/scripts/drafts/accept-draft";
import { acceptDraftTemplateRequest } from "@/lib/scripts/drafts/schemas";

/** H5: promotes the draft to a team template, optionally with edits (name, description, category, body, parameters). */
export const POST = withViewer("engineerOrAdmin", acceptDraftTemplateRequest, (viewer, { id, ...edits }) =>
  acceptDraftTemplate(viewer, id, edits),
);
