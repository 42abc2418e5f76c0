import { randomUUID } from "node:crypto";
import { z } from "zod";
import { inPreparedTransaction } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FactSourceKind } from "@/lib/generated/prisma/enums";
import type { ParsedMarkers } from "@/lib/ai/markers";
import { mergeTaskLane, type TaskLane } from "@/lib/ai/task-lane";
import { toFactView, type FactView } from "@/lib/facts/fact-view";
import { TERMINAL_STATUSES } from "@/lib/fixes/fix-access";
import { clampConfidence } from "@/lib/fixes/fix-recorder";
import { FIX_JSON, fixViewOfJson, type FixJson } from "@/lib/fixes/fix-json";
import type { FixView } from "@/lib/fixes/fix-view";
import { offeredSourceSessionId } from "@/lib/knowledge/seen-before-for-chat";
import { utcIsoText, utcTimestamp } from "@/lib/sql/utc";

export type TurnResult = {
  step_id: string;
  prose: string;
  task_lane: TaskLane;
  facts_added: FactView[];
  suggested_fix: FixView | null;
  outcome_proposal: FixView | null;
  fork: ParsedMarkers["fork"];
  dropped_markers: number;
  state_version: number;
};

type ApplyReplyInput = {
  accountId: string;
  sessionId: string;
  taskLane: TaskLane;
  parsed: ParsedMarkers;
  /** Seen-before sessions the turn offered; a suggested fix citing any other loses the citation. */
  offeredSourceIds?: readonly string[];
};

/**
 * Persists one model reply in a transaction of its own: the assistant step (prose only, the
 * parsed blocks kept in its metadata), the merged task lane with stable ids (B3), promoted facts
 * (C1), a suggested fix that supersedes the active one (D1) and an outcome proposal (D5), with
 * state_version bumped once for the facts and once for the fix (B4). Two statements: the session
 * row's lock (so concurrent fix writers queue and the one-active-fix index holds, as with
 * recordSuggestedFix), then every write in one, prepared; a turn pays no Prisma query compilation.
 * Throws not_found when the session is not in `accountId`.
 */
export async function applyReply(input: ApplyReplyInput): Promise<TurnResult> {
  const { parsed } = input;
  const taskLane = mergeTaskLane(input.taskLane, parsed);
  const write = replyWrite(input, taskLane);
  const row = await inPreparedTransaction(async (run) => {
    const [locked] = await run<{ id: string }>(Prisma.sql`
      SELECT id FROM ai_sessions WHERE id = ${input.sessionId}::uuid AND account_id = ${input.accountId}::uuid FOR UPDATE`);
    if (!locked) throw notFound("Session");
    const [written] = await run<WrittenReply>(replyStatement(write));
    return written!;
  });
  return {
    step_id: row.stepId,
    prose: parsed.prose,
    task_lane: taskLane,
    facts_added: row.facts.map((fact) => toFactView({ ...fact, createdAt: new Date(fact.createdAt), updatedAt: new Date(fact.updatedAt) })),
    suggested_fix: row.fix ? fixViewOfJson(row.fix) : null,
    outcome_proposal: row.proposal ? fixViewOfJson(row.proposal) : null,
    fork: parsed.fork,
    dropped_markers: parsed.dropped.length,
    state_version: row.stateVersion,
  };
}

type ReplyWrite = ReturnType<typeof replyWrite>;

/** What the reply writes, decided here so the statement has one fixed shape for every reply. */
function replyWrite(input: ApplyReplyInput, taskLane: TaskLane) {
  const { parsed } = input;
  const facts = parsed.promotes
    .map((promote) => ({ id: randomUUID(), text: promote.text.trim(), sourceRef: promote.source_ref ?? null }))
    .filter((fact) => fact.text.length > 0);
  const suggested = parsed.suggestedFix;
  const outcome = parsed.fixOutcome;
  const proposal = outcome ? { outcome: outcome.outcome, notes: outcome.notes?.trim() || null, proposed_at: new Date().toISOString() } : null;
  // D5 applies to the active fix once this reply's own fix (if any) is recorded: a new fix has no
  // outcome yet, and the model can't name its id, so it takes the proposal only unnamed.
  const proposalForNewFix = suggested && proposal && !outcome?.fix_id ? proposal : null;
  return {
    accountId: input.accountId,
    sessionId: input.sessionId,
    now: new Date(),
    stepId: randomUUID(),
    prose: parsed.prose,
    metadata: {
      questions: parsed.questions,
      actions: parsed.actions,
      promotes: parsed.promotes,
      suggested_fix: parsed.suggestedFix,
      fix_outcome: parsed.fixOutcome,
      fork: parsed.fork,
      dropped: parsed.dropped.map(({ marker, reason }) => ({ marker, reason })),
    },
    taskLane,
    facts,
    versionBump: (facts.length > 0 ? 1 : 0) + (suggested ? 1 : 0),
    fix: suggested
      ? {
          id: randomUUID(),
          title: suggested.title.trim(),
          description: suggested.description.trim(),
          confidence: clampConfidence(suggested.confidence),
          templateId: uuidOrNull(suggested.template_id),
          script: suggested.script?.trim() ? suggested.script : null,
          parameters: suggested.parameters ?? null,
          sourceSessionId: uuidOrNull(offeredSourceSessionId(suggested.source_session_id, input.offeredSourceIds ?? [])),
          proposal: proposalForNewFix,
        }
      : null,
    proposalForActiveFix: proposal && !suggested ? proposal : null,
    proposalFixId: uuidOrNull(outcome?.fix_id),
  };
}

