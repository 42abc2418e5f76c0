import { invitationState } from "@/lib/members/invitation-state";
import type { InvitationView } from "@/lib/members/list-members";
import type { UserRole } from "@/lib/generated/prisma/enums";

type InvitationRow = {
  id: string; email: string; role: UserRole; expiresAt: Date; lastSentAt: Date; sendCount: number;
  acceptedAt: Date | null; revokedAt: Date | null; createdAt: Date;
};

/** An invitation as the members list and the REST answers show it (never its token or hash). */
export function invitationViewOf(row: InvitationRow, invitedBy: string, now: Date = new Date()): InvitationView {
  return {
    id: row.id, email: row.email, role: row.role, state: invitationState(row, now), invited_by: invitedBy,
    expires_at: row.expiresAt.toISOString(), last_sent_at: row.lastSentAt.toISOString(), send_count: row.sendCount,
    created_at: row.createdAt.toISOString(),
  };
}

export const invitationViewSelect = {
  id: true, email: true, role: true, expiresAt: true, lastSentAt: true, sendCount: true, acceptedAt: true, revokedAt: true, createdAt: true,
  invitedBy: { select: { name: true } },
} as const;
