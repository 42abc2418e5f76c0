import type { ChatMessage } from "@/lib/ai/provider";

/**
 * The messages for a model call: `history` (oldest first) then `latest` as the newest user turn.
 * The API wants turns to alternate and to open with the user, so neighbours of one role are
 * merged (a message whose reply failed sits next to the next one), leading assistant turns are
 * dropped, and `latest` joins a trailing user message instead of following it. `history` is not
 * changed.
 */
export function conversationWith(history: readonly ChatMessage[], latest: string): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const message of history) {
    const last = messages.at(-1);
    if (last?.role === message.role) last.content = `${last.content}\n\n${message.content}`;
    else messages.push({ ...message });
  }
  while (messages[0]?.role === "assistant") messages.shift();
  const last = messages.at(-1);
  if (last?.role === "user") last.content = `${last.content}\n\n${latest}`;
  else messages.push({ role: "user", content: latest });
  return messages;
}
