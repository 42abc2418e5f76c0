"use client";

import { MonitorX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { signOutMemberEverywhereAction } from "@/app/(app)/settings/members/actions";
import { useMemberAction } from "@/components/settings/members/use-member-action";

/** "Ana was signed out of 2 browsers", or that there was nothing to end. */
function signedOutMessage(name: string, revoked: number | undefined): string {
  if (!revoked) return `${name} was not signed in anywhere`;
  return `${name} was signed out of ${revoked} browser${revoked === 1 ? "" : "s"}`;
}

/** "Sign out everywhere" on a member, confirmed: every browser they use must sign in again. */
export function SignOutMemberButton({ member }: { member: { id: string; name: string } }) {
  const { pending, run } = useMemberAction();
  return (
    <ConfirmDialog
      trigger={
        // "Sign out" beside Remove keeps the row's columns readable; the name says the rest.
        <Button variant="ghost" size="sm" disabled={pending} aria-label={`Sign out ${member.name} everywhere`}>
          <MonitorX aria-hidden className="size-4" />
          Sign out
        </Button>
      }
      title={`Sign ${member.name} out everywhere?`}
      description={`Every browser ${member.name} is signed in on is signed out on its next click. They stay on the team and sign in again with their password or Microsoft.`}
      confirmLabel="Sign out everywhere"
      onConfirm={() =>
        run(() => signOutMemberEverywhereAction({ id: member.id }), {
          success: (data) => signedOutMessage(member.name, data?.revoked),
          failure: `${member.name} was not signed out`,
        })
      }
    />
  );
}
