/** Where an invitation stands, as the members list shows it. */
export type InvitationState = "invited" | "expired" | "revoked" | "accepted";

type InvitationDates = { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date };

export function invitationState(invitation: InvitationDates, now: Date = new Date()): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "invited";
}

/** Open: neither accepted nor revoked (it may have expired; a resend revives it). */
export const openInvitationWhere = { acceptedAt: null, revokedAt: null } as const;
