import { MailPlus } from "lucide-react";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { InvitationView } from "@/lib/members/list-members";
import { canManageRole } from "@/lib/members/role-rules";
import { RelativeTime } from "@/components/ui/relative-time";
import { SettingsSection } from "@/components/settings/settings-section";
import { InvitationActions } from "@/components/settings/members/invitation-actions";
import { MemberStateBadge } from "@/components/settings/members/member-state-badge";
import { roleLabel } from "@/components/settings/members/role-labels";

type Props = { invitations: InvitationView[]; viewerRole: UserRole; devMailbox: boolean };

/** Invitations not yet accepted: who, as what, until when; open ones can be resent or revoked. */
export function InvitationsSection({ invitations, viewerRole, devMailbox }: Props) {
  const hint = devMailbox ? " Without RESEND_API_KEY the emails wait in the dev mailbox (/dev/mailbox)." : "";
  return (
    <SettingsSection id="settings-invitations" title="Invitations" description={`Links work once and expire 7 days after they were sent. Resending sends a new link; the old one stops working.${hint}`}>
      {invitations.length === 0 ? (
        <p className="flex items-center gap-2 py-4 text-sm text-slate-600">
          <MailPlus aria-hidden className="size-4 text-slate-400" />
          No open invitations. Use Invite to add someone to the team.
        </p>
      ) : (
        <ul aria-label="Invitations">
          {invitations.map((invitation) => {
            const open = invitation.state === "invited" || invitation.state === "expired";
            return (
              <li key={invitation.id} data-testid="invitation-row" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 py-3 first:border-t-0">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-all text-slate-900">{invitation.email}</span>
                    <MemberStateBadge state={invitation.state} />
                  </div>
                  <div className="mt-0.5 text-xs text-slate-500">
                    {roleLabel[invitation.role]} · invited by {invitation.invited_by} · sent <RelativeTime date={invitation.last_sent_at} />
                    {invitation.state === "invited" && <> · expires <RelativeTime date={invitation.expires_at} /></>}
                  </div>
                </div>
                {open && canManageRole(viewerRole, invitation.role) && <InvitationActions invitation={invitation} />}
              </li>
            );
          })}
        </ul>
      )}
    </SettingsSection>
  );
}
