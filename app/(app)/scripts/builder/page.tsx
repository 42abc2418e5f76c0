import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ArrowLeft, Bot } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listBuilderSessions } from "@/lib/script-builder/builder-sessions";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { BuilderSessionList } from "@/components/script-builder/builder-session-list";
import { NewBuilderSessionForm } from "@/components/script-builder/new-builder-session-form";
import { openFromSearch } from "@/app/(app)/scripts/builder/open-from-search";

export const metadata: Metadata = { title: "Script builder" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * H4 standalone: my builder sessions and "New builder session" (cap of 5). Opened from a fix
 * (`?from_session=…&fix=…`, D2 build_template) it lands on a session pre-loaded from them.
 */
export default async function ScriptBuilderPage({ searchParams }: Props) {
  const query = await searchParams;
  const viewer = await requireViewer("signedIn", "/scripts/builder");
  const back = (
    <Link href="/scripts" className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900">
      <ArrowLeft aria-hidden className="size-4" /> Scripts
    </Link>
  );
  if (!roleAllows("engineerOrAdmin", viewer.role)) {
    return (
      <div className="space-y-6">
        {back}
        <PageHeader title="Script builder" />
        <EmptyState icon={Bot} title="Viewers don't build scripts">
          Your role can read the team&apos;s script library. Ask an admin for the engineer role to write scripts with the AI builder.
        </EmptyState>
      </div>
    );
  }
  const opened = await openFromSearch(viewer, query);
  if (opened?.id) redirect(`/scripts/builder/${opened.id}`);
  const { items, cap } = await listBuilderSessions(viewer);
  return (
    <div className="space-y-6">
      {back}
      <PageHeader title="Script builder" description="Write a PowerShell, Bash or Python script with the AI, one conversation per script." />
      {opened?.error && <ErrorCallout>{opened.error}</ErrorCallout>}
      <NewBuilderSessionForm used={cap.used} max={cap.max} />
      {items.length === 0 ? (
        <EmptyState icon={Bot} title="No builder sessions yet">
          Start one with New builder session, or choose &ldquo;Build a template&rdquo; on a suggested fix.
        </EmptyState>
      ) : (
        <BuilderSessionList sessions={items} />
      )}
      <Toaster />
    </div>
  );
}
