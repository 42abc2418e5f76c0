import type { Metadata } from "next";
import { MessagesSquare } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { listMySessions } from "@/lib/sessions/read-session";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SessionList } from "@/components/pilot/session-list";

export const metadata: Metadata = { title: "Pilot" };

export default async function PilotPage() {
  const viewer = await requireViewer("signedIn", "/pilot");
  const sessions = await listMySessions(viewer, { limit: 50 });
  return (
    <div className="space-y-6">
      <PageHeader title="My sessions" description="Troubleshooting sessions you started or are handling, most recent first." />
      {sessions.length === 0 ? (
        <EmptyState icon={MessagesSquare} title="No sessions yet">
          Sessions you start or pick up from an escalation will be listed here.
        </EmptyState>
      ) : (
        <SessionList sessions={sessions} />
      )}
    </div>
  );
}
