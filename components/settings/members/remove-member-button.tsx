"use client";

import { UserMinus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeMemberAction } from "@/app/(app)/settings/members/actions";
import { useMemberAction } from "@/components/settings/members/use-member-action";

/** "Remove" with a confirmation that says what happens to the person and their work. */
export function RemoveMemberButton({ member }: { member: { id: string; name: string } }) {
  const { pending, run } = useMemberAction();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" disabled={pending} aria-label={`Remove ${member.name}`}>
          <UserMinus aria-hidden className="size-4" />
          Remove
        </Button>
      }
      title={`Remove ${member.name}?`}
      description={`${member.name} can't sign in any more and gets no notifications. Their sessions stay readable; escalations they picked up but haven't worked on go back to the queue.`}
      confirmLabel="Remove member"
      onConfirm={() => run(() => removeMemberAction({ id: member.id }), { success: `${member.name} was removed`, failure: `${member.name} was not removed` })}
    />
  );
}
