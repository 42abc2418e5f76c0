import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { badRequest } from "@/lib/errors";
import type { FixDecision, ScriptLanguage } from "@/lib/generated/prisma/enums";
import { loadFixForWrite, requireActive, TX_OPTIONS } from "@/lib/fixes/fix-access";
import { toFixView, type FixView } from "@/lib/fixes/fix-view";
import type { DecideFixInput } from "@/lib/fixes/schemas";
import { extractTemplate, type ExtractedTemplate } from "@/lib/scripts/template-extraction";
import { bumpStateVersion } from "@/lib/sessions/state-version";

export type DecisionResult = {
  fix: FixView;
  decision: FixDecision;
  /** one_off / draft_template: the script to run (the engineer's edit, else the AI draft). */
  rendered_script: string | null;
  /** draft_template: the queued draft template. */
  draft_template_id: string | null;
  /** build_template: where the script builder opens, pre-loaded with this fix. */
  redirect_path: string | null;
};

type FixForDecision = { supersededAt: Date | null; templateId: string | null; aiDraftedScript: string | null };

/** The script a decision runs with, after refusing what D2 refuses. */
function scriptFor(fix: FixForDecision, decision: FixDecision, edited: string | null): string | null {
  requireActive(
    fix,
    decision === "dismissed" ? "Dismissing a superseded fix is not allowed; reload to see the current fix." : undefined,
  );
  if (decision !== "one_off" && decision !== "draft_template") return null;
  const script = edited ?? fix.aiDraftedScript;
  if (script) return script;
  if (!fix.templateId) {
    throw badRequest("This fix has no script yet. Draft one in the script builder (build_template) first.");
  }
  if (decision === "draft_template") {
    throw badRequest("This fix matches a library template; generate the script from that template instead.");
  }
  return null;
}

/** A reasonable language for a script nobody named one for; MSP fixes are mostly PowerShell. */
export function guessLanguage(script: string): ScriptLanguage {
  const firstLine = script.trimStart().split("\n", 1)[0] ?? "";
  if (/^#!.*python/.test(firstLine)) return "python";
  if (/^#!.*\b(ba|z|k|da)?sh\b/.test(firstLine)) return "bash";
  if (/^@?echo off\b/i.test(firstLine)) return "cmd";
  return "powershell";
}

/**
 * Records the engineer's decision on the active fix (D2) and bumps state_version. one_off returns
 * the script to run; draft_template also queues a draft template with parameters from template
 * extraction (a model call made before the transaction); build_template returns the builder path;
 * dismissed supersedes the fix. Throws conflict for a superseded fix, bad_request when a fix
 * without a template has no script for one_off / draft_template, not_found / forbidden as
 * `loadFixForWrite` does.
 */
export async function decideFix(viewer: Viewer, input: DecideFixInput): Promise<DecisionResult> {
  const edited = input.edited_script?.trim() ? input.edited_script : null;
  const before = await loadFixForWrite(viewer, input);
  const script = scriptFor(before.fix, input.decision, edited);
  const language = input.language ?? (script ? guessLanguage(script) : "powershell");
  let extracted: ExtractedTemplate | null = null;
  if (input.decision === "draft_template" && script) extracted = await extractTemplate(script, language);

  return db.$transaction(async (tx) => {
    const { session, fix } = await loadFixForWrite(viewer, input, tx);
    scriptFor(fix, input.decision, edited);
    const now = new Date();
    const dismissed = input.decision === "dismissed";
    const updated = await tx.sessionSuggestedFix.update({
      where: { id: fix.id },
      data: {
        userDecision: input.decision,
        decidedAt: now,
        decidedById: viewer.userId,
        ...(edited ? { editedScript: edited } : {}),
        ...(dismissed ? { supersededAt: now } : {}),
        // A dismissed proposal is dismissed; a fix that already has an outcome keeps it as history.
        ...(dismissed && fix.status === "proposed" ? { status: "dismissed" as const } : {}),
      },
    });
    let draftTemplateId: string | null = null;
    if (extracted && script) {
      const draft = await tx.draftTemplate.create({
        data: {
          accountId: session.accountId,
          sessionId: session.id,
          fixId: fix.id,
          userId: viewer.userId,
          name: fix.title.slice(0, 200),
          description: fix.description,
          language,
          originalScript: script,
          templatedBody: extracted.templated_body,
          proposedParameters: extracted.parameters,
        },
        select: { id: true },
      });
      draftTemplateId = draft.id;
    }
    await bumpStateVersion(tx, session.id);
    return {
      fix: toFixView(updated),
      decision: input.decision,
      rendered_script: script,
      draft_template_id: draftTemplateId,
      redirect_path:
        input.decision === "build_template" ? `/scripts/builder?from_session=${session.id}&fix=${fix.id}` : null,
    };
  }, TX_OPTIONS);
}
