import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { streamTurn } from "@/lib/chat/sse";
import { builderLanguageOf, type SendBuilderMessageInput } from "@/lib/script-builder/schemas";
import { defaultBuilderTitle, loadOwnBuilder } from "@/lib/script-builder/builder-sessions";
import { buildBuilderContext } from "@/lib/script-builder/builder-context";
import { builderMessageSelect, toBuilderMessageView } from "@/lib/script-builder/builder-view";
import { currentParametersOf } from "@/lib/script-builder/current-parameters";
import { extractCurrentScript } from "@/lib/script-builder/script-extraction";

const TX_OPTIONS = { timeout: 10_000 } as const;
const EMPTY_REPLY = "The AI sent back an empty reply. Your message is saved; send another to try again.";
const TITLE_LENGTH = 80;

/** A session nobody named takes its name from the first thing the engineer asks for. */
function titleFrom(message: string): string {
  const line = message.split("\n", 1)[0]!.trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line;
}

/**
 * H4: one builder message. The engineer's message is saved before the model is asked, so it is
 * never lost. The chat-tier reply streams back as server-sent events: `delta` (the raw text, code
 * fences included), then `done` with { message, current_script, current_parameters } — the reply
 * saved and the script extracted from it stored on the session (a reply without a script keeps
 * the previous one) — or `error` { code, message, user_message_id } when the model fails.
 * Throws before streaming: not_found for a builder session that isn't the viewer's.
 */
export async function sendBuilderMessage(viewer: Viewer, input: SendBuilderMessageInput): Promise<ReadableStream<Uint8Array>> {
  const { builder, userMessageId } = await db.$transaction(async (tx) => {
    const builder = await loadOwnBuilder(viewer, input.id, tx);
    const language = builderLanguageOf(builder.language);
    const earlier = await tx.scriptBuilderMessage.count({ where: { builderSessionId: builder.id, role: "user" } });
    const message = await tx.scriptBuilderMessage.create({
      data: { accountId: viewer.accountId, builderSessionId: builder.id, role: "user", content: input.message },
      select: { id: true },
    });
    const rename = earlier === 0 && builder.title === defaultBuilderTitle(language);
    await tx.scriptBuilderSession.update({
      where: { id: builder.id },
      data: rename ? { title: titleFrom(input.message) } : { updatedAt: new Date() },
    });
    return { builder: { ...builder, language, accountId: viewer.accountId }, userMessageId: message.id };
  }, TX_OPTIONS);

  return streamTurn({
    logLabel: "[script-builder] message failed",
    errorFields: { user_message_id: userMessageId },
    async run(provider, sendDelta) {
      const context = await buildBuilderContext(db, builder, input.message, userMessageId);
      const reply = await provider.streamText(
        { tier: "chat", system: context.system, messages: context.messages, purpose: "script_builder", cacheHistory: true, maxTokens: 4096 },
        sendDelta,
      );
      if (!reply.text.trim()) throw new AppError("upstream", EMPTY_REPLY);
      const script = extractCurrentScript(reply.text, builder.language);
      const saved = await db.$transaction(async (tx) => {
        const message = await tx.scriptBuilderMessage.create({
          data: { accountId: builder.accountId, builderSessionId: builder.id, role: "assistant", content: reply.text },
          select: builderMessageSelect,
        });
        const session = await tx.scriptBuilderSession.update({
          where: { id: builder.id },
          data: script !== null ? { currentScript: script } : { updatedAt: new Date() },
          select: { currentScript: true },
        });
        const messages = await tx.scriptBuilderMessage.findMany({
          where: { builderSessionId: builder.id },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { role: true, content: true },
        });
        return { message, currentScript: session.currentScript, currentParameters: currentParametersOf(messages, builder.language) };
      }, TX_OPTIONS);
      return {
        message: toBuilderMessageView(saved.message),
        current_script: saved.currentScript,
        current_parameters: saved.currentParameters,
      };
    },
  });
}
