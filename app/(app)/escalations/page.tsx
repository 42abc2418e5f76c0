import type { Metadata } from "next";
import { LifeBuoy } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { db } from "@/lib/db";
import { IN_TRANSIT_STATUSES } from "@/lib/sessions/statuses";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ComingSoonPanel } from "@/components/shell/coming-soon-panel";
import { EscalationList } from "@/components/pilot/escalation-list";

export const metadata: Metadata = { title: "Escalations" };

export default async function EscalationsPage() {
  const viewer = await requireViewer("signedIn", "/escalations");
  // A read-only stand-in until the escalation queue service (F5) lands in lib/handoffs.
  const sessions = await db.aiSession.findMany({
    where: { accountId: viewer.accountId, status: { in: [...IN_TRANSIT_STATUSES] } },
    orderBy: { escalatedAt: "desc" },
    take: 50,
    select: { id: true, title: true, companyName: true, escalationReason: true, escalatedAt: true, status: true, user: { select: { name: true } } },
  });
  return (
    <div className="space-y-6">
      <PageHeader title="Escalations" description="Sessions your team has handed off and that are waiting for a senior." />
      {sessions.length === 0 ? (
        <EmptyState icon={LifeBuoy} title="No escalations waiting">
          When a teammate escalates a session it shows up here and in your notifications.
        </EmptyState>
      ) : (
        <EscalationList sessions={sessions} />
      )}
      <ComingSoonPanel
        icon={LifeBuoy}
        title="Live escalation queue"
        summary="This list is read-only for now. The full queue will let seniors take escalations as they arrive."
        planned={[
          "New escalations slide in live, with the tab title flashing while you work elsewhere.",
          "Claim an escalation; if two people click at once, one wins and the other sees who has it.",
          "Pick up to land on the handoff context and carry on the session.",
        ]}
      />
    </div>
  );
}
