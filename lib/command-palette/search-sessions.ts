import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PALETTE_SESSION_LIMIT, type PaletteSession, type SearchPaletteSessionsInput } from "@/lib/command-palette/schemas";
import { readableSessionsWhere } from "@/lib/sessions/session-access";
import { isInTransit } from "@/lib/sessions/statuses";

/** `text` as a literal inside a LIKE pattern: Prisma's `contains` passes `%`, `_` and `\` through as wildcards. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function matchesText(q: string): Prisma.AiSessionWhereInput {
  const contains = (value: string) => ({ contains: escapeLikePattern(value), mode: "insensitive" as const });
  const ticketNumber = q.replace(/^#/, "");
  return {
    OR: [
      { title: contains(q) },
      { companyName: contains(q) },
      { psaTicketRef: contains(q) },
      // "#48233" finds a session linked to ticket 48233 even when no display ref was stored.
      ...(ticketNumber ? [{ psaTicketId: contains(ticketNumber) }] : []),
    ],
  };
}

/**
 * The sessions `viewer` may read (`readableSessionsWhere`) whose title, company or ticket contains
 * `q` (case-insensitive, taken literally), most recently touched first, at most eight.
 */
export async function searchPaletteSessions(viewer: Viewer, input: SearchPaletteSessionsInput): Promise<{ sessions: PaletteSession[] }> {
  const rows = await db.aiSession.findMany({
    where: { AND: [readableSessionsWhere(viewer), matchesText(input.q)] },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: PALETTE_SESSION_LIMIT,
    select: { id: true, title: true, status: true, companyName: true, psaTicketId: true, psaTicketRef: true, updatedAt: true },
  });
  return {
    sessions: rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      company_name: row.companyName,
      psa_ticket_ref: row.psaTicketRef ?? (row.psaTicketId ? `#${row.psaTicketId}` : null),
      updated_at: row.updatedAt.toISOString(),
      in_transit: isInTransit(row.status),
    })),
  };
}
