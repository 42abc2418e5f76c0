"use client";

import { RotateCw, X } from "lucide-react";
import type { InvitationView } from "@/lib/members/list-members";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { resendInvitationAction, revokeInvitationAction } from "@/app/(app)/settings/members/actions";
import { useMemberAction } from "@/components/settings/members/use-member-action";

/** Resend (a new link, 7 more days) and Revoke (confirmed) for one open invitation. */
export function InvitationActions({ invitation }: { invitation: InvitationView }) {
  const { pending, run } = useMemberAction();
  return (
    <div className="flex gap-1">
      <Button variant="secondary" size="sm" disabled={pending} aria-label={`Resend the invitation to ${invitation.email}`}
        onClick={() => run(() => resendInvitationAction({ id: invitation.id }), { success: `A new link went to ${invitation.email}`, failure: "The invitation was not resent" })}>
        <RotateCw aria-hidden className="size-4" />
        Resend
      </Button>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" disabled={pending} aria-label={`Revoke the invitation to ${invitation.email}`}>
            <X aria-hidden className="size-4" />
            Revoke
          </Button>
        }
        title={`Revoke the invitation to ${invitation.email}?`}
        description="The link in their email stops working. You can invite them again later."
        confirmLabel="Revoke invitation"
        onConfirm={() => run(() => revokeInvitationAction({ id: invitation.id }), { success: "Invitation revoked", failure: "The invitation was not revoked" })}
      />
    </div>
  );
}
