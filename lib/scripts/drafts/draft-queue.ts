import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { draftViewSelect, toDraftView, type DraftView } from "@/lib/scripts/drafts/draft-view";
import { listDraftTemplatesInput, type ListDraftTemplatesInput } from "@/lib/scripts/drafts/schemas";

/** No account reviews more drafts than this in one page; the audit view shows the newest ones. */
const LIST_LIMIT = 500;

/**
 * H5: the account's draft templates, newest first — pending only unless `pending_only` is false
 * (the audit view), optionally only one session's. Any member may read the queue.
 */
export async function listDraftTemplates(
  viewer: Viewer,
  input: ListDraftTemplatesInput = {},
): Promise<{ items: DraftView[]; next_page: null }> {
  const filter = listDraftTemplatesInput.parse(input);
  const rows = await db.draftTemplate.findMany({
    where: {
      accountId: viewer.accountId,
      ...(filter.pending_only ? { status: "pending" as const } : {}),
      ...(filter.session_id ? { sessionId: filter.session_id } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: draftViewSelect,
  });
  return { items: rows.map(toDraftView), next_page: null };
}

/** One draft template of the viewer's account. Throws not_found for an unknown id or another tenant's draft. */
export async function getDraftTemplate(viewer: Viewer, id: string): Promise<DraftView> {
  const row = await db.draftTemplate.findFirst({ where: { id, accountId: viewer.accountId }, select: draftViewSelect });
  if (!row) throw notFound("Draft template");
  return toDraftView(row);
}
