import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ParsedMarkers } from "@/lib/ai/markers";
import { mergeTaskLane, type TaskLane } from "@/lib/ai/task-lane";
import { insertFacts } from "@/lib/facts/fact-service";
import type { FactView } from "@/lib/facts/fact-view";
import { recordOutcomeProposal, recordSuggestedFix } from "@/lib/fixes/fix-recorder";
import type { FixView } from "@/lib/fixes/fix-view";
import { offeredSourceSessionId } from "@/lib/knowledge/seen-before-for-chat";

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
  userId: string;
  taskLane: TaskLane;
  parsed: ParsedMarkers;
  /** Seen-before sessions the turn offered; a suggested fix citing any other loses the citation. */
  offeredSourceIds?: readonly string[];
};

/**
 * Persists one model reply inside the caller's transaction: the assistant step (prose only, the
 * parsed blocks kept in its metadata), the merged task lane with stable ids (B3), promoted facts
 * (C1), a suggested fix that supersedes the active one (D1) and an outcome proposal (D5). The
 * fact and fix writes bump state_version themselves (B4).
 */
export async function applyReply(tx: Tx, input: ApplyReplyInput): Promise<TurnResult> {
  const { accountId, sessionId, parsed } = input;
  const taskLane = mergeTaskLane(input.taskLane, parsed);
  const step = await tx.aiSessionStep.create({
    data: {
      accountId,
      sessionId,
      kind: "assistant_message",
      content: parsed.prose,
      metadata: {
        questions: parsed.questions,
        actions: parsed.actions,
        promotes: parsed.promotes,
        suggested_fix: parsed.suggestedFix,
        fix_outcome: parsed.fixOutcome,
        fork: parsed.fork,
        dropped: parsed.dropped.map(({ marker, reason }) => ({ marker, reason })),
      } as Prisma.InputJsonValue,
    },
    select: { id: true },
  });

  const factsAdded = await insertFacts(tx, {
    accountId,
    sessionId,
    userId: null,
    facts: parsed.promotes.map((promote) => ({ text: promote.text, sourceKind: "ai_promote", sourceRef: promote.source_ref ?? null })),
  });
  const fix = parsed.suggestedFix
    ? await recordSuggestedFix(tx, {
        accountId,
        sessionId,
        fix: {
          title: parsed.suggestedFix.title,
          description: parsed.suggestedFix.description,
          confidence: parsed.suggestedFix.confidence,
          templateId: parsed.suggestedFix.template_id ?? null,
          aiDraftedScript: parsed.suggestedFix.script ?? null,
          aiDraftedParameters: (parsed.suggestedFix.parameters as Prisma.InputJsonValue | undefined) ?? null,
          sourceSessionId: offeredSourceSessionId(parsed.suggestedFix.source_session_id, input.offeredSourceIds ?? []),
        },
      })
    : null;
  const proposal = parsed.fixOutcome
    ? await recordOutcomeProposal(tx, {
        sessionId,
        fixId: parsed.fixOutcome.fix_id ?? null,
        outcome: parsed.fixOutcome.outcome,
        notes: parsed.fixOutcome.notes ?? null,
      })
    : null;
  // Last, so the state_version it returns includes the bumps of the fact and fix writes above.
  const { stateVersion } = await tx.aiSession.update({ where: { id: sessionId }, data: { pendingTaskLane: taskLane }, select: { stateVersion: true } });
  return {
    step_id: step.id,
    prose: parsed.prose,
    task_lane: taskLane,
    facts_added: factsAdded,
    suggested_fix: fix,
    outcome_proposal: proposal,
    fork: parsed.fork,
    dropped_markers: parsed.dropped.length,
    state_version: stateVersion,
  };
}
