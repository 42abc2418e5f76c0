import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { loadSensitiveValues } from "@/lib/documents/bundle";
import { previewCache } from "@/lib/documents/preview-cache";
import { previewResolutionNote } from "@/lib/documents/preview";
import { conflict } from "@/lib/errors";
import { postDocumentationToPsa } from "@/lib/psa/psa-writeback";
import type { PsaWritebackResult } from "@/lib/psa/writeback/types";
import { redactValues } from "@/lib/scripts/redaction";
import { confirmReopenedFixes } from "@/lib/sessions/reopen-signal";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";

export type PostResolutionResult = {
  /** resolved: the note is on the linked ticket; resolved_local: kept in FlowPilot (no ticket, or no PSA connection). */
  outcome: "resolved" | "resolved_local";
  session_id: string;
  status: "resolved";
  resolved_at: string;
  documentation_id: string;
  markdown: string;
  ai_generated: boolean;
  /** Null for a session without a linked ticket; otherwise what happened on the PSA side. */
  psa: PsaWritebackResult | null;
};

const ALREADY_RESOLVED = "This session is already resolved and its resolution note was posted. Reload to see it.";

/** The markdown to post and whether the model wrote it: the engineer's text, or the current preview. */
async function noteToPost(viewer: Viewer, session: { id: string; stateVersion: number }, markdown: string | undefined) {
  if (markdown === undefined) {
    const preview = await previewResolutionNote(viewer, session.id);
    return { markdown: preview.markdown, aiGenerated: preview.ai_generated };
  }
  // Only the model's own words, unedited, count as AI-written; an edit makes it the engineer's note.
  const cached = previewCache.get("resolution_note", session.id, session.stateVersion);
  return { markdown, aiGenerated: cached !== undefined && cached.markdown.trim() === markdown.trim() };
}

/**
 * E4 (local path): resolves the session with `markdown` (the engineer's edit) or the current
 * preview. In one transaction: status resolved, resolvedAt, the note on the session, a
 * SessionDocumentation row and a session step. Sensitive values are scrubbed first (E5). A session
 * linked to a ticket is then posted by PSAWriteback, after commit (customer-visible resolution
 * note, then the configured resolved status, verified). Throws not_found / forbidden as
 * `loadSessionForWrite`, conflict when the session is already resolved, and PsaWritebackFailure
 * (502, `error.details.psa_post_id`) when the PSA post fails: the session stays resolved.
 */
export async function postResolutionNote(viewer: Viewer, sessionId: string, input: { markdown?: string } = {}): Promise<PostResolutionResult> {
  const session = await loadSessionForWrite(viewer, sessionId);
  if (session.status === "resolved") throw conflict(ALREADY_RESOLVED);

  const note = await noteToPost(viewer, session, input.markdown);
  const markdown = redactValues(note.markdown, await loadSensitiveValues(session.id));
  const { psaTicketId } = session;

  const resolvedAt = new Date();
  const documentationId = await db.$transaction(
    async (tx) => {
      // The status condition makes a second, concurrent post wait for the first and then miss.
      const resolved = await tx.aiSession.updateMany({
        where: { id: session.id, accountId: viewer.accountId, status: { not: "resolved" } },
        data: { status: "resolved", resolvedAt, resolutionNoteMarkdown: markdown, resolutionNotePostedAt: resolvedAt },
      });
      if (resolved.count === 0) throw conflict(ALREADY_RESOLVED);
      const documentation = await tx.sessionDocumentation.create({
        data: {
          accountId: viewer.accountId,
          sessionId: session.id,
          kind: "resolution_note",
          markdown,
          aiGenerated: note.aiGenerated,
          psaPostStatus: psaTicketId ? null : "local",
          createdById: viewer.userId,
        },
        select: { id: true },
      });
      await tx.aiSessionStep.create({
        data: {
          accountId: viewer.accountId,
          sessionId: session.id,
          userId: viewer.userId,
          kind: "engineer_action",
          content: "Resolved the session and posted the resolution note.",
          metadata: { type: "resolution_note_posted", documentation_id: documentation.id },
        },
      });
      await confirmReopenedFixes(tx, { accountId: viewer.accountId, sessionId: session.id, ticketId: psaTicketId });
      return documentation.id;
    },
    { timeout: 10_000 },
  );

  const psa = psaTicketId ? await postDocumentationToPsa(viewer, { documentationId, sessionStatus: "resolved" }) : null;
  return {
    outcome: psa?.posted ? "resolved" : "resolved_local",
    session_id: session.id,
    status: "resolved",
    resolved_at: resolvedAt.toISOString(),
    documentation_id: documentationId,
    markdown,
    ai_generated: note.aiGenerated,
    psa,
  };
}
