import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { mayRetryPsaPost } from "@/lib/psa/writeback/retry-access";
import { describeFailure } from "@/lib/psa/writeback/writeback-failure";
import { readableSessionWhere } from "@/lib/sessions/session-access";

/** The latest post of a session's document to its ticket, as the pilot page shows it (E4, F1). */
export type PsaPostView = {
  id: string;
  kind: "resolution_note" | "escalation_package";
  ticket_id: string;
  status: "pending" | "posted" | "failed";
  external_id: string | null;
  verified_status: { id: string; name: string } | null;
  status_transition_skipped_reason: string | null;
  /** The PSA's own words for the last failure. */
  last_error: string | null;
  /** For people, when failed: what stands in FlowPilot, what failed on the ticket, what to do. */
  message: string | null;
  attempts: number;
  posted_at: string | null;
  /** Whether this viewer may press "Retry posting to ConnectWise" (a failed post they may retry). */
  can_retry: boolean;
};

type ReadSession = { id: string; status: string; userId: string; handlerId: string | null };
const postInclude = { documentation: { select: { psaDetail: true } } } as const;

/**
 * The session's most recent PSA post (of `kind`, when given), or null when it has none (no
 * ticket, not connected, or the viewer can't read the session). Read-only; `can_retry` applies
 * `retryPsaPost`'s rule.
 */
export async function getLatestPsaPost(viewer: Viewer, sessionId: string, kind?: DocumentKind): Promise<PsaPostView | null> {
  const session = await db.aiSession.findFirst({ where: readableSessionWhere(viewer, sessionId), select: { id: true, status: true, userId: true, handlerId: true } });
  if (!session) return null;
  const post = await db.psaPost.findFirst({
    where: { sessionId: session.id, accountId: viewer.accountId, ...(kind ? { kind } : {}) },
    orderBy: { createdAt: "desc" },
    include: postInclude,
  });
  return post && toPsaPostView(viewer, session, post);
}

/**
 * The latest post of each document kind for a session the caller has already read (the pilot
 * page), in one query: `distinct` keeps the first row per kind of the newest-first order.
 */
export async function latestPsaPostsByKind(viewer: Viewer, session: ReadSession): Promise<Partial<Record<DocumentKind, PsaPostView>>> {
  const posts = await db.psaPost.findMany({
    where: { sessionId: session.id, accountId: viewer.accountId },
    orderBy: [{ kind: "asc" }, { createdAt: "desc" }],
    distinct: ["kind"],
    include: postInclude,
  });
  return Object.fromEntries(posts.map((post) => [post.kind, toPsaPostView(viewer, session, post)]));
}

type PostRow = FailedPost & {
  id: string;
  status: PsaPostView["status"];
  verifiedStatusId: string | null;
  verifiedStatusName: string | null;
  statusTransitionSkippedReason: string | null;
  attempts: number;
  postedAt: Date | null;
};

function toPsaPostView(viewer: Viewer, session: ReadSession, post: PostRow): PsaPostView {
  return {
    id: post.id,
    kind: post.kind,
    ticket_id: post.ticketId,
    status: post.status,
    external_id: post.noteId,
    verified_status: post.verifiedStatusId ? { id: post.verifiedStatusId, name: post.verifiedStatusName ?? post.verifiedStatusId } : null,
    status_transition_skipped_reason: post.statusTransitionSkippedReason,
    last_error: post.lastError,
    message: post.status === "failed" ? failureMessage(post, session.status) : null,
    attempts: post.attempts,
    posted_at: post.postedAt?.toISOString() ?? null,
    can_retry: post.status === "failed" && mayRetryPsaPost(viewer, session, post.kind),
  };
}

type FailedPost = { kind: DocumentKind; ticketId: string; noteId: string | null; lastError: string | null; documentation: { psaDetail: unknown } };

/** The message the failed attempt answered with, rebuilt from what it recorded. */
function failureMessage(post: FailedPost, sessionStatus: string): string {
  const detail = (post.documentation.psaDetail ?? {}) as { failed_step?: unknown; psa_failure?: unknown };
  const step = detail.failed_step === "note" || detail.failed_step === "status" ? detail.failed_step : post.noteId ? "status" : "note";
  const psaFailure = typeof detail.psa_failure === "string" ? detail.psa_failure : undefined;
  return describeFailure({ kind: post.kind, sessionStatus, ticketId: post.ticketId, step, psaMessage: post.lastError ?? "The PSA did not say why.", psaFailure });
}
