import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listEscalationQueue } from "@/lib/handoffs/queue";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { StreamStatus } from "@/components/realtime/stream-status";
import { EscalationQueue } from "@/components/escalations/escalation-queue";

export const metadata: Metadata = { title: "Escalations" };

/** F5: sessions waiting for a senior, live; engineers and admins pick them up from here. */
export default async function EscalationsPage() {
  const viewer = await requireViewer("signedIn", "/escalations");
  const items = await listEscalationQueue(viewer);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Escalations"
        description="Sessions your team has handed off and that are waiting for a senior."
        actions={<StreamStatus />}
      />
      <EscalationQueue items={items} viewer={{ id: viewer.userId, canPickUp: roleAllows("engineerOrAdmin", viewer.role) }} />
      <Toaster />
    </div>
  );
}
