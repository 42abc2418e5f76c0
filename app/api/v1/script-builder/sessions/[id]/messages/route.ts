import { SSE_HEADERS } from "@/lib/chat/sse";
import { withViewer } from "@/lib/http/with-viewer";
import { sendBuilderMessage } from "@/lib/script-builder/builder-turn";
import { sendBuilderMessageInput } from "@/lib/script-builder/schemas";

/** H4: a builder message; the reply streams back as server-sent events (delta, then done or error). */
export const POST = withViewer("engineerOrAdmin", sendBuilderMessageInput, async (viewer, input) =>
  new Response(await sendBuilderMessage(viewer, input), { headers: SSE_HEADERS }),
);
