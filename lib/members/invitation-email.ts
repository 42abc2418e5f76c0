import type { Tx } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { EmailPayload } from "@/lib/notifications/email";
import { buildInvitationEmail } from "@/lib/notifications/email";
import { invitationLink, invitationPath } from "@/lib/members/invitation-token";

type InvitationMail = {
  accountId: string;
  invitationId: string;
  sendCount: number;
  email: string;
  role: UserRole;
  teamName: string;
  inviterName: string;
  token: string;
  expiresAt: Date;
};

/**
 * Writes the invitation email into the outbox inside the invite/resend transaction: a pending
 * `email` delivery to `recipientEmail` (no user yet), keyed `invitation/<id>/<sendCount>` so a
 * resend is a new mail and a retry of one send never sends twice. The caller dispatches the
 * returned id after commit. The token lives only in this mail.
 */
export async function enqueueInvitationEmail(tx: Tx, mail: InvitationMail): Promise<string> {
  const content = buildInvitationEmail({
    email: mail.email, teamName: mail.teamName, inviterName: mail.inviterName, role: mail.role,
    link: invitationLink(mail.token), path: invitationPath(mail.token), expiresAt: mail.expiresAt,
  });
  const payload: EmailPayload = { to: mail.email, to_name: mail.email, ...content };
  const row = await tx.notificationDelivery.create({
    data: {
      accountId: mail.accountId, invitationId: mail.invitationId, recipientEmail: mail.email, channel: "email",
      idempotencyKey: `invitation/${mail.invitationId}/${mail.sendCount}`, payload,
    },
    select: { id: true },
  });
  return row.id;
}
