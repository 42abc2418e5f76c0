import { z } from "zod";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

/** How many sessions the palette lists; it is for jumping, not browsing. */
export const PALETTE_SESSION_LIMIT = 8;

/** One session as the palette's search returns it (shared with the client, so no server imports here). */
export type PaletteSession = {
  id: string;
  title: string;
  status: SessionStatus;
  company_name: string | null;
  psa_ticket_ref: string | null;
  updated_at: string;
  /** Waiting for a senior: the palette opens the handoff screen rather than the working page. */
  in_transit: boolean;
};

export const searchPaletteSessionsInput = z.object({
  q: z
    .string({ error: "Type what to search for." })
    .trim()
    .min(1, "Type what to search for.")
    .max(200, "Keep the search under 200 characters."),
});
export type SearchPaletteSessionsInput = z.infer<typeof searchPaletteSessionsInput>;
