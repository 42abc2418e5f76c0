import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isTerminal, loadFixForWrite, requireActive, TX_OPTIONS } from "@/lib/fixes/fix-access";
import { toFixView, type FixView } from "@/lib/fixes/fix-view";
import type { DraftScriptInput, FixParams, RecordOutcomeInput } from "@/lib/fixes/schemas";
import { bumpStateVersion } from "@/lib/sessions/state-version";

const OUTCOME_WORDS = {
  proposed: "proposed",
  applied_success: "worked",
  applied_failed: "failed",
  applied_partial: "partly worked",
  dismissed: "dismissed",
} as const;

/**
 * D3: stamps applied_at on the active fix (status stays proposed) and bumps state_version.
 * Idempotent: an already stamped fix is returned unchanged, without a bump. Throws conflict once
 * an outcome is recorded or when the fix was superseded.
 */
export async function applyFix(viewer: Viewer, params: FixParams): Promise<FixView> {
  return db.$transaction(async (tx) => {
    const { session, fix } = await loadFixForWrite(viewer, params, tx);
    requireActive(fix);
    if (fix.status !== "proposed") {
      throw conflict(`This fix's outcome is already recorded (${OUTCOME_WORDS[fix.status]}); there is nothing left to apply.`);
    }
    if (fix.appliedAt) return toFixView(fix);
    const updated = await tx.sessionSuggestedFix.update({ where: { id: fix.id }, data: { appliedAt: new Date() } });
    await bumpStateVersion(tx, session.id);
    return toFixView(updated);
  }, TX_OPTIONS);
}

/**
 * D4: records the engineer's outcome for the active fix and bumps state_version. A proposed fix
 * takes any outcome; a partial one only success or failed; success, failed and dismissed are
 * final (conflict). applied_* stamps applied_at if missing; success/failed stamp verified_at.
 * Clears any pending AI outcome proposal (D5). Notes for partial are checked by the input schema.
 */
export async function recordFixOutcome(viewer: Viewer, input: RecordOutcomeInput): Promise<FixView> {
  return db.$transaction(async (tx) => {
    const { session, fix } = await loadFixForWrite(viewer, input, tx);
    requireActive(fix);
    if (isTerminal(fix.status)) {
      throw conflict(`This fix's outcome is already recorded (${OUTCOME_WORDS[fix.status]}); outcomes are final.`);
    }
    if (fix.status === "applied_partial" && input.outcome !== "applied_success" && input.outcome !== "applied_failed") {
      throw conflict("This fix already partly worked; record whether it finally worked (applied_success) or failed (applied_failed).");
    }
    const now = new Date();
    const applied = input.outcome !== "dismissed";
    const verified = input.outcome === "applied_success" || input.outcome === "applied_failed";
    const updated = await tx.sessionSuggestedFix.update({
      where: { id: fix.id },
      data: {
        status: input.outcome,
        aiOutcomeProposal: Prisma.DbNull,
        ...(applied && !fix.appliedAt ? { appliedAt: now } : {}),
        ...(verified ? { verifiedAt: now } : {}),
        ...(input.outcome === "applied_partial" ? { partialNotes: input.notes } : {}),
        ...(input.outcome === "applied_failed" ? { failureReason: input.failure_reason || input.notes || null } : {}),
      },
    });
    await bumpStateVersion(tx, session.id);
    return toFixView(updated);
  }, TX_OPTIONS);
}

/** D5 "Not yet": deletes the AI's outcome proposal on a fix. Changes no status and no state_version. */
export async function clearOutcomeProposal(viewer: Viewer, params: FixParams): Promise<FixView> {
  return db.$transaction(async (tx) => {
    const { fix } = await loadFixForWrite(viewer, params, tx);
    const updated = await tx.sessionSuggestedFix.update({ where: { id: fix.id }, data: { aiOutcomeProposal: Prisma.DbNull } });
    return toFixView(updated);
  }, TX_OPTIONS);
}

/**
 * D6: saves the inline builder's script (and parameters; omitted clears them) as the fix's AI
 * draft without applying it, and bumps state_version. Throws conflict for a fix with a final
 * outcome or a superseded one; an empty script is refused by the input schema.
 */
export async function saveDraftScript(viewer: Viewer, input: DraftScriptInput): Promise<FixView> {
  return db.$transaction(async (tx) => {
    const { session, fix } = await loadFixForWrite(viewer, input, tx);
    requireActive(fix);
    if (isTerminal(fix.status)) {
      throw conflict(`This fix's outcome is already recorded (${OUTCOME_WORDS[fix.status]}); its script can no longer change.`);
    }
    const updated = await tx.sessionSuggestedFix.update({
      where: { id: fix.id },
      // The submitted script is now the fix's script: an earlier edit of the old draft no longer applies.
      data: { aiDraftedScript: input.script, aiDraftedParameters: input.parameters ? (input.parameters as Prisma.InputJsonValue) : Prisma.DbNull, editedScript: null },
    });
    await bumpStateVersion(tx, session.id);
    return toFixView(updated);
  }, TX_OPTIONS);
}
