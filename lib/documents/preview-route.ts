import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { previewDocument, previewedSessionRead, type PreviewedSession } from "@/lib/documents/preview";
import { previewDocumentInput } from "@/lib/documents/schemas";
import { withViewerAndFirstRead } from "@/lib/http/with-viewer";
import { workerReadableSessionsCondition } from "@/lib/sessions/session-access";

/**
 * E1–E3: the POST handler of a document's preview route. The session is read in the viewer's own
 * statement, so a cache hit costs one round trip to the database.
 */
export function previewRoute(kind: DocumentKind) {
  return withViewerAndFirstRead(
    "engineerOrAdmin",
    previewDocumentInput,
    (ids, { id }) => previewedSessionRead(id, workerReadableSessionsCondition(ids)),
    (viewer, { id, refresh }, session: PreviewedSession | null) => previewDocument(viewer, id, { kind, refresh, session }),
  );
}
