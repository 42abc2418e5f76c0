import type { Viewer } from "@/lib/auth/viewer";
import { randomUUID } from "node:crypto";
import { queryPreparedRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { utcTimestamp } from "@/lib/sql/utc";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { createProseStreamFilter, parseMarkers } from "@/lib/ai/markers";
import { applyReply } from "@/lib/chat/apply-reply";
import { buildChatContext } from "@/lib/chat/chat-context";
import { prepareSeenBeforeForChat } from "@/lib/knowledge/seen-before-for-chat";
import type { ChatTurnInput } from "@/lib/chat/schemas";
import { createStreamScrubber, scrubChatContext, scrubParsedReply } from "@/lib/chat/scrub-context";
import { secretsOfRuns, type RunSecrets } from "@/lib/documents/bundle";
import { redactValues } from "@/lib/scripts/redaction";
import { streamTurn } from "@/lib/chat/sse";
import { readableSessionsCondition, worksOnSession } from "@/lib/sessions/session-access";
import { NOT_YOURS } from "@/lib/sessions/session-writer";

const RESOLVED = "This session is resolved. Start a new session to keep working.";

/**
 * B2: one chat turn. The engineer's message is saved as a step before the model is asked, so it
 * is never lost. The reply streams back as server-sent events: `delta` (prose only, marker blocks
 * held back), then `done` with the persisted turn (task lane, facts, fix, proposal, fork), or
 * `error` when the model fails. Throws before streaming: not_found / forbidden (session access),
 * conflict (resolved session). The session's sensitive script values (E5) are scrubbed from the
 * saved message, from everything sent to the model, and from its reply, streamed and saved.
 */
export async function startChatTurn(viewer: Viewer, input: ChatTurnInput): Promise<ReadableStream<Uint8Array>> {
  const { session, secrets } = await loadTurnSession(viewer, input.id);
  if (session.status === "resolved") throw conflict(RESOLVED);
  const message = redactValues(input.message, secrets);
  const engineerStepId = await saveEngineerMessage(viewer, session.id, message);

  return streamTurn({
    logLabel: "[chat] turn failed",
    errorFields: { engineer_step_id: engineerStepId },
    async run(provider, sendDelta) {
      const context = scrubChatContext(await buildChatContext(session.id, message, engineerStepId), secrets);
      const filter = createProseStreamFilter();
      const scrubber = createStreamScrubber(secrets);
      const reply = await provider.streamText(
        { tier: "chat", system: context.system, messages: context.messages, purpose: "chat_turn", cacheHistory: true, docsSearch: true, maxTokens: 2048 },
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
      const turn = await applyReply({
        accountId: viewer.accountId,
        sessionId: session.id,
        taskLane: context.taskLane,
        parsed,
        offeredSourceIds: (context.similar ?? []).map((match) => match.session_id),
      });
      // The session's next turn then finds its seen-before matches ready.
      if (context.seenBefore && turn.facts_added.length > 0) {
        prepareSeenBeforeForChat({ ...context.seenBefore, facts: [...context.seenBefore.facts, ...turn.facts_added] });
      }
      return turn;
    },
  });
}

type TurnSessionRow = { id: string; userId: string; handlerId: string | null; status: string; runs: RunSecrets[] };

/**
 * The session a turn writes to, with its script runs' sensitive values (E5), in one prepared
 * statement. Applies `loadSessionForWrite`'s rules: not_found for a session the viewer can't
 * read, forbidden for one they don't work on.
 */
async function loadTurnSession(viewer: Viewer, sessionId: string) {
  const [session] = await queryPreparedRows<TurnSessionRow>(Prisma.sql`
    SELECT s.id, s.user_id AS "userId", s.handler_id AS "handlerId", s.status::text AS status,
      (SELECT coalesce(json_agg(json_build_object('id', g.id, 'parameters', g.parameters, 'sensitiveValuesSealed', g.sensitive_values_sealed,
          'template', CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('parametersSchema', t.parameters_schema) END)), '[]')
        FROM script_generations g LEFT JOIN script_templates t ON t.id = g.template_id
        WHERE g.session_id = s.id) AS runs
    FROM ai_sessions s
    WHERE s.id = ${sessionId}::uuid AND ${readableSessionsCondition(viewer)}`);
  if (!session) throw notFound("Session");
  if (!worksOnSession(viewer, session)) throw forbidden(NOT_YOURS);
  return { session, secrets: secretsOfRuns(session.runs) };
}

/**
 * Saves the engineer's message as a step, in one statement that also touches the session (a
 * parked one is picked back up: talking to it resumes it) — unless the session was resolved
 * since it was read, which is a conflict with nothing written.
 */
async function saveEngineerMessage(viewer: Viewer, sessionId: string, message: string): Promise<string> {
  const now = utcTimestamp(new Date());
  const [step] = await queryPreparedRows<{ id: string }>(Prisma.sql`
    WITH moved AS (
      UPDATE ai_sessions SET status = CASE WHEN status = 'parked' THEN 'active'::"SessionStatus" ELSE status END, updated_at = ${now}
      WHERE id = ${sessionId}::uuid AND status <> 'resolved'
      RETURNING id
    )
    INSERT INTO ai_session_steps (id, account_id, session_id, user_id, kind, content, created_at)
    SELECT ${randomUUID()}::uuid, ${viewer.accountId}::uuid, moved.id, ${viewer.userId}::uuid, 'engineer_message', ${message}, ${now}
    FROM moved
    RETURNING id`);
  if (!step) throw conflict(RESOLVED);
  return step.id;
}
