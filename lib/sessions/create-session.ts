import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { resolveSessionTicketLink } from "@/lib/psa/tickets/session-ticket-link";
import type { CreateSessionInput } from "@/lib/sessions/schemas";
import { linkedPsaTicket } from "@/lib/sessions/read-session";
import { noteNewSessionOnTicket } from "@/lib/sessions/reopen-signal";
import { readableSessionWhere } from "@/lib/sessions/session-access";

/**
 * Starts a pilot session for the viewer (B1), optionally linked to a PSA ticket, or forked from a
 * session they can read (B2 [FORK]). The start is the session's first step. A linked ticket is read
 * from the account's PSA first (ref "CW #<id>", its company unless one is given); an unreachable
 * PSA doesn't block the start. Throws not_found for a fork source the viewer can't read, invalid
 * (422) for a ticket the PSA says doesn't exist. A new (not forked) session on a ticket marks the
 * ticket's earlier resolved sessions reopened (L3).
 */
export async function createSession(viewer: Viewer, input: CreateSessionInput) {
  const source = input.forked_from_id
    ? await db.aiSession.findFirst({ where: readableSessionWhere(viewer, input.forked_from_id), select: { id: true, title: true } })
    : null;
  if (input.forked_from_id && !source) throw notFound("Session to fork from");
  // PSA I/O before the transaction, never inside it.
  const link = input.psa_ticket_id ? await resolveSessionTicketLink(viewer, input.psa_ticket_id, input.company_name) : null;

  const started = source
    ? `Forked from "${source.title}".${input.fork_summary ? ` ${input.fork_summary}` : ""}`
    : "Session started.";
  return db.$transaction(async (tx) => {
    const session = await tx.aiSession.create({
      data: {
        accountId: viewer.accountId,
        userId: viewer.userId,
        title: input.title,
        psaTicketId: link?.psaTicketId ?? null,
        psaTicketRef: link?.psaTicketRef ?? null,
        companyName: link ? link.companyName : input.company_name || null,
        forkedFromId: source?.id ?? null,
      },
      select: { id: true, title: true, status: true, psaTicketId: true, psaTicketRef: true, companyName: true, forkedFromId: true, createdAt: true },
    });
    await tx.aiSessionStep.create({
      data: { accountId: viewer.accountId, sessionId: session.id, userId: viewer.userId, kind: "system_event", content: started },
    });
    if (session.psaTicketId && !source) {
      await noteNewSessionOnTicket(tx, { accountId: viewer.accountId, ticketId: session.psaTicketId, sessionId: session.id });
    }
    return { ...session, psa_ticket: linkedPsaTicket(session) };
  });
}
