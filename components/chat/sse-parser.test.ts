import { describe, expect, it } from "vitest";
import { createSseParser } from "@/components/chat/sse-parser";

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
