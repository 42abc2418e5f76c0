import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generationSelect, toGenerationView, type GenerationView } from "@/lib/scripts/generate/generation-view";
import type { ListGenerationsInput } from "@/lib/scripts/generate/schemas";
import { readableSessionWhere } from "@/lib/sessions/session-access";

/** Recent runs are what a history shows; older ones stay in the database (and in the notes citing them). */
const LIST_LIMIT = 50;

/**
 * The account's runs, newest first, at most 50 (`next_page` is null): of one template, of one pilot
 * session, or both. Scripts are in their REDACTED form and sensitive values read ••••. Throws
 * not_found for a template of another account, or a session the viewer can't read.
 */
export async function listGenerations(viewer: Viewer, input: ListGenerationsInput = {}): Promise<{ items: GenerationView[]; next_page: null }> {
  const where: Prisma.ScriptGenerationWhereInput = { accountId: viewer.accountId };
  if (input.template_id) {
    const template = await db.scriptTemplate.findFirst({ where: { id: input.template_id, accountId: viewer.accountId }, select: { id: true } });
    if (!template) throw notFound("Template");
    where.templateId = template.id;
  }
  if (input.ai_session_id) {
    const session = await db.aiSession.findFirst({ where: readableSessionWhere(viewer, input.ai_session_id), select: { id: true } });
    if (!session) throw notFound("Session");
    where.sessionId = session.id;
  }
  const rows = await db.scriptGeneration.findMany({ where, select: generationSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LIST_LIMIT });
  return { items: rows.map(toGenerationView), next_page: null };
}

/** One run of the viewer's account, as `listGenerations` shows it. Throws not_found for another account's. */
export async function getGeneration(viewer: Viewer, id: string): Promise<GenerationView> {
  const row = await db.scriptGeneration.findFirst({ where: { id, accountId: viewer.accountId }, select: generationSelect });
  if (!row) throw notFound("Script generation");
  return toGenerationView(row);
}
