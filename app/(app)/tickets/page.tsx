import type { Metadata } from "next";
import { Ticket } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { PageHeader } from "@/components/ui/page-header";
import { ComingSoonPanel } from "@/components/shell/coming-soon-panel";

export const metadata: Metadata = { title: "Tickets" };

export default async function TicketsPage() {
  await requireViewer("signedIn", "/tickets");
  return (
    <div className="space-y-6">
      <PageHeader title="Tickets" description="Your PSA tickets, without leaving FlowPilot." />
      <ComingSoonPanel
        icon={Ticket}
        title="ConnectWise tickets"
        summary="Once your account's ConnectWise PSA connection is set up, this page will search and work its tickets."
        planned={[
          "Search by board, status, company, assignment (all, mine, unassigned) and free text.",
          "Open a ticket to change its status and assignees; every change is verified against the PSA.",
          "Create a ticket, or spin one off from a pilot session.",
          "Start a pilot session linked to a ticket.",
        ]}
      />
    </div>
  );
}
