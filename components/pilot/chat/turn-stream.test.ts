import { describe, expect, it } from "vitest";
import { createSseParser, readTurnStream } from "@/components/pilot/chat/turn-stream";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe("createSseParser", () => {
  it("splits events across arbitrary chunk boundaries", () => {
    const events: [string, string][] = [];
    const parser = createSseParser((event, data) => events.push([event, data]));
    for (const chunk of ["event: del", "ta\ndata: {\"text\":\"Hi\"}\n", "\nevent: done\r\ndata: {}\r\n\r\n"]) parser.push(chunk);
    expect(events).toEqual([
      ["delta", '{"text":"Hi"}'],
      ["done", "{}"],
    ]);
  });

  it("joins multi-line data, ignores comments, and flushes a last event without its blank line", () => {
    const events: [string, string][] = [];
    const parser = createSseParser((event, data) => events.push([event, data]));
    parser.push(": heartbeat\n\ndata: a\ndata: b\n\nevent: error\ndata: x");
    parser.flush();
    expect(events).toEqual([
      ["message", "a\nb"],
      ["error", "x"],
    ]);
  });
});

describe("readTurnStream", () => {
  it("hands deltas, then the done result, to the handlers", async () => {
    const deltas: string[] = [];
    let done: unknown;
    const finished = await readTurnStream(
      streamOf(['event: delta\ndata: {"text":"Check "}\n\n', 'event: delta\ndata: {"text":"DNS."}\n\nevent: done\ndata: {"step_id":"s1","prose":"Check DNS."}\n\n']),
      { onDelta: (text) => deltas.push(text), onDone: (result) => (done = result), onError: () => {} },
    );
    expect(finished).toBe(true);
    expect(deltas.join("")).toBe("Check DNS.");
    expect(done).toMatchObject({ step_id: "s1", prose: "Check DNS." });
  });

  it("reports an error event with the server's message and the saved step", async () => {
    let error: unknown;
    const finished = await readTurnStream(
      streamOf(['event: error\ndata: {"code":"unavailable","message":"The AI is unavailable right now.","engineer_step_id":"e1"}\n\n']),
      { onDelta: () => {}, onDone: () => {}, onError: (value) => (error = value) },
    );
    expect(finished).toBe(true);
    expect(error).toEqual({ code: "unavailable", message: "The AI is unavailable right now.", engineer_step_id: "e1" });
  });

  it("says when the stream ended without a final event", async () => {
    const finished = await readTurnStream(streamOf(['event: delta\ndata: {"text":"Half"}\n\n']), {
      onDelta: () => {},
      onDone: () => {},
      onError: () => {},
    });
    expect(finished).toBe(false);
  });
});
