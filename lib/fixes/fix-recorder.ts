import { z } from "zod";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockSession } from "@/lib/fixes/fix-access";
import { toFixView, withSourceSession, type FixView } from "@/lib/fixes/fix-view";
import { bumpStateVersion } from "@/lib/sessions/state-version";

/** What a [SUGGEST_FIX] block proposes (D1). */
export type SuggestedFixInput = {
  title: string;
  description: string;
  /** Clamped to 0–100 and rounded; anything not a number counts as 0. */
  confidence: number;
  /** A library template the fix matches; dropped unless it is a live template of the account. */
  templateId?: string | null;
  aiDraftedScript?: string | null;
  aiDraftedParameters?: Prisma.InputJsonValue | null;
  /** The resolved session whose fix this reuses; dropped unless it is a resolved session of the account. */
  sourceSessionId?: string | null;
};

export function clampConfidence(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, Math.round(value))) : 0;
}

async function ownTemplateId(tx: Tx, accountId: string, templateId: string | null | undefined): Promise<string | null> {
  if (!templateId || !z.uuid().safeParse(templateId).success) return null;
  const template = await tx.scriptTemplate.findFirst({ where: { id: templateId, accountId, archivedAt: null }, select: { id: true } });
  return template?.id ?? null;
}

async function resolvedSourceSessionId(tx: Tx, accountId: string, sessionId: string, sourceId: string | null | undefined): Promise<string | null> {
  if (!sourceId || sourceId === sessionId || !z.uuid().safeParse(sourceId).success) return null;
  const source = await tx.aiSession.findFirst({ where: { id: sourceId, accountId, status: "resolved" }, select: { id: true } });
  return source?.id ?? null;
}

/**
 * D1 inside the caller's transaction: supersedes the session's active fix, inserts `fix` as the
 * new active one and bumps state_version. The session row is locked first, so concurrent calls
 * queue and the one-active-fix index is never violated. Throws not_found when the session is not
 * in `accountId`.
 */
export async function recordSuggestedFix(
  tx: Tx,
  input: { accountId: string; sessionId: string; fix: SuggestedFixInput },
): Promise<FixView> {
  const { accountId, sessionId, fix } = input;
  if (!(await lockSession(tx, sessionId, accountId))) throw notFound("Session");
  await tx.sessionSuggestedFix.updateMany({ where: { sessionId, accountId, supersededAt: null }, data: { supersededAt: new Date() } });
  const created = await tx.sessionSuggestedFix.create({
    data: {
      accountId,
      sessionId,
      title: fix.title.trim(),
      description: fix.description.trim(),
      confidence: clampConfidence(fix.confidence),
      templateId: await ownTemplateId(tx, accountId, fix.templateId),
      aiDraftedScript: fix.aiDraftedScript?.trim() ? fix.aiDraftedScript : null,
      aiDraftedParameters: fix.aiDraftedParameters ?? Prisma.DbNull,
      sourceSessionId: await resolvedSourceSessionId(tx, accountId, sessionId, fix.sourceSessionId),
    },
    include: withSourceSession,
  });
  await bumpStateVersion(tx, sessionId);
  return toFixView(created);
}
