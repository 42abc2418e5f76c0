import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { createProseStreamFilter, parseMarkers } from "@/lib/ai/markers";
import { applyReply } from "@/lib/chat/apply-reply";
import { buildChatContext } from "@/lib/chat/chat-context";
import type { ChatTurnInput } from "@/lib/chat/schemas";
import { createStreamScrubber, scrubChatContext, scrubParsedReply } from "@/lib/chat/scrub-context";
import { loadSensitiveValues } from "@/lib/documents/bundle";
import { redactValues } from "@/lib/scripts/redaction";
import { streamTurn } from "@/lib/chat/sse";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";

const TX_OPTIONS = { timeout: 10_000 } as const;

/**
 * B2: one chat turn. The engineer's message is saved as a step before the model is asked, so it
 * is never lost. The reply streams back as server-sent events: `delta` (prose only, marker blocks
 * held back), then `done` with the persisted turn (task lane, facts, fix, proposal, fork), or
 * `error` when the model fails. Throws before streaming: not_found / forbidden (session access),
 * conflict (resolved session). The session's sensitive script values (E5) are scrubbed from the
 * saved message, from everything sent to the model, and from its reply, streamed and saved.
 */
export async function startChatTurn(viewer: Viewer, input: ChatTurnInput): Promise<ReadableStream<Uint8Array>> {
  const { engineerStepId, session, secrets, message } = await db.$transaction(async (tx) => {
    const session = await loadSessionForWrite(viewer, input.id, tx);
    if (session.status === "resolved") throw conflict("This session is resolved. Start a new session to keep working.");
    const secrets = await loadSensitiveValues(session.id, tx);
    const message = redactValues(input.message, secrets);
    const step = await tx.aiSessionStep.create({
      data: { accountId: viewer.accountId, sessionId: session.id, userId: viewer.userId, kind: "engineer_message", content: message },
      select: { id: true },
    });
    // Talking to a parked session picks it back up.
    await tx.aiSession.update({ where: { id: session.id }, data: { status: session.status === "parked" ? "active" : session.status } });
    return { engineerStepId: step.id, session, secrets, message };
  }, TX_OPTIONS);

  return streamTurn({
    logLabel: "[chat] turn failed",
    errorFields: { engineer_step_id: engineerStepId },
    async run(provider, sendDelta) {
      const context = scrubChatContext(await buildChatContext(db, session.id, message, engineerStepId), secrets);
      const filter = createProseStreamFilter();
      const scrubber = createStreamScrubber(secrets);
      const reply = await provider.streamText(
        { tier: "chat", system: context.system, messages: context.messages, purpose: "chat_turn", cacheHistory: true, maxTokens: 2048 },
        (delta) => {
          const prose = scrubber.push(filter.push(delta));
          if (prose) sendDelta(prose);
        },
      );
      const rest = scrubber.push(filter.flush()) + scrubber.flush();
      if (rest) sendDelta(rest);

      const parsed = scrubParsedReply(parseMarkers(reply.text), secrets);
      for (const dropped of parsed.dropped) {
        console.warn(JSON.stringify({ event: "chat.marker_dropped", session_id: session.id, marker: dropped.marker, reason: dropped.reason }));
      }
      return db.$transaction(
        (tx) => applyReply(tx, {
          accountId: viewer.accountId,
          sessionId: session.id,
          userId: viewer.userId,
          taskLane: context.taskLane,
          parsed,
          offeredSourceIds: (context.similar ?? []).map((match) => match.session_id),
        }),
        TX_OPTIONS,
      );
    },
  });
}
