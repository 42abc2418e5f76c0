import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { PsaTicket } from "@/lib/psa/provider";
import { recordPsaWrite } from "@/lib/psa/psa-timeline";
import type { SpinOffTicketInput } from "@/lib/psa/ticket-schemas";
import { failureDetail } from "@/lib/psa/tickets/record-failure";
import { buildSpinOffDescription } from "@/lib/psa/tickets/spin-off-description";
import { psaTicketRef } from "@/lib/psa/tickets/ticket-ref";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";

const alreadyLinked = (ref: string) => `This session is already linked to ticket ${ref}; a session links to one ticket.`;

/**
 * G6: creates a PSA ticket from a session the viewer works on (summary defaulting to the session
 * title, the session's facts as the description) and links the session to it (ref "CW #<id>",
 * the ticket's company). The PSA call runs outside any transaction; the link is written after it,
 * only if the session is still unlinked. The result, or the failed attempt, is a step on the
 * session's timeline. Throws not_found / forbidden as `loadSessionForWrite`, conflict (409) when
 * the session is already linked or the account has no PSA connection, PsaError for a PSA failure.
 */
export async function spinOffPsaTicket(viewer: Viewer, sessionId: string, input: SpinOffTicketInput): Promise<{ ticket: PsaTicket; session_id: string }> {
  const session = await loadSessionForWrite(viewer, sessionId);
  if (session.psaTicketId) throw conflict(alreadyLinked(session.psaTicketRef ?? `#${session.psaTicketId}`));
  const provider = await requirePsaProvider(viewer.accountId);
  const facts = await db.sessionFact.findMany({
    where: { accountId: viewer.accountId, sessionId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { text: true },
  });

  let ticket: PsaTicket;
  try {
    ticket = await provider.createTicket({
      summary: input.summary ?? session.title.slice(0, 100),
      board_id: input.board_id,
      company_id: input.company_id,
      priority_id: input.priority_id,
      initial_description: buildSpinOffDescription(session.title, facts),
    });
  } catch (error) {
    await recordPsaWrite(viewer.accountId, viewer.userId, { sessionId }, { action: "ticket_created", ticket_id: "new", ok: false, detail: failureDetail("Creating the ticket", error) });
    throw error;
  }

  const ref = psaTicketRef(provider.kind, ticket.id);
  // Conditional on still being unlinked: a second spin-off racing this one must not relink.
  const linked = await db.aiSession.updateMany({
    where: { id: sessionId, accountId: viewer.accountId, psaTicketId: null },
    data: { psaTicketId: ticket.id, psaTicketRef: ref, companyName: ticket.company?.name ?? undefined },
  });
  if (linked.count === 0) {
    await recordPsaWrite(viewer.accountId, viewer.userId, { sessionId }, { action: "ticket_created", ticket_id: ticket.id, ok: false, detail: `Created ticket ${ref}, but this session was linked to another ticket meanwhile, so it was not linked.`, external_id: ticket.id });
    throw conflict(`Ticket ${ref} was created, but this session was linked to another ticket meanwhile.`);
  }
  await recordPsaWrite(viewer.accountId, viewer.userId, { sessionId }, {
    action: "ticket_created",
    ticket_id: ticket.id,
    ok: true,
    detail: `Created ticket ${ref} "${ticket.summary}"${ticket.company ? ` for ${ticket.company.name}` : ""} and linked this session to it.`,
    external_id: ticket.id,
  });
  return { ticket, session_id: sessionId };
}
