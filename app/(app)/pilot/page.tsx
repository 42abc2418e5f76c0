import type { Metadata } from "next";
import { MessagesSquare } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listMySessions } from "@/lib/sessions/read-session";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { NewSessionDialog } from "@/components/pilot/new-session-dialog";
import { SessionList } from "@/components/pilot/session-list";

export const metadata: Metadata = { title: "Pilot" };

export default async function PilotPage() {
  const viewer = await requireViewer("signedIn", "/pilot");
  const sessions = await listMySessions(viewer, { limit: 50 });
  const canStart = roleAllows("engineerOrAdmin", viewer.role);
  return (
    <div className="space-y-6">
      <PageHeader
        title="My sessions"
        description="Troubleshooting sessions you started or are handling, most recent first."
        actions={canStart ? <NewSessionDialog /> : undefined}
      />
      {sessions.length === 0 ? (
        <EmptyState icon={MessagesSquare} title="No sessions yet">
          {canStart
            ? "Start one with New session, or pick one up from an escalation."
            : "Sessions you start or pick up from an escalation will be listed here."}
        </EmptyState>
      ) : (
        <SessionList sessions={sessions} />
      )}
    </div>
  );
}
