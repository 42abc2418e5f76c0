import { withViewer } from "@/lib/http/with-viewer";
import { getDraftTemplate } from "@/lib/scripts/drafts/draft-queue";
import { draftTemplateParams } from "@/lib/scripts/drafts/schemas";

export const GET = withViewer("signedIn", draftTemplateParams, (viewer, { id }) => getDraftTemplate(viewer, id));