function uuidOrNull(value: string | null | undefined): string | null {
  return value && z.uuid().safeParse(value).success ? value : null;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Every write of a reply in one statement, after the session row is locked (so it sees the fix a
 * concurrent writer committed while this one waited). Each part runs only when the reply has it:
 * the fix parts and the proposal behind a boolean parameter, the facts on a non-empty array. The fix and source-session
 * references are kept only when they are the account's own (a live template, a resolved session
 * other than this one), as recordSuggestedFix keeps them.
 */
function replyStatement(write: ReplyWrite) {
  const { accountId, sessionId, fix } = write;
  const now = utcTimestamp(write.now);
  return Prisma.sql`
    WITH session_row AS (
      UPDATE ai_sessions SET pending_task_lane = ${json(write.taskLane)}::jsonb,
        state_version = state_version + ${write.versionBump}::int, updated_at = ${now}
      WHERE id = ${sessionId}::uuid
      RETURNING id, state_version
    ),
    step AS (
      INSERT INTO ai_session_steps (id, account_id, session_id, kind, content, metadata, created_at)
      VALUES (${write.stepId}::uuid, ${accountId}::uuid, ${sessionId}::uuid, 'assistant_message'::"StepKind", ${write.prose}, ${json(write.metadata)}::jsonb, ${now})
      RETURNING id
    ),
    added AS (
      INSERT INTO session_facts (id, account_id, session_id, text, source_kind, source_ref, created_by_id, created_at, updated_at)
      SELECT f.id, ${accountId}::uuid, ${sessionId}::uuid, f.text, 'ai_promote'::"FactSourceKind", f.source_ref, NULL, ${now}, ${now}
      FROM unnest(${write.facts.map((fact) => fact.id)}::uuid[], ${write.facts.map((fact) => fact.text)}::text[], ${write.facts.map((fact) => fact.sourceRef)}::text[]) AS f(id, text, source_ref)
      RETURNING id, session_id, text, source_kind, source_ref, created_by_id, created_at, updated_at
    ),
    superseded AS (
      UPDATE session_suggested_fixes SET superseded_at = ${now}, updated_at = ${now}
      WHERE ${fix !== null}::boolean AND session_id = ${sessionId}::uuid AND account_id = ${accountId}::uuid AND superseded_at IS NULL
      RETURNING id
    ),
    new_fix AS (
      INSERT INTO session_suggested_fixes (id, account_id, session_id, title, description, confidence, template_id,
        ai_drafted_script, ai_drafted_parameters, status, source_session_id, ai_outcome_proposal, created_at, updated_at)
      SELECT ${fix?.id ?? null}::uuid, ${accountId}::uuid, ${sessionId}::uuid, ${fix?.title ?? null}, ${fix?.description ?? null}, ${fix?.confidence ?? null}::int,
        (SELECT t.id FROM script_templates t WHERE t.id = ${fix?.templateId ?? null}::uuid AND t.account_id = ${accountId}::uuid AND t.archived_at IS NULL),
        ${fix?.script ?? null}, ${json(fix?.parameters)}::jsonb, 'proposed'::"FixStatus",
        (SELECT s.id FROM ai_sessions s WHERE s.id = ${fix?.sourceSessionId ?? null}::uuid AND s.id <> ${sessionId}::uuid
          AND s.account_id = ${accountId}::uuid AND s.status = 'resolved'),
        ${json(fix?.proposal)}::jsonb, ${now}, ${now}
      WHERE ${fix !== null}::boolean AND (SELECT count(*) FROM superseded) >= 0
      RETURNING *
    ),
    proposed AS (
      UPDATE session_suggested_fixes SET ai_outcome_proposal = ${json(write.proposalForActiveFix)}::jsonb, updated_at = ${now}
      WHERE ${write.proposalForActiveFix !== null}::boolean AND session_id = ${sessionId}::uuid AND superseded_at IS NULL
        AND (${write.proposalFixId}::uuid IS NULL OR id = ${write.proposalFixId}::uuid)
        AND status::text NOT IN (${Prisma.join(TERMINAL_STATUSES)})
      RETURNING *
    )
    SELECT (SELECT state_version FROM session_row) AS "stateVersion",
      (SELECT id FROM step) AS "stepId",
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'sessionId', a.session_id, 'text', a.text, 'sourceKind', a.source_kind,
          'sourceRef', a.source_ref, 'createdById', a.created_by_id, 'createdAt', ${utcIsoText("a.created_at")}, 'updatedAt', ${utcIsoText("a.updated_at")})
          ORDER BY array_position(${write.facts.map((fact) => fact.id)}::uuid[], a.id)), '[]') FROM added a) AS facts,
      (SELECT ${FIX_JSON} FROM new_fix x) AS fix,
      (SELECT ${FIX_JSON} FROM (SELECT * FROM new_fix WHERE ai_outcome_proposal IS NOT NULL UNION ALL SELECT * FROM proposed) x) AS proposal`;
}

type FactJson = { id: string; sessionId: string; text: string; sourceKind: FactSourceKind; sourceRef: string | null; createdById: string | null; createdAt: string; updatedAt: string };
type WrittenReply = { stateVersion: number; stepId: string; facts: FactJson[]; fix: FixJson | null; proposal: FixJson | null };

