import type { Viewer } from "@/lib/auth/viewer";
import { buildDocumentBundle, ticketRefOf } from "@/lib/documents/bundle";
import { draftDocument, type Draft } from "@/lib/documents/draft-document";
import { previewCache } from "@/lib/documents/preview-cache";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { queryPreparedRows } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { readableSessionsCondition, worksOnSession } from "@/lib/sessions/session-access";
import { NOT_YOURS } from "@/lib/sessions/session-writer";

export type DocumentPreview = {
  kind: DocumentKind;
  session_id: string;
  markdown: string;
  from_cache: boolean;
  ai_generated: boolean;
  /** Null for an AI draft; for a deterministic one, a sentence for the engineer saying why the AI's wasn't used. */
  fallback_reason: string | null;
  state_version: number;
  ticket_ref: string | null;
};

export type PreviewOptions = {
  refresh?: boolean;
  /** The session as `previewedSessionRead` found it in the viewer's own statement (null: not found); read here when absent. */
  session?: PreviewedSession | null;
};
type PreviewRequest = PreviewOptions & { kind: DocumentKind };

export type PreviewedSession = { id: string; userId: string; handlerId: string | null; stateVersion: number; psaTicketId: string | null; psaTicketRef: string | null };

/**
 * The session's current state_version, with what a preview's answer names: the one read a cache
 * hit costs. `readable` is the viewer's readable-sessions condition; the preview routes send this
 * inside the viewer's statement (readViewerWithFirstRead), everyone else on its own.
 */
export function previewedSessionRead(sessionId: string, readable: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT s.id, s.user_id AS "userId", s.handler_id AS "handlerId", s.state_version AS "stateVersion",
      s.psa_ticket_id AS "psaTicketId", s.psa_ticket_ref AS "psaTicketRef"
    FROM ai_sessions s
    WHERE s.id = ${sessionId}::uuid AND ${readable}`;
}

/**
 * The previewed session, checked with `loadSessionForWrite`'s rules: not_found for a session the
 * viewer can't read (null), forbidden for one they don't work on. Reads it, prepared, straight on
 * the pool, unless the caller already did.
 */
async function checkPreviewedSession(viewer: Viewer, sessionId: string, alreadyRead: PreviewedSession | null | undefined): Promise<PreviewedSession> {
  const session =
    alreadyRead === undefined ? (await queryPreparedRows<PreviewedSession>(previewedSessionRead(sessionId, readableSessionsCondition(viewer))))[0] : alreadyRead;
  if (!session) throw notFound("Session");
  if (!worksOnSession(viewer, session)) throw forbidden(NOT_YOURS);
  return session;
}

// Two previews of the same unchanged state at once (popover + debounced refresh) share one model call.
const inFlight = new Map<string, Promise<Draft & { stateVersion: number }>>();

async function generate(kind: DocumentKind, sessionId: string): Promise<Draft & { stateVersion: number }> {
  const grounded = await buildDocumentBundle(sessionId);
  const draft = await draftDocument(grounded, { kind, sessionId });
  // Keyed on the version the bundle was read at; deterministic drafts stay uncached so the next preview retries the model.
  if (draft.aiGenerated) previewCache.set(kind, sessionId, grounded.bundle.state_version, { markdown: draft.markdown });
  return { ...draft, stateVersion: grounded.bundle.state_version };
}

function generateShared(kind: DocumentKind, sessionId: string, stateVersion: number) {
  const key = `${kind}:${sessionId}:${stateVersion}`;
  let running = inFlight.get(key);
  if (!running) {
    running = generate(kind, sessionId).finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
}

/**
 * E1–E3, E6: the current draft of `kind` for a session the viewer works on. Unchanged state is
 * served from the preview cache without a model call unless `refresh`; when the model is
 * unavailable or its reply is not the document (after one corrective retry) the draft is
 * deterministic (`ai_generated: false`, `fallback_reason` says why) and not cached. Throws not_found for a session
 * the viewer can't read, forbidden for one they can read but don't work on.
 */
export async function previewDocument(viewer: Viewer, sessionId: string, options: PreviewRequest): Promise<DocumentPreview> {
  const { kind } = options;
  const session = await checkPreviewedSession(viewer, sessionId, options.session);
  const base = { kind, session_id: session.id, ticket_ref: ticketRefOf(session) };

  const cached = options.refresh ? undefined : previewCache.get(kind, session.id, session.stateVersion);
  if (cached) return { ...base, markdown: cached.markdown, from_cache: true, ai_generated: true, fallback_reason: null, state_version: session.stateVersion };

  const draft = options.refresh ? await generate(kind, session.id) : await generateShared(kind, session.id, session.stateVersion);
  return {
    ...base,
    markdown: draft.markdown,
    from_cache: false,
    ai_generated: draft.aiGenerated,
    fallback_reason: draft.fallbackReason,
    state_version: draft.stateVersion,
  };
}

/** E1: the resolution note preview (four sections). See `previewDocument`. */
export function previewResolutionNote(viewer: Viewer, sessionId: string, options: PreviewOptions = {}) {
  return previewDocument(viewer, sessionId, { ...options, kind: "resolution_note" });
}

/** E2: the escalation package preview (five sections). See `previewDocument`. */
export function previewEscalationPackage(viewer: Viewer, sessionId: string, options: PreviewOptions = {}) {
  return previewDocument(viewer, sessionId, { ...options, kind: "escalation_package" });
}
