import type { PsaProviderKind } from "@/lib/psa/provider";

const prefix: Record<PsaProviderKind, string> = { connectwise: "CW" };

/** How a linked ticket is named on a session: "CW #48233". */
export function psaTicketRef(kind: PsaProviderKind, ticketId: string): string {
  return `${prefix[kind]} #${ticketId}`;
}

/** The PSA's name for people, for messages ("… was not found in ConnectWise"). */
export const psaDisplayName: Record<PsaProviderKind, string> = { connectwise: "ConnectWise" };
