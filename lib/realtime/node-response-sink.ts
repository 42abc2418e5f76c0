import type { Writable } from "node:stream";
import { openEscalationFeed, type EscalationFeed, type EscalationFeedOptions } from "@/lib/realtime/escalation-feed";

/**
 * F4: an escalation feed written straight to a Node response (or any Writable), with no web
 * stream in between: a live event is one `write` per client. The socket's own buffer comes
 * first; frames written while it still needs draining count as waiting, so a client that stops
 * reading is dropped (the connection destroyed) once the feed's buffer is full. Closes the
 * feed when the connection closes.
 */
export function pipeEscalationFeed(options: EscalationFeedOptions, out: Writable): EscalationFeed {
  let waiting = 0;
  const feed = openEscalationFeed(options, {
    write(frame) {
      if (out.writableNeedDrain) waiting += 1;
      out.write(frame);
    },
    waiting: () => waiting,
    end: () => out.end(),
    fail(error) {
      console.warn(JSON.stringify({ event: "realtime.subscriber_dropped", account_id: options.accountId, reason: error.message }));
      out.destroy();
    },
  });
  out.on("drain", () => {
    waiting = 0;
    feed.resume();
  });
  out.once("close", () => feed.close());
  return feed;
}
