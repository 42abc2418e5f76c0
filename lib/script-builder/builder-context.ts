import type { Tx } from "@/lib/db";
import { conversationWith } from "@/lib/ai/conversation";
import type { ChatMessage, SystemBlock } from "@/lib/ai/provider";
import { SCRIPT_BUILDER_FORMAT_REMINDER, SCRIPT_BUILDER_SYSTEM_PROMPT, scriptBuilderLanguagePrompt } from "@/lib/ai/prompts/script-builder";
import type { BuilderLanguage } from "@/lib/script-builder/schemas";
import { loadPilotContext } from "@/lib/script-builder/pilot-context";
import { describePilotContext, fenced, isStartingContext } from "@/lib/script-builder/starting-context";

/** How much conversation goes back to the model each turn (the seed's builder sent 20 messages). */
const HISTORY_LIMIT = 20;

type BuilderForContext = {
  id: string;
  accountId: string;
  origin: "standalone" | "pilot_inline";
  aiSessionId: string | null;
  language: BuilderLanguage;
  currentScript: string | null;
};

export type BuilderContext = { system: SystemBlock[]; messages: ChatMessage[] };

/**
 * What the model sees for one builder message. The general prompt and the language block are
 * stable (cached, J2), then the history (cached up to the newest message). The newest message
 * carries what changes: for an inline builder the pilot session's live state, and the current
 * script, so neither is lost once the history is trimmed. A starting context always stays first.
 */
export async function buildBuilderContext(tx: Tx, builder: BuilderForContext, newMessage: string, newMessageId: string): Promise<BuilderContext> {
  const recent = await tx.scriptBuilderMessage.findMany({
    where: { builderSessionId: builder.id, id: { not: newMessageId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, role: true, content: true },
  });
  recent.reverse();
  const first = await tx.scriptBuilderMessage.findFirst({
    where: { builderSessionId: builder.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, content: true },
  });
  const history = first && isStartingContext(first) && !recent.some((message) => message.id === first.id) ? [first, ...recent] : recent;

  const state: string[] = [];
  if (builder.origin === "pilot_inline" && builder.aiSessionId) {
    const pilot = await loadPilotContext(builder.accountId, builder.aiSessionId, {}, tx);
    if (pilot) state.push(describePilotContext(pilot, builder.language));
  }
  state.push(builder.currentScript ? `Current script:\n${fenced(builder.currentScript, builder.language)}` : "Current script: none yet");
  const latest = `<context>\n${state.join("\n\n")}\n</context>\n\n${newMessage}\n\n${SCRIPT_BUILDER_FORMAT_REMINDER}`;

  return {
    system: [
      { text: SCRIPT_BUILDER_SYSTEM_PROMPT, cache: true },
      { text: scriptBuilderLanguagePrompt(builder.language), cache: true },
    ],
    messages: conversationWith(history.map((message) => ({ role: message.role, content: message.content })), latest),
  };
}
