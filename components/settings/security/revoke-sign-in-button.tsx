"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeSignInAction } from "@/app/(app)/settings/security/actions";
import { useMemberAction } from "@/components/settings/members/use-member-action";

type Props = {
  signIn: { id: string; device: string; current: boolean };
  /** The ids of the row's device name and times: the button is "Revoke <device>", described by when. */
  deviceId: string;
  timesId: string;
};

/**
 * "Revoke" one sign-in, confirmed. Another browser is signed out on its next click; revoking this
 * browser's own signs it out here and now (the action's redirect to /login is followed).
 */
export function RevokeSignInButton({ signIn, deviceId, timesId }: Props) {
  const id = useId();
  const { pending, run } = useMemberAction();
  return (
    <ConfirmDialog
      trigger={
        <Button id={id} variant="secondary" size="sm" disabled={pending} aria-labelledby={`${id} ${deviceId}`} aria-describedby={timesId}>
          {pending ? "Revoking…" : "Revoke"}
        </Button>
      }
      title={signIn.current ? "Sign out this browser?" : `Revoke the sign-in on ${signIn.device}?`}
      description={
        signIn.current
          ? "This is the browser you are using: revoking its sign-in signs you out here now, and you go to the sign-in page."
          : "That browser is signed out on its next click; whoever uses it has to sign in again."
      }
      confirmLabel={signIn.current ? "Sign out this browser" : "Revoke sign-in"}
      onConfirm={() => run(() => revokeSignInAction({ id: signIn.id }), { success: `The sign-in on ${signIn.device} was revoked`, failure: "The sign-in was not revoked" })}
    />
  );
}
