import type { TurnDone } from "@/components/pilot/pilot-types";

export type TurnError = { code: string; message: string; engineer_step_id?: string };

type Handlers = {
  onDelta: (text: string) => void;
  onDone: (result: TurnDone) => void;
  onError: (error: TurnError) => void;
};

/**
 * An incremental server-sent-events parser: feed it decoded text as it arrives, it calls
 * `onEvent` once per complete event (`event:` name, `data:` lines joined by newlines). Comments
 * and unknown fields are ignored, as browsers' EventSource does.
 */
export function createSseParser(onEvent: (event: string, data: string) => void) {
  let buffer = "";

  function dispatch(block: string) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length) onEvent(event, data.join("\n"));
  }

  return {
    push(text: string) {
      buffer = (buffer + text).replace(/\r\n?/g, "\n");
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    },
    /** The stream ended: a last event without its blank line still counts. */
    flush() {
      if (buffer.trim()) dispatch(buffer);
      buffer = "";
    },
  };
}

/**
 * Reads a chat turn's event stream (B2): `delta` events carry prose, then exactly one `done`
 * (the persisted turn) or `error` (the model failed; the engineer's message is saved). Resolves
 * when the stream ends; returns whether a final event arrived. Malformed events are skipped.
 */
export async function readTurnStream(body: ReadableStream<Uint8Array>, handlers: Handlers): Promise<boolean> {
  let finished = false;
  const parser = createSseParser((event, raw) => {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    if (!data || typeof data !== "object") return;
    if (event === "delta" && typeof (data as { text?: unknown }).text === "string") {
      handlers.onDelta((data as { text: string }).text);
    } else if (event === "done") {
      finished = true;
      handlers.onDone(data as TurnDone);
    } else if (event === "error") {
      finished = true;
      const error = data as Partial<TurnError>;
      handlers.onError({
        code: typeof error.code === "string" ? error.code : "internal",
        message: typeof error.message === "string" ? error.message : "The reply failed. Try again.",
        engineer_step_id: typeof error.engineer_step_id === "string" ? error.engineer_step_id : undefined,
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
