"use client";

import { useActionState } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/members/schemas";
import { acceptInvitationAndSignIn, acceptInvitationWithMicrosoft, type AcceptState } from "@/app/(auth)/invite/[token]/actions";
import { FormAlert, FormSubmitButton } from "@/components/auth/form-status";

type Props = { token: string; email: string; entraEnabled: boolean };

const field =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

/** Name, password and its confirmation; on success the person is signed in and lands on /pilot. */
export function AcceptInvitationForm({ token, email, entraEnabled }: Props) {
  const [state, formAction, pending] = useActionState<AcceptState, FormData>(acceptInvitationAndSignIn.bind(null, token), {});
  return (
    <div className="mt-6 space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <label className="block text-sm font-medium">
          Your name
          <input name="name" autoComplete="name" required maxLength={100} defaultValue={state.name} className={field} />
        </label>
        <div>
          <label htmlFor="invite-password" className="block text-sm font-medium">
            Password
          </label>
          <input
            id="invite-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            aria-describedby="invite-password-help"
            className={field}
          />
          {/* Outside the label, so the field's name stays "Password" and the rule is its description. */}
          <p id="invite-password-help" className="mt-1 text-xs text-slate-500">
            At least {MIN_PASSWORD_LENGTH} characters.
          </p>
        </div>
        <label className="block text-sm font-medium">
          Confirm password
          <input name="confirm" type="password" autoComplete="new-password" required className={field} />
        </label>
        <FormAlert message={state.error} />
        <FormSubmitButton pending={pending} label="Join the team" pendingLabel="Joining…" />
      </form>
      {entraEnabled && (
        <form action={acceptInvitationWithMicrosoft}>
          <button type="submit" className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
            Sign in with Microsoft
          </button>
        </form>
      )}
    </div>
  );
}
