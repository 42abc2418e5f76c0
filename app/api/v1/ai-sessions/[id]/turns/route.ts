import { startChatTurn } from "@/lib/chat/chat-turn";
import { chatTurnInput } from "@/lib/chat/schemas";
import { SSE_HEADERS } from "@/lib/chat/sse";
import { withViewer } from "@/lib/http/with-viewer";

/** A chat turn; the reply streams back as server-sent events (delta, then done or error). */
export const POST = withViewer("engineerOrAdmin", chatTurnInput, async (viewer, input) =>
  new Response(await startChatTurn(viewer, input), { headers: SSE_HEADERS }),
);
