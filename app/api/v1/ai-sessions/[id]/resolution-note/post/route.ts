import { postResolutionNote } from "@/lib/documents/post-resolution";
import { postResolutionNoteInput } from "@/lib/documents/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const POST = withViewer("engineerOrAdmin", postResolutionNoteInput, (viewer, { id, markdown }) =>
  postResolutionNote(viewer, id, { markdown }),
);
