import { previewEscalationPackage } from "@/lib/documents/preview";
import { previewDocumentInput } from "@/lib/documents/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const POST = withViewer("engineerOrAdmin", previewDocumentInput, (viewer, { id, refresh }) =>
  previewEscalationPackage(viewer, id, { refresh }),
);
