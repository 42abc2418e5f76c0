"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/members/schemas";
import { formErrorsOf, type FormErrors } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { InlineStatus, type SaveStatus } from "@/components/ui/inline-status";
import { PasswordField } from "@/components/settings/security/password-field";
import { useHydrated } from "@/components/settings/use-hydrated";
import { changePasswordAction } from "@/app/(app)/settings/security/actions";

type Field = "current_password" | "new_password" | "confirm";

/** What the person reads after a change: how many other browsers had to go. */
function changedMessage(ended: number): string {
  if (ended === 0) return "Password changed. No other browser was signed in.";
  return `Password changed. ${ended} other sign-in${ended === 1 ? " was" : "s were"} ended; this browser stays signed in.`;
}

/**
 * Current password, new password and its confirmation. The server checks the current one and the
 * rules and answers in its own words; on success the other sign-ins are gone from the list above.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const currentPassword = String(values.get("current_password") ?? "");
    const newPassword = String(values.get("new_password") ?? "");
    setErrors({});
    if (newPassword !== String(values.get("confirm") ?? "")) {
      setStatus({ kind: "idle" });
      setErrors({ confirm: "The two new passwords are not the same." });
      return;
    }
    setStatus({ kind: "saving" });
    const result = await changePasswordAction({ current_password: currentPassword, new_password: newPassword }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    if (result?.data) {
      form.reset();
      setStatus({ kind: "saved", message: changedMessage(result.data.other_sign_ins_ended) });
      router.refresh();
      return;
    }
    setStatus({ kind: "idle" });
    setErrors(formErrorsOf<Field>(result));
  }

  const saving = status.kind === "saving";
  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Change your password" className="space-y-4 py-4">
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <div className="grid max-w-md grid-cols-1 gap-4">
        <PasswordField id="current-password" name="current_password" label="Current password" autoComplete="current-password" required disabled={saving} error={errors.current_password} />
        <PasswordField id="new-password" name="new_password" label="New password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} disabled={saving}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={errors.new_password} />
        <PasswordField id="confirm-password" name="confirm" label="Confirm new password" autoComplete="new-password" required disabled={saving} error={errors.confirm} />
      </div>
      {errors.form && <ErrorCallout className="max-w-md">{errors.form}</ErrorCallout>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!hydrated || saving}>
          {saving ? "Changing…" : "Change password"}
        </Button>
        <InlineStatus status={status} />
      </div>
    </form>
  );
}
