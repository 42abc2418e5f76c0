"use client";

import { useActionState } from "react";
import { signInWithEntra, signInWithPassword, type SignInState } from "@/app/(auth)/login/actions";
import { EntraSignInButton } from "@/components/auth/entra-sign-in-button";
import { FormAlert, FormSubmitButton } from "@/components/auth/form-status";

type Props = { callbackUrl: string; entraEnabled: boolean; initialError?: string };

export function LoginForm({ callbackUrl, entraEnabled, initialError }: Props) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInWithPassword, {
    error: initialError,
  });
  return (
    <div className="mt-6 space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <label className="block text-sm font-medium">
          Email
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
          />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none"
          />
        </label>
        <FormAlert message={state.error} />
        <FormSubmitButton pending={pending} label="Sign in" pendingLabel="Signing in…" />
      </form>
      {entraEnabled && (
        <form action={signInWithEntra}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <EntraSignInButton />
        </form>
      )}
    </div>
  );
}
