import type { Viewer } from "@/lib/auth/viewer";
import { db, queryPreparedRows, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FixStatus } from "@/lib/generated/prisma/enums";
import { FIX_JSON, fixViewOfJson, type FixJson } from "@/lib/fixes/fix-json";
import type { FixView } from "@/lib/fixes/fix-view";
import type { FixParams } from "@/lib/fixes/schemas";
import { readableSessionWhere } from "@/lib/sessions/session-access";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";

export const TX_OPTIONS = { timeout: 10_000 } as const;

/** D4: outcomes after which nothing more happens to a fix; no outcome proposal may change them (D5). */
export const TERMINAL_STATUSES: readonly FixStatus[] = ["applied_success", "applied_failed", "dismissed"];

export function isTerminal(status: FixStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/**
 * Locks the session row for the rest of the transaction. Every fix write takes this lock before
 * touching a fix, so writers of one session queue in one order (session, then fix) and each sees
 * what the previous one committed. Returns false when the session isn't in `accountId`.
 */
export async function lockSession(tx: Tx, sessionId: string, accountId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM ai_sessions WHERE id = ${sessionId}::uuid AND account_id = ${accountId}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/**
 * A fix of a session the viewer works on. Throws not_found for an unreadable session or a fix of
 * another session or tenant, forbidden when the viewer can read but not work the session. Inside a
 * transaction (`tx`) the session is locked first (see `lockSession`).
 */
export async function loadFixForWrite(viewer: Viewer, params: FixParams, tx?: Tx) {
  const client = tx ?? db;
  const session = await loadSessionForWrite(viewer, params.id, client);
  if (tx) await lockSession(tx, session.id, session.accountId);
  const fix = await client.sessionSuggestedFix.findFirst({
    where: { id: params.fid, sessionId: session.id, accountId: session.accountId },
  });
  if (!fix) throw notFound("Suggested fix");
  return { session, fix };
}

/** Throws conflict when `fix` was superseded: only the session's active fix can be acted on. */
export function requireActive(fix: { supersededAt: Date | null }, message?: string): void {
  if (fix.supersededAt) {
    throw conflict(message ?? "This fix was superseded by a newer suggestion; reload to see the current fix.");
  }
}

/** The session's active (not superseded) fix. Throws not_found when there is none or the session is unreadable. */
export async function getActiveFix(viewer: Viewer, sessionId: string): Promise<FixView> {
  const session = await db.aiSession.findFirst({ where: readableSessionWhere(viewer, sessionId), select: { id: true } });
  if (!session) throw notFound("Session");
  const fix = await findActiveFix(viewer.accountId, session.id);
  if (!fix) throw notFound("Active suggested fix");
  return fix;
}

/**
 * The active fix of a session the caller already found readable, with its source session's
 * title, in one statement; null when there is none.
 */
export async function findActiveFix(accountId: string, sessionId: string): Promise<FixView | null> {
  const [row] = await queryPreparedRows<{ fix: FixJson }>(Prisma.sql`
    SELECT ${FIX_JSON} AS fix FROM session_suggested_fixes x
    WHERE x.session_id = ${sessionId}::uuid AND x.account_id = ${accountId}::uuid AND x.superseded_at IS NULL
    ORDER BY x.created_at DESC
    LIMIT 1`);
  return row ? fixViewOfJson(row.fix) : null;
}
