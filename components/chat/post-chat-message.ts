export type SendResult = { sent: true } | { sent: false; message: string };

/** A reply that broke off after the engineer's message was saved. */
export const REPLY_DROPPED = "The reply stopped before it finished. Your message is saved; reload the page to see what else was.";

const UNREACHABLE = "FlowPilot could not be reached, so the message was not sent. Check your connection and try again.";

/**
 * POSTs `{ message }` to a chat route that answers with an event stream (fetch, because a server
 * action can't stream). Resolves with the stream once the server took the message, or with why
 * nothing was sent: no connection, or the server's refusal (404/403/409/422) in its own words.
 */
export async function postChatMessage(
  url: string,
  { message, signal }: { message: string; signal: AbortSignal },
): Promise<{ stream: ReadableStream<Uint8Array> } | { refused: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ message }),
      signal,
    });
  } catch {
    return { refused: UNREACHABLE };
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { refused: body?.error?.message ?? `The message was not sent (HTTP ${response.status}). Try again.` };
  }
  return { stream: response.body };
}
