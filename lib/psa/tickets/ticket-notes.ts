import type { Viewer } from "@/lib/auth/viewer";
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { PsaNote, PsaNoteKind } from "@/lib/psa/provider";
import { recordPsaWrite } from "@/lib/psa/psa-timeline";
import { failureDetail } from "@/lib/psa/tickets/record-failure";

const kindLabel: Record<PsaNoteKind, string> = {
  internal_analysis: "an internal-analysis note",
  customer_detail: "a customer-visible note",
  resolution: "a resolution note (customer-visible)",
};

/**
 * G7: the notes of a ticket of the viewer's account's PSA, as the provider orders them. Throws
 * conflict (409) when not connected and PsaError for a PSA failure (not_found for no such ticket).
 */
export async function listPsaTicketNotes(viewer: Viewer, ticketId: string): Promise<{ items: PsaNote[]; next_page: null }> {
  const provider = await requirePsaProvider(viewer.accountId);
  return { items: await provider.listNotes(ticketId), next_page: null };
}

/**
 * G7: adds a note of `kind` (internal analysis: members only; customer detail; resolution:
 * customer-visible) to a ticket, and records the attempt on the linked sessions' timelines.
 * Resolves with the note the PSA created. Throws conflict (409) when not connected and PsaError
 * for a PSA failure.
 */
export async function addPsaTicketNote(viewer: Viewer, ticketId: string, note: { kind: PsaNoteKind; text: string }): Promise<PsaNote> {
  const provider = await requirePsaProvider(viewer.accountId);
  try {
    const created = await provider.addNote(ticketId, note);
    await recordPsaWrite(viewer.accountId, viewer.userId, { ticketId }, { action: "note", ticket_id: ticketId, ok: true, detail: `Added ${kindLabel[note.kind]}.`, external_id: created.id });
    return created;
  } catch (error) {
    await recordPsaWrite(viewer.accountId, viewer.userId, { ticketId }, { action: "note", ticket_id: ticketId, ok: false, detail: failureDetail(`Adding ${kindLabel[note.kind]}`, error) });
    throw error;
  }
}
