import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { isEntraEnabled } from "@/lib/env";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const destination = safeCallbackPath(callbackUrl);
  const session = await auth();
  if (session?.user?.id) redirect(destination);
  const entraError = error && error !== "CredentialsSignin" ? "Microsoft sign-in did not match an active FlowPilot user." : undefined;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to FlowPilot</h1>
        <p className="mt-1 text-sm text-slate-500">Troubleshoot, resolve and hand off with your team.</p>
        <LoginForm callbackUrl={destination} entraEnabled={isEntraEnabled} initialError={entraError} />
      </div>
    </main>
  );
}
