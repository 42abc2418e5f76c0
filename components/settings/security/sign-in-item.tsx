import { Monitor } from "lucide-react";
import type { SignInView } from "@/lib/auth/sign-ins/sign-in-view";
import { Badge } from "@/components/ui/badge";
import { RevokeSignInButton } from "@/components/settings/security/revoke-sign-in-button";
import { SignInTimes } from "@/components/settings/security/sign-in-times";

/** One browser signed in to my account: what it is, when it signed in and was last used, and Revoke. */
export function SignInItem({ signIn }: { signIn: SignInView }) {
  const deviceId = `sign-in-${signIn.id}-device`;
  const timesId = `sign-in-${signIn.id}-times`;
  return (
    <li data-testid="sign-in-row" className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
      <Monitor aria-hidden className="hidden size-5 shrink-0 text-slate-400 sm:block" />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2">
          <span id={deviceId} className="font-medium text-slate-900">{signIn.device}</span>
          {signIn.current && <Badge tone="indigo">This browser</Badge>}
        </p>
        <SignInTimes id={timesId} createdAt={signIn.created_at} lastSeenAt={signIn.last_seen_at} />
      </div>
      <RevokeSignInButton signIn={signIn} deviceId={deviceId} timesId={timesId} />
    </li>
  );
}
