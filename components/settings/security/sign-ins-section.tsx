import type { SignInView } from "@/lib/auth/sign-ins/sign-in-view";
import { SettingsSection } from "@/components/settings/settings-section";
import { SignInItem } from "@/components/settings/security/sign-in-item";
import { SignOutEverywhereButton } from "@/components/settings/security/sign-out-everywhere-button";

/** "Where you're signed in": every open sign-in of mine, each with Revoke, and Sign out everywhere. */
export function SignInsSection({ signIns }: { signIns: SignInView[] }) {
  const onlyThisBrowser = signIns.length === 1 && signIns[0]!.current;
  return (
    <SettingsSection id="security-sign-ins" title="Where you're signed in" description="Every browser signed in to your account, the most recently used first. A revoked browser is signed out on its next click.">
      {signIns.length === 0 ? (
        <p className="py-4 text-sm text-slate-600">No browser is signed in to your account.</p>
      ) : (
        <ul aria-label="Your sign-ins" className="divide-y divide-slate-100">
          {signIns.map((signIn) => <SignInItem key={signIn.id} signIn={signIn} />)}
        </ul>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3 py-4">
        <p className="min-w-0 flex-1 basis-64 text-sm text-slate-600">
          {onlyThisBrowser ? "Only this browser is signed in. " : ""}
          Lost a device, or signed in on a computer you don&apos;t trust? Sign out of every browser at once.
        </p>
        <SignOutEverywhereButton />
      </div>
    </SettingsSection>
  );
}
