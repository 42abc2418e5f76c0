/**
 * An incremental server-sent-events parser: feed it decoded text as it arrives, it calls
 * `onEvent` once per complete event (`event:` name, `data:` lines joined by newlines). Comments
 * and unknown fields are ignored, as browsers' EventSource does.
 */
export function createSseParser(onEvent: (event: string, data: string) => void) {
  let buffer = "";

  function dispatch(block: string) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (!line || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length) onEvent(event, data.join("\n"));
  }

  return {
    push(text: string) {
      buffer = (buffer + text).replace(/\r\n?/g, "\n");
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    },
    /** The stream ended: a last event without its blank line still counts. */
    flush() {
      if (buffer.trim()) dispatch(buffer);
      buffer = "";
    },
  };
}
