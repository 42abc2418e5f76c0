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
