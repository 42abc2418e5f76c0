import { withViewer } from "@/lib/http/with-viewer";
import { retryPsaPost } from "@/lib/psa/psa-writeback";
import { retryPsaPostInput } from "@/lib/psa/writeback/schemas";

/** E4/F1: posts a failed resolution note or escalation package to the ticket again (never twice). */
export const POST = withViewer("engineerOrAdmin", retryPsaPostInput, (viewer, input) =>
  retryPsaPost(viewer, { sessionId: input.id, postId: input.post_id }),
);
