import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { entraRefusalMessage } from "@/lib/auth/entra-refusal";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { findViewer } from "@/lib/auth/require-viewer";
import { isEntraEnabled } from "@/lib/env";
import { LoginForm } from "@/components/auth/login-form";
import { AuthCard } from "@/components/auth/auth-card";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  // Only an active user goes straight on: a removed user's still-valid cookie would otherwise
  // bounce between here and the page that refuses them.
  const active = await findViewer().catch(() => null);
  if (active) redirect(destination);
  // A Microsoft sign-in comes back here with ?error= when it was refused or broke.
  const entraError = entraRefusalMessage(error);
  return (
    <AuthCard>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to FlowPilot</h1>
        <p className="mt-1 text-sm text-slate-500">Troubleshoot, resolve and hand off with your team.</p>
        <LoginForm callbackUrl={destination} entraEnabled={isEntraEnabled} initialError={entraError} />
    </AuthCard>
  );
}
