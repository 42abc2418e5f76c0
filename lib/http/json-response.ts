/** Next's gzip leaves bodies shorter than this as they are, when it can see their length. */
const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * `Response.json`, with short bodies marked `Cache-Control: no-transform`. Next streams a route's
 * body and drops any Content-Length, so its gzip (on by default) can't see that an answer is
 * short and compresses every one, 15 bytes included, for about a millisecond of CPU at each end.
 * no-transform is how a response tells it, and any proxy, to leave the body as it is; long
 * bodies are still compressed.
 */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (Buffer.byteLength(text) < COMPRESSION_THRESHOLD_BYTES) {
    const cacheControl = headers.get("cache-control");
    headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  return new Response(text, { ...init, headers });
}
