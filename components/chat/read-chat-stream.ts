import { createSseParser } from "@/components/chat/sse-parser";

/** An `error` event: the server's code and message, and the saved message's id under the route's name for it. */
export type ChatStreamError<SavedKey extends string> = { code: string; message: string } & { [K in SavedKey]?: string };

type Options<Done, SavedKey extends string> = {
  /** The `error` event's field naming the message that was saved anyway (`engineer_step_id`, `user_message_id`). */
  savedIdKey: SavedKey;
  /** A `done` payload that fails this is skipped as malformed; by default any object is taken. */
  isDone?: (data: Record<string, unknown>) => boolean;
  onDelta: (text: string) => void;
  onDone: (done: Done) => void;
  onError: (error: ChatStreamError<SavedKey>) => void;
};

/**
 * Reads a chat reply's event stream (the pilot's turns, B2; the script builder's messages, H4):
 * `delta` events carry text, then exactly one `done` (the saved reply, typed by the route) or
 * `error` (the model failed; the engineer's message is saved). Resolves when the stream ends;
 * returns whether a final event arrived. Malformed events are skipped.
 */
export async function readChatStream<Done, SavedKey extends string>(
  body: ReadableStream<Uint8Array>,
  { savedIdKey, isDone = () => true, onDelta, onDone, onError }: Options<Done, SavedKey>,
): Promise<boolean> {
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
      onDelta(record.text);
    } else if (event === "done" && isDone(record)) {
      finished = true;
      onDone(data as Done);
    } else if (event === "error") {
      finished = true;
      const savedId = record[savedIdKey];
      onError({
        code: typeof record.code === "string" ? record.code : "internal",
        message: typeof record.message === "string" ? record.message : "The reply failed. Try again.",
        [savedIdKey]: typeof savedId === "string" ? savedId : undefined,
      } as ChatStreamError<SavedKey>);
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
