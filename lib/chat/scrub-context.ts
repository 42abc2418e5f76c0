import type { ParsedMarkers } from "@/lib/ai/markers";
import type { ChatContext } from "@/lib/chat/chat-context";
import { redactValues } from "@/lib/scripts/redaction";

/*
 * E5 for the chat: the session's sensitive script values (lib/documents/bundle.ts
 * `loadSensitiveValues`) never reach the model, nor come back from it into a saved step or the
 * stream. Matching is by substring, so a value inside a longer string is caught.
 */

/** `value` with `secrets` scrubbed from every string inside it. */
function scrubStrings<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === "string") return redactValues(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => scrubStrings(item, secrets)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubStrings(item, secrets)])) as T;
  }
  return value;
}

/** What the model is sent for a turn (system blocks, history, facts, the new message), scrubbed. */
export function scrubChatContext(context: ChatContext, secrets: readonly string[]): ChatContext {
  if (secrets.length === 0) return context;
  return {
    ...context,
    system: context.system.map((block) => ({ ...block, text: redactValues(block.text, secrets) })),
    messages: context.messages.map((message) => ({ ...message, content: redactValues(message.content, secrets) })),
  };
}

/** The model's parsed reply (prose, questions, facts, the fix and its script…) scrubbed before it is saved. */
export function scrubParsedReply(parsed: ParsedMarkers, secrets: readonly string[]): ParsedMarkers {
  return secrets.length === 0 ? parsed : scrubStrings(parsed, secrets);
}

/** The longest end of `text` that could be the start of one of `secrets` (held back until it can be judged). */
function pendingTail(text: string, secrets: readonly string[]): number {
  let longest = 0;
  for (const secret of secrets) {
    for (let size = Math.min(secret.length - 1, text.length); size > longest; size -= 1) {
      if (text.endsWith(secret.slice(0, size))) {
        longest = size;
        break;
      }
    }
  }
  return longest;
}

/**
 * Scrubs streamed text. A chunk is let out only up to a point no value could span: text that may
 * be the start of a value is held until the next delta (or `flush`) decides, so a value split
 * across deltas never reaches the client whole.
 */
export function createStreamScrubber(secrets: readonly string[]) {
  const live = secrets.filter((secret) => secret.length > 0);
  let held = "";
  return {
    push(text: string): string {
      if (live.length === 0) return text;
      held += text;
      let cut = held.length - pendingTail(held, live);
      // A whole value across the cut moves the cut to its start; repeat until no value spans it.
      for (let moved = true; moved; ) {
        moved = false;
        for (const secret of live) {
          for (let at = held.indexOf(secret); at !== -1 && at < cut; at = held.indexOf(secret, at + 1)) {
            if (at + secret.length > cut) {
              cut = at;
              moved = true;
            }
          }
        }
      }
      const out = held.slice(0, cut);
      held = held.slice(cut);
      return redactValues(out, live);
    },
    flush(): string {
      const out = redactValues(held, live);
      held = "";
      return out;
    },
  };
}
