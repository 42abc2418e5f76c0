import type { Metadata } from "next";
import Link from "next/link";
import { MailX } from "lucide-react";
import { isEntraEnabled } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { findOpenInvitation, type OpenInvitation } from "@/lib/members/find-invitation-by-token";
import { AcceptInvitationForm } from "@/components/settings/members/accept-invitation-form";
import { roleLabel } from "@/components/settings/members/role-labels";
import { AuthCard } from "@/components/auth/auth-card";

export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** The public page an invitation link opens: the team and role, then name and password (A7). */
export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const found = await findOpenInvitation(token).then(
    (invitation): { invitation: OpenInvitation } | { closed: string } => ({ invitation }),
    (error: unknown) => {
      if (error instanceof AppError) return { closed: error.message };
      throw error;
    },
  );
  return (
    <AuthCard>
        {"closed" in found ? (
          <>
            <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight"><MailX aria-hidden className="size-6 text-slate-400" />Invitation unavailable</h1>
            <p role="alert" className="mt-3 text-sm text-slate-700">{found.closed}</p>
            <Link href="/login" className="mt-6 inline-block text-sm font-medium text-indigo-700 underline-offset-2 hover:underline">Go to sign in</Link>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold tracking-tight">Join {found.invitation.teamName}</h1>
            <p className="mt-1 text-sm text-slate-600">
              You were invited as <strong className="font-medium text-slate-900">{roleLabel[found.invitation.role].toLowerCase()}</strong> with{" "}
              <span className="break-all">{found.invitation.email}</span>. Choose your name and a password.
            </p>
            <AcceptInvitationForm token={token} email={found.invitation.email} entraEnabled={isEntraEnabled} />
          </>
        )}
    </AuthCard>
  );
}
