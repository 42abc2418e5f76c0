import { db, type Tx } from "@/lib/db";
import type { PsaTicket } from "@/lib/psa/provider";

/**
 * L3: the reopen signal. A resolved session is "reopened" when the problem it fixed came back:
 *
 * - its linked ticket is read open again (lib/psa) and is no longer in the status the resolve
 *   left it in (the verified status of its resolution-note post): somebody moved it back. A
 *   ticket the resolve never moved (no PSA connection then, or a skipped status step) gives no
 *   such signal, because an open ticket there only means nobody closed it;
 * - or a new, non-forked session is started for the same ticket: someone is working it again.
 *
 * Marking sets `reopened_at` and leaves a system step on the session saying why. The mark is
 * cleared when a later session on the same ticket resolves with a fix of the same title that
 * worked: the original fix is confirmed after all. A different fix leaves the mark, since the
 * original one didn't hold.
 */
export type ReopenReason = { kind: "ticket_open"; statusName: string | null } | { kind: "new_session"; sessionId: string };

function describe(reason: ReopenReason): string {
  return reason.kind === "ticket_open"
    ? `The linked ticket is open again in the PSA${reason.statusName ? ` (status "${reason.statusName}")` : ""}: this session is marked reopened.`
    : "A new session was started for the linked ticket: this session is marked reopened.";
}

async function markReopened(client: Tx | typeof db, accountId: string, sessionIds: string[], reason: ReopenReason, now: Date): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  // The reopenedAt condition keeps two concurrent reads from marking (and logging) twice.
  const marked: string[] = [];
  for (const id of sessionIds) {
    const updated = await client.aiSession.updateMany({
      where: { id, accountId, status: "resolved", reopenedAt: null },
      data: { reopenedAt: now },
    });
    if (updated.count === 0) continue;
    marked.push(id);
    await client.aiSessionStep.create({
      data: {
        accountId,
        sessionId: id,
        kind: "system_event",
        content: describe(reason),
        metadata: reason.kind === "ticket_open" ? { type: "session_reopened", reason: "ticket_open", status: reason.statusName } : { type: "session_reopened", reason: "new_session", session_id: reason.sessionId },
      },
    });
  }
  return marked;
}

/**
 * After a ticket was read from the PSA: marks the account's resolved sessions on it reopened
 * when the ticket is open and out of the status their resolve verified. Never throws: the read
 * it follows must not fail because of it (the failure is logged).
 */
export async function noteTicketRead(accountId: string, ticket: Pick<PsaTicket, "id" | "closed" | "status">, now = new Date()): Promise<string[]> {
  if (ticket.closed) return [];
  try {
    const candidates = await db.aiSession.findMany({
      where: {
        accountId,
        psaTicketId: ticket.id,
        status: "resolved",
        reopenedAt: null,
        psaPosts: { some: { kind: "resolution_note", status: "posted", verifiedStatusId: { not: null } } },
      },
      select: { id: true, psaPosts: { where: { kind: "resolution_note", status: "posted" }, select: { verifiedStatusId: true }, orderBy: { createdAt: "desc" }, take: 1 } },
    });
    const movedBack = candidates.filter((session) => session.psaPosts[0]?.verifiedStatusId !== (ticket.status?.id ?? null)).map((session) => session.id);
    if (movedBack.length === 0) return [];
    return await db.$transaction((tx) => markReopened(tx, accountId, movedBack, { kind: "ticket_open", statusName: ticket.status?.name ?? null }, now));
  } catch (error) {
    console.warn(JSON.stringify({ event: "sessions.reopen_check_failed", account_id: accountId, ticket_id: ticket.id, message: error instanceof Error ? error.message : String(error) }));
    return [];
  }
}

/** Inside the transaction that starts `sessionId` on `ticketId`: the earlier resolved sessions on it are reopened. */
export async function noteNewSessionOnTicket(tx: Tx, input: { accountId: string; ticketId: string; sessionId: string; now?: Date }): Promise<string[]> {
  const earlier = await tx.aiSession.findMany({
    where: { accountId: input.accountId, psaTicketId: input.ticketId, status: "resolved", reopenedAt: null, id: { not: input.sessionId } },
    select: { id: true },
  });
  return markReopened(tx, input.accountId, earlier.map((session) => session.id), { kind: "new_session", sessionId: input.sessionId }, input.now ?? new Date());
}

const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Inside the transaction that resolves `sessionId`: clears the reopen mark of earlier sessions on
 * the same ticket whose worked fix has the same title as a fix that worked in this one.
 */
export async function confirmReopenedFixes(tx: Tx, input: { accountId: string; sessionId: string; ticketId: string | null }): Promise<string[]> {
  if (!input.ticketId) return [];
  const worked = await tx.sessionSuggestedFix.findMany({ where: { sessionId: input.sessionId, status: "applied_success" }, select: { title: true } });
  if (worked.length === 0) return [];
  const reopened = await tx.aiSession.findMany({
    where: { accountId: input.accountId, psaTicketId: input.ticketId, reopenedAt: { not: null }, id: { not: input.sessionId } },
    select: { id: true, fixes: { where: { status: "applied_success" }, select: { title: true } } },
  });
  const confirmed = reopened.filter((session) => session.fixes.some((fix) => worked.some((again) => sameTitle(fix.title, again.title)))).map((session) => session.id);
  for (const id of confirmed) {
    await tx.aiSession.update({ where: { id }, data: { reopenedAt: null } });
    await tx.aiSessionStep.create({
      data: {
        accountId: input.accountId,
        sessionId: id,
        kind: "system_event",
        content: "A later session on the same ticket resolved it with the same fix: the reopen mark is cleared.",
        metadata: { type: "session_reopen_cleared", session_id: input.sessionId },
      },
    });
  }
  return confirmed;
}
