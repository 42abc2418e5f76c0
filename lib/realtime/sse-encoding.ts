import type { RealtimeEvent } from "@/lib/realtime/events";

const encoder = new TextEncoder();
// One encoding per event however many streams it goes to (one event, thousands of subscribers).
const encoded = new WeakMap<RealtimeEvent, Uint8Array>();

/** `id:` / `event:` / `data:` frame of a live or replayed event; data is the event's payload. */
export function encodeRealtimeEvent(event: RealtimeEvent): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) {
    bytes = encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    encoded.set(event, bytes);
  }
  return bytes;
}

/** A control frame (`ready`, `heartbeat`); with `id` it also moves the client's Last-Event-ID. */
export function encodeControl(type: string, data: unknown, id?: string): Uint8Array {
  return encoder.encode(`${id ? `id: ${id}\n` : ""}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}
