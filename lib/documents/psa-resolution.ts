import { db } from "@/lib/db";

/** What happened on the PSA side of a post: the ticket note written, or why it wasn't. */
export type PsaPostResult = { posted: true; external_id: string } | { posted: false; reason: string };

/**
 * E4, PSA half, for a session linked to a ticket: posts the resolution note (customer-visible)
 * and moves the ticket to the configured status. Until the PSA integration lands this only
 * reports why nothing was posted; the PSA work replaces this function. Runs after the local
 * resolve has committed, never inside its transaction.
 */
export async function pushResolutionToPsa(input: { accountId: string; ticketId: string; markdown: string }): Promise<PsaPostResult> {
  const connection = await db.psaConnection.findUnique({ where: { accountId: input.accountId }, select: { isActive: true } });
  if (!connection) return { posted: false, reason: "No PSA connection is configured for this account." };
  if (!connection.isActive) return { posted: false, reason: "The account's PSA connection is switched off." };
  return { posted: false, reason: "Posting to the PSA is not available yet; the note was saved in FlowPilot only." };
}
