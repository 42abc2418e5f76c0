"use client";

import { useFormStatus } from "react-dom";
import { focusRing } from "@/components/ui/focus-ring";

/** Submits the "Sign in with Microsoft" form; disabled while the redirect to Microsoft is on its way. */
export function EntraSignInButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className={`w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60 ${focusRing}`}
    >
      {pending ? "Opening Microsoft sign-in…" : "Sign in with Microsoft"}
    </button>
  );
}
