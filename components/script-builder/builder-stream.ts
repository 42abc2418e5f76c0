import { createSseParser } from "@/components/pilot/chat/turn-stream";
import type { BuilderDone, BuilderStreamError } from "@/components/script-builder/builder-types";

type Handlers = {
  onDelta: (text: string) => void;
  onDone: (done: BuilderDone) => void;
  onError: (error: BuilderStreamError) => void;
};

/**
 * Reads a builder message's event stream (H4): `delta` text, then one `done` (reply saved, script
 * extracted) or `error` (the engineer's message is saved). Resolves when the stream ends with
 * whether a final event arrived. Malformed events are skipped.
 */
export async function readBuilderStream(body: ReadableStream<Uint8Array>, handlers: Handlers): Promise<boolean> {
  let finished = false;
  const parser = createSseParser((event, raw) => {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    if (!data || typeof data !== "object") return;
    const record = data as Record<string, unknown>;
    if (event === "delta" && typeof record.text === "string") {
      handlers.onDelta(record.text);
    } else if (event === "done" && record.message && typeof record.message === "object") {
      finished = true;
      handlers.onDone(data as BuilderDone);
    } else if (event === "error") {
      finished = true;
      handlers.onError({
        code: typeof record.code === "string" ? record.code : "internal",
        message: typeof record.message === "string" ? record.message : "The reply failed. Try again.",
        user_message_id: typeof record.user_message_id === "string" ? record.user_message_id : undefined,
      });
    }
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(decoder.decode(value, { stream: true }));
  }
  parser.push(decoder.decode());
  parser.flush();
  return finished;
}
