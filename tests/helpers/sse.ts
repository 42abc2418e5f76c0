export type ServerSentEvent = { event: string; data: unknown; id?: string };

/** Reads a whole server-sent-event response body into its events. */
export async function readEvents(response: Response): Promise<ServerSentEvent[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((chunk) => chunk.trim() && !chunk.startsWith(":"))
    .map((chunk) => {
      const fields = Object.fromEntries(
        chunk.split("\n").map((line) => {
          const colon = line.indexOf(":");
          return [line.slice(0, colon), line.slice(colon + 1).trimStart()];
        }),
      );
      return { event: fields.event ?? "message", data: fields.data ? JSON.parse(fields.data) : null, id: fields.id };
    });
}
