import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { getPsaConnectionStatus } from "@/lib/psa/connection-service";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { PsaNotConnected } from "@/components/tickets/psa-not-connected";
import { ticketsHref } from "@/components/tickets/ticket-filters";
import { TicketsWorkspace } from "@/components/tickets/tickets-workspace";
import type { TicketPanelLoad } from "@/components/tickets/ticket-view-types";
import type { Viewer } from "@/lib/auth/viewer";
import { loadTicketLists, loadTicketResults } from "@/app/(app)/tickets/load-ticket-page";
import { loadTicketPanel } from "@/app/(app)/tickets/load-ticket-panel";
import { parseTicketSearch } from "@/app/(app)/tickets/parse-ticket-search";
import { failureMessage } from "@/app/(app)/tickets/settle-list";

export const metadata: Metadata = { title: "Tickets" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadPanel(viewer: Viewer, ticketId: string): Promise<TicketPanelLoad> {
  try {
    return { ticketId, data: await loadTicketPanel(viewer, ticketId) };
  } catch (error) {
    return { ticketId, data: null, error: failureMessage(error) };
  }
}

/** K2 Tickets: the account's PSA tickets, searched with the URL's filters; `?ticket=` opens one. */
export default async function TicketsPage({ searchParams }: Props) {
  const parsed = parseTicketSearch(await searchParams);
  const viewer = await requireViewer("signedIn", ticketsHref(parsed.filters));
  const connection = await getPsaConnectionStatus(viewer);
  if (!connection?.is_active) {
    return (
      <div className="space-y-6">
        <PageHeader title="Tickets" description="Your PSA tickets, without leaving FlowPilot." />
        <PsaNotConnected canConnect={roleAllows("ownerOrAdmin", viewer.role)} switchedOff={Boolean(connection)} />
      </div>
    );
  }
  const canWrite = roleAllows("engineerOrAdmin", viewer.role);
  const [lists, results, panel] = await Promise.all([
    loadTicketLists(viewer, parsed.search, canWrite),
    loadTicketResults(viewer, parsed.search),
    parsed.ticketId ? loadPanel(viewer, parsed.ticketId) : null,
  ]);
  return (
    <>
      <TicketsWorkspace filters={parsed.filters} lists={lists} results={results} initialPanel={panel} ignored={parsed.ignored} canWrite={canWrite} />
      <Toaster />
    </>
  );
}
