import { readAccountPreferences } from "@/lib/accounts/preferences";
import { roleAllows } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { listDraftTemplates } from "@/lib/scripts/drafts/draft-queue";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";
import { readableSessionWhere } from "@/lib/sessions/session-access";

/**
 * What the pilot page offers after a resolve: the session's pending drafts, one at a time, and
 * whether this viewer may switch the offer off for the team (an account preference, so owners
 * and admins only).
 */
export type TemplatizeOffer = { drafts: DraftView[]; can_opt_out: boolean };

/**
 * H5: the templatize-after-resolve offer for a session. Drafts come only for a resolved session
 * the viewer worked on (started or handled), to an engineer, admin or owner, while the account's
 * `templatize_prompt_enabled` is on; otherwise `drafts` is empty. Throws not_found for a session
 * the viewer can't read.
 */
export async function getTemplatizeOffer(viewer: Viewer, sessionId: string): Promise<TemplatizeOffer> {
  const session = await db.aiSession.findFirst({
    where: readableSessionWhere(viewer, sessionId),
    select: { id: true, status: true, userId: true, handlerId: true },
  });
  if (!session) throw notFound("Session");
  const can_opt_out = roleAllows("ownerOrAdmin", viewer.role);
  const workedOnIt = session.userId === viewer.userId || session.handlerId === viewer.userId;
  if (session.status !== "resolved" || !workedOnIt || !roleAllows("engineerOrAdmin", viewer.role)) {
    return { drafts: [], can_opt_out };
  }
  const { templatize_prompt_enabled } = await readAccountPreferences(viewer.accountId);
  if (!templatize_prompt_enabled) return { drafts: [], can_opt_out };
  const { items } = await listDraftTemplates(viewer, { pending_only: true, session_id: session.id });
  // Offered in the order they were drafted.
  return { drafts: items.reverse(), can_opt_out };
}
