import http from "node:http";

export type SseEvent = { type: string; id?: string; data: string };

/**
 * Opens `count` server-sent-event connections to `url` (one socket each, no pooling), cookie
 * `cookies[i % cookies.length]`, `batch` at a time; resolves once every one has had its `ready`
 * event. `onEvent(index, event, receivedAt)` sees every later event.
 */
export async function openSseConnections(
  url: string,
  options: { count: number; cookies: string[]; batch?: number; onEvent?: (index: number, event: SseEvent, receivedAt: number) => void },
): Promise<{ close: () => void; dropped: () => number }> {
  const requests: http.ClientRequest[] = [];
  let dropped = 0;
  let closing = false;
  const openOne = (index: number) =>
    new Promise<void>((resolve, reject) => {
      let ready = false;
      const request = http.get(url, { agent: false, headers: { accept: "text/event-stream", cookie: options.cookies[index % options.cookies.length]! } }, (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`SSE connection ${index} answered ${response.statusCode}`));
          response.resume();
          return;
        }
        response.setEncoding("utf8");
        let buffer = "";
        response.on("data", (chunk: string) => {
          const receivedAt = performance.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) !== -1) {
            const event = parseFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (!event) continue;
            if (event.type === "ready" && !ready) {
              ready = true;
              resolve();
            } else options.onEvent?.(index, event, receivedAt);
          }
        });
        response.on("close", () => {
          if (!closing) dropped += 1;
        });
      });
      request.on("error", (error) => {
        if (!ready) reject(error);
      });
      requests.push(request);
    });
  const batch = options.batch ?? 100;
  for (let start = 0; start < options.count; start += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, options.count - start) }, (_, i) => openOne(start + i)));
  }
  return {
    close: () => {
      closing = true;
      for (const request of requests) request.destroy();
    },
    dropped: () => dropped,
  };
}

function parseFrame(frame: string): SseEvent | undefined {
  if (!frame.trim() || frame.startsWith(":")) return undefined;
  const event: SseEvent = { type: "message", data: "" };
  for (const line of frame.split("\n")) {
    const colon = line.indexOf(":");
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).trimStart();
    if (field === "event") event.type = value;
    else if (field === "id") event.id = value;
    else if (field === "data") event.data = value;
  }
  return event;
}
