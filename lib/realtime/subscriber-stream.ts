import { DEFAULT_BUFFER_SIZE, openEscalationFeed, type EscalationFeed, type EscalationFeedOptions } from "@/lib/realtime/escalation-feed";

export { DEFAULT_BUFFER_SIZE, SlowSubscriberError } from "@/lib/realtime/escalation-feed";

export type EscalationStreamOptions = EscalationFeedOptions & { signal?: AbortSignal };

/**
 * F4: one client's escalation feed (lib/realtime/escalation-feed.ts) as a web ReadableStream, for
 * a route handler's Response. Its queue is the feed's buffer: a client that leaves `bufferSize`
 * frames unread is dropped with SlowSubscriberError. Closes on abort; cancelling it unsubscribes.
 */
export function openEscalationStream(options: EscalationStreamOptions): ReadableStream<Uint8Array> {
  const bufferSize = options.bufferSize ?? DEFAULT_BUFFER_SIZE;
  let feed: EscalationFeed | undefined;
  const onAbort = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    feed?.close();
    try {
      controller.close();
    } catch {
      // already closed or errored
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (options.signal?.aborted) return onAbort(controller);
        const abort = () => onAbort(controller);
        options.signal?.addEventListener("abort", abort, { once: true });
        feed = openEscalationFeed(options, {
          write: (frame) => controller.enqueue(frame),
          waiting: () => bufferSize - (controller.desiredSize ?? bufferSize),
          end: () => {
            options.signal?.removeEventListener("abort", abort);
            controller.close();
          },
          fail: (error) => {
            options.signal?.removeEventListener("abort", abort);
            controller.error(error);
          },
        });
      },
      pull() {
        feed?.resume();
      },
      cancel() {
        feed?.close();
      },
    },
    new CountQueuingStrategy({ highWaterMark: bufferSize }),
  );
}
