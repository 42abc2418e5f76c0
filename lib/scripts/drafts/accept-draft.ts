import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ticketRefOf } from "@/lib/documents/bundle";
import { parametersSchemaInput, type TemplateParameter } from "@/lib/scripts/parameter-schema";
import { explainResolveMiss, recordDraftStep, requirePending, TX_OPTIONS } from "@/lib/scripts/drafts/draft-resolution";
import { getDraftTemplate } from "@/lib/scripts/drafts/draft-queue";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { acceptDraftTemplateInput, type AcceptDraftTemplateInput } from "@/lib/scripts/drafts/schemas";
import { insertScriptTemplate } from "@/lib/scripts/templates/insert-template";

export type AcceptDraftResult = { draft: DraftView; template: { id: string; name: string; version: number } };

/**
 * The parameters the template keeps: the engineer's edit, else the draft's proposal, checked by
 * the same rules (an old or hand-written row may not meet them). Throws invalid naming the fault.
 */
function parametersToKeep(edited: TemplateParameter[] | undefined, proposed: Prisma.JsonValue): TemplateParameter[] {
  if (edited) return edited;
  const parsed = parametersSchemaInput.safeParse(proposed);
  if (parsed.success) return parsed.data;
  throw invalid(`The draft's proposed parameters are not valid (${parsed.error.issues[0]?.message}); edit them before saving.`);
}

/**
 * H5: promotes a pending draft to a team template at version 1, with the engineer's edits (name,
 * description, category, body, parameters) over the draft's own, and the provenance of its session
 * (session, the engineer who resolved it, ticket ref). The template, the draft's flip to accepted
 * and the session step commit together; the status-guarded update lets exactly one of two
 * concurrent accepts win. Throws not_found (another tenant's draft), conflict (already accepted or
 * rejected), bad_request (unknown category), invalid (bad parameters, or a body using an
 * undeclared one).
 */
export async function acceptDraftTemplate(viewer: Viewer, id: string, input: AcceptDraftTemplateInput = {}): Promise<AcceptDraftResult> {
  const edits = acceptDraftTemplateInput.parse(input);
  const draft = await db.draftTemplate.findFirst({
    where: { id, accountId: viewer.accountId },
    include: { session: { select: { userId: true, handlerId: true, psaTicketRef: true, psaTicketId: true } } },
  });
  if (!draft) throw notFound("Draft template");
  requirePending(draft.status, "accept");
  const parameters = parametersToKeep(edits.parameters, draft.proposedParameters);
  const name = edits.name ?? draft.name;

  const template = await db.$transaction(async (tx) => {
    const resolvedAt = new Date();
    const claimed = await tx.draftTemplate.updateMany({
      where: { id, accountId: viewer.accountId, status: "pending" },
      data: { status: "accepted", resolvedAt },
    });
    if (claimed.count === 0) return null;
    const { session } = draft;
    const inserted = await insertScriptTemplate(tx, {
      accountId: viewer.accountId,
      createdById: viewer.userId,
      name,
      description: edits.description === undefined ? draft.description : edits.description || null,
      language: draft.language,
      body: edits.body ?? draft.templatedBody,
      parameters,
      categoryId: edits.category_id ?? null,
      source: draft.sessionId
        ? { sessionId: draft.sessionId, userId: session?.handlerId ?? session?.userId ?? draft.userId, ticketRef: session ? ticketRefOf(session) : null }
        : null,
    });
    await tx.draftTemplate.update({ where: { id }, data: { promotedTemplateId: inserted.id } });
    await recordDraftStep(tx, viewer, draft, {
      content: `Saved the draft template "${name}" to the team library.`,
      metadata: { type: "draft_template_accepted", template_id: inserted.id },
    });
    return { ...inserted, name };
  }, TX_OPTIONS);
  if (!template) throw await explainResolveMiss(viewer, id, "accept");
  return { draft: await getDraftTemplate(viewer, id), template };
}
