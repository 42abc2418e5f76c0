import type { AiProvider } from "@/lib/ai/provider";
import { getAiProvider } from "@/lib/ai/get-ai-provider";
import { AppError } from "@/lib/errors";

const encoder = new TextEncoder();

/** One server-sent event, encoded for a ReadableStream. */
export function encodeEvent(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  // Proxies (nginx) must not buffer the stream.
  "x-accel-buffering": "no",
} as const;

const UNAVAILABLE = "The AI is unavailable right now. Your message is saved; send another to try again.";
const NOT_SAVED = "The reply could not be saved. Try again.";

type StreamTurnOptions = {
  /** What an unexpected failure is logged under, e.g. "[chat] turn failed". */
  logLabel: string;
  /** Sent with the `error` event so the client can point at the message that was saved, e.g. { engineer_step_id }. */
  errorFields: Record<string, unknown>;
  /** Asks the model and saves its reply, streaming text through `sendDelta`; resolves to the `done` event's data. */
  run: (provider: AiProvider, sendDelta: (text: string) => void) => Promise<unknown>;
};

/**
 * One model turn as server-sent events, for a caller that has already saved the user's message:
 * `delta` { text } as `run` streams, then `done` with what `run` resolves to, or `error`
 * { code, message, ...errorFields } when it throws — "unavailable" when no model is configured, an
 * AppError's own message, otherwise a generic one (the real error is logged). A client that goes
 * away doesn't stop the turn: it still finishes and is saved.
 */
export function streamTurn({ logLabel, errorFields, run }: StreamTurnOptions): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        try {
          controller.enqueue(encodeEvent(event, data));
        } catch {
          // The client went away; the turn is still finished and saved.
        }
      };
      try {
        const provider = getAiProvider();
        if (!provider) throw new AppError("unavailable", UNAVAILABLE);
        send("done", await run(provider, (text) => send("delta", { text })));
      } catch (error) {
        const known = error instanceof AppError;
        if (!known) console.error(logLabel, error);
        send("error", {
          code: known ? error.code : "internal",
          message: known && error.code === "unavailable" ? UNAVAILABLE : known ? error.message : NOT_SAVED,
          ...errorFields,
        });
      } finally {
        try {
          controller.close();
        } catch {
          // already closed by a cancelled client
        }
      }
    },
  });
}
