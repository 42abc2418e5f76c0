import { describe, expect, it } from "vitest";
import { readChatStream } from "@/components/chat/read-chat-stream";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

const ignore = () => {};

describe("readChatStream (a pilot turn)", () => {
  it("hands deltas, then the done result, to the handlers", async () => {
    const deltas: string[] = [];
    let done: unknown;
    const finished = await readChatStream(
      streamOf(['event: delta\ndata: {"text":"Check "}\n\n', 'event: delta\ndata: {"text":"DNS."}\n\nevent: done\ndata: {"step_id":"s1","prose":"Check DNS."}\n\n']),
      { savedIdKey: "engineer_step_id", onDelta: (text) => deltas.push(text), onDone: (result) => (done = result), onError: ignore },
    );
    expect(finished).toBe(true);
    expect(deltas.join("")).toBe("Check DNS.");
    expect(done).toMatchObject({ step_id: "s1", prose: "Check DNS." });
  });

  it("reports an error event with the server's message and the saved step", async () => {
    let error: unknown;
    const finished = await readChatStream(
      streamOf(['event: error\ndata: {"code":"unavailable","message":"The AI is unavailable right now.","engineer_step_id":"e1"}\n\n']),
      { savedIdKey: "engineer_step_id", onDelta: ignore, onDone: ignore, onError: (value) => (error = value) },
    );
    expect(finished).toBe(true);
    expect(error).toEqual({ code: "unavailable", message: "The AI is unavailable right now.", engineer_step_id: "e1" });
  });

  it("says when the stream ended without a final event", async () => {
    const finished = await readChatStream(streamOf(['event: delta\ndata: {"text":"Half"}\n\n']), {
      savedIdKey: "engineer_step_id",
      onDelta: ignore,
      onDone: ignore,
      onError: ignore,
    });
    expect(finished).toBe(false);
  });
});

describe("readChatStream (a builder message)", () => {
  const hasMessage = (data: Record<string, unknown>) => !!data.message && typeof data.message === "object";

  it("skips a done event that fails the route's check, so the stream counts as unfinished", async () => {
    let done: unknown;
    const finished = await readChatStream(streamOf(['event: done\ndata: {"current_script":null}\n\n']), {
      savedIdKey: "user_message_id",
      isDone: hasMessage,
      onDelta: ignore,
      onDone: (result) => (done = result),
      onError: ignore,
    });
    expect(finished).toBe(false);
    expect(done).toBeUndefined();
  });

  it("takes a done event with its message, and skips malformed events on the way", async () => {
    let done: unknown;
    const finished = await readChatStream(
      streamOf(['event: delta\ndata: not json\n\nevent: delta\ndata: {"text":1}\n\n', 'event: done\ndata: {"message":{"id":"m2"},"current_script":"ls"}\n\n']),
      { savedIdKey: "user_message_id", isDone: hasMessage, onDelta: ignore, onDone: (result) => (done = result), onError: ignore },
    );
    expect(finished).toBe(true);
    expect(done).toEqual({ message: { id: "m2" }, current_script: "ls" });
  });

  it("names the saved message under the builder's key, and fills in a missing code and message", async () => {
    let error: unknown;
    await readChatStream(streamOf(['event: error\ndata: {"user_message_id":"u1","engineer_step_id":"x"}\n\n']), {
      savedIdKey: "user_message_id",
      onDelta: ignore,
      onDone: ignore,
      onError: (value) => (error = value),
    });
    expect(error).toEqual({ code: "internal", message: "The reply failed. Try again.", user_message_id: "u1" });
  });
});
