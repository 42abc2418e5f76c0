import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getBuilderSession } from "@/lib/script-builder/builder-sessions";
import { builderLanguageOf, builderSessionParams } from "@/lib/script-builder/schemas";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { BuilderWorkspace } from "@/components/script-builder/builder-workspace";
import { LANGUAGE_LABELS } from "@/components/script-builder/builder-types";

export const metadata: Metadata = { title: "Script builder" };

type Props = { params: Promise<{ id: string }> };

/** H4: one builder session — the chat on the left, the current script on the right. Only its owner sees it. */
export default async function BuilderSessionPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireViewer("signedIn", `/scripts/builder/${encodeURIComponent(id)}`);
  // Builder sessions are engineers' own; a viewer has none, so any id is nothing to them.
  if (!roleAllows("engineerOrAdmin", viewer.role) || !builderSessionParams.safeParse({ id }).success) notFound();
  const session = await getBuilderSession(viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const language = builderLanguageOf(session.language);
  return (
    <div className="space-y-4">
      <Link href="/scripts/builder" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" /> My builder sessions
      </Link>
      <PageHeader
        title={session.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone="indigo">{LANGUAGE_LABELS[language]}</Badge>
            {session.ai_session_id && (
              <Link href={`/pilot/${session.ai_session_id}`} className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-600">
                Open the pilot session
              </Link>
            )}
          </span>
        }
      />
      <BuilderWorkspace session={{ ...session, language }} />
    </div>
  );
}
