import type { MessageParam, TextBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { ChatMessage, SystemBlock } from "@/lib/ai/provider";

/** The API refuses a request with more than four cache_control breakpoints in total. */
export const MAX_CACHE_BREAKPOINTS = 4;

const EPHEMERAL = { type: "ephemeral" } as const;

/**
 * The system prompt as structured blocks; blocks marked `cache` get a breakpoint (J2). With more
 * marked blocks than the budget allows, the first ones and the last one keep theirs: the last
 * covers the longest prefix, the first ones are the stable constants that stay reusable when a
 * later block changes. Empty blocks are left out, because the API rejects empty text blocks.
 */
export function buildSystemBlocks(system: SystemBlock[], budget: number): TextBlockParam[] {
  const blocks = system.filter((block) => block.text.trim() !== "");
  const marked = blocks.flatMap((block, index) => (block.cache ? [index] : []));
  const keep = new Set(marked.length <= budget ? marked : [...marked.slice(0, Math.max(0, budget - 1)), ...marked.slice(-1)]);
  if (budget <= 0) keep.clear();
  return blocks.map((block, index) =>
    keep.has(index) ? { type: "text", text: block.text, cache_control: EPHEMERAL } : { type: "text", text: block.text },
  );
}

/**
 * The conversation for the API. With `cacheHistory`, the message before the newest one carries a
 * breakpoint on its last content block, so the next turn reads the whole history from the cache
 * and pays full price only for the new message.
 */
export function buildMessages(messages: ChatMessage[], cacheHistory: boolean): MessageParam[] {
  const historyEnd = cacheHistory && messages.length >= 2 ? messages.length - 2 : -1;
  return messages.map((message, index) =>
    index === historyEnd
      ? { role: message.role, content: [{ type: "text", text: message.content, cache_control: EPHEMERAL }] }
      : { role: message.role, content: message.content },
  );
}

/** Whether `buildMessages` will spend a breakpoint on the history. */
export function usesHistoryBreakpoint(messages: ChatMessage[], cacheHistory: boolean): boolean {
  return cacheHistory && messages.length >= 2;
}

/** The reply's text blocks joined; tool or thinking blocks (not used by FlowPilot) are ignored. */
export function textOf(content: ReadonlyArray<{ type: string; text?: string }>): string {
  return content.map((block) => (block.type === "text" ? (block.text ?? "") : "")).join("");
}
