import { KeyRound } from "lucide-react";
import { SettingsSection } from "@/components/settings/settings-section";
import { ChangePasswordForm } from "@/components/settings/security/change-password-form";

/** "Password": the change form, or for people who sign in with Microsoft only, why there is none. */
export function PasswordSection({ hasPassword, email }: { hasPassword: boolean; email: string }) {
  return (
    <SettingsSection
      id="security-password"
      title="Password"
      description={hasPassword ? "Changing it signs out every other browser; this one stays signed in." : "You sign in with Microsoft."}
    >
      {hasPassword ? (
        <ChangePasswordForm email={email} />
      ) : (
        <div className="flex items-start gap-3 py-4 text-sm text-slate-700">
          <KeyRound aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
          <p className="max-w-prose">
            FlowPilot keeps no password for your account: you sign in with your Microsoft work account, and its password is
            changed at Microsoft. To end the sign-ins listed above, revoke them or sign out everywhere.
          </p>
        </div>
      )}
    </SettingsSection>
  );
}
