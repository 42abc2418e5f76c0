"use client";

import { useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import type { PsaCompany, PsaTicket } from "@/lib/psa/provider";
import { ErrorCallout } from "@/components/ui/error-callout";
import { PageHeader } from "@/components/ui/page-header";
import { showToast } from "@/components/ui/toast";
import { NewTicketDialog } from "@/components/tickets/new-ticket-dialog";
import { PsaHints } from "@/components/tickets/psa-hints";
import { TicketFilterBar } from "@/components/tickets/ticket-filter-bar";
import { hasSearchFilters, readTicketFilters, ticketsHref, type TicketFilters } from "@/components/tickets/ticket-filters";
import { TicketPanel } from "@/components/tickets/ticket-panel";
import { TicketResultsTable } from "@/components/tickets/ticket-results-table";
import { TicketSheet } from "@/components/tickets/ticket-sheet";
import type { ListResult, TicketPageLists, TicketPanelLoad, TicketResults } from "@/components/tickets/ticket-view-types";
import { searchCompaniesAction } from "@/app/(app)/tickets/actions";

type Props = {
  /** The filters the server searched with (invalid URL values dropped). */
  filters: TicketFilters;
  lists: TicketPageLists;
  results: TicketResults;
  initialPanel: TicketPanelLoad | null;
  /** Why parts of the URL were ignored. */
  ignored: string[];
  canWrite: boolean;
};

async function searchCompanies(text: string): Promise<ListResult<PsaCompany>> {
  const result = await searchCompaniesAction({ q: text });
  return result?.data ?? { items: [], error: result?.serverError ?? "The company search failed. Try again." };
}

/** Boards to filter by: the PSA's active ones, or, when it would not list them (G5), those seen on the results. */
function boardChoices(lists: TicketPageLists, results: TicketResults, selected?: string) {
  const listed = lists.boards.items.filter((board) => !board.inactive || board.id === selected);
  if (listed.length > 0) return listed.map(({ id, name }) => ({ id, name }));
  const seen = new Map<string, string>();
  for (const ticket of results.items) if (ticket.board) seen.set(ticket.board.id, ticket.board.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/**
 * K2 Tickets: filters in the URL (router.replace, so reload, Back and a shared link keep them),
 * results from the server, and the open ticket as `?ticket=` in a side sheet. Opening a ticket
 * only changes the URL (history.pushState: no new search); Back closes it again.
 */
export function TicketsWorkspace({ filters, lists, results, initialPanel, ignored, canWrite }: Props) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const openId = searchParams.get("ticket");
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(filters);
  const [companyNames, setCompanyNames] = useState<Record<string, string>>({});
  // Tickets changed from the panel (status, owner), shown in their rows until the next search.
  const [changed, setChanged] = useState<Record<string, PsaTicket>>({});
  const [resultsSeen, setResultsSeen] = useState(results);
  const [initial, setInitial] = useState(initialPanel);
  const [initialSeen, setInitialSeen] = useState(initialPanel);
  const lastOpen = useRef<string | null>(null);

  if (results !== resultsSeen) {
    setResultsSeen(results);
    setChanged({});
  }
  if (initialPanel !== initialSeen) {
    setInitialSeen(initialPanel);
    setInitial(initialPanel);
  }
  useEffect(() => {
    if (openId) lastOpen.current = openId;
  }, [openId]);

  function navigate(changes: TicketFilters) {
    const next: TicketFilters = { ...shown, page: undefined, ...changes, ticket: undefined };
    startTransition(() => {
      setShown(next);
      router.replace(ticketsHref(next), { scroll: false });
    });
  }

  function openTicket(ticketId: string) {
    window.history.pushState({ ticketPanel: true }, "", ticketsHref({ ...readTicketFilters(searchParams), ticket: ticketId }));
  }

  function closeTicket() {
    setInitial(null);
    // Opened here: going back closes it and leaves no extra history entry.
    if ((window.history.state as { ticketPanel?: boolean } | null)?.ticketPanel) return window.history.back();
    window.history.replaceState(null, "", ticketsHref({ ...readTicketFilters(searchParams), ticket: undefined }));
  }

  function handleCreated(ticket: PsaTicket) {
    showToast({ tone: "success", title: `Ticket #${ticket.id} created`, description: ticket.summary });
    openTicket(ticket.id);
  }

  const boards = boardChoices(lists, results, shown.board_id);
  const companyId = shown.company_id;
  const companyName = companyId
    ? (companyNames[companyId] ?? lists.companies.items.find((entry) => entry.id === companyId)?.name ?? results.items.find((ticket) => ticket.company?.id === companyId)?.company?.name)
    : undefined;
  const items = results.items.map((ticket) => changed[ticket.id] ?? ticket);
  const boardsHint = lists.boards.warning && boards.length > 0 ? `${lists.boards.warning} The boards offered are the ones seen on these tickets.` : lists.boards.warning;

  return (
    <div className="space-y-5">
      <PageHeader
        title="Tickets"
        description={canWrite ? "Your ConnectWise tickets: search, update and start a pilot session from one." : "Your ConnectWise tickets, read-only for your role."}
        actions={
          canWrite ? <NewTicketDialog lists={lists} boards={boards} boardsHint={boardsHint} searchCompanies={searchCompanies} onCreated={handleCreated} /> : undefined
        }
      />
      <TicketFilterBar
        filters={shown}
        lists={lists}
        boards={boards}
        company={companyId ? { id: companyId, name: companyName ?? `Company #${companyId}` } : null}
        searchCompanies={searchCompanies}
        onChange={navigate}
        onCompanyChange={(choice) => {
          if (choice) setCompanyNames((names) => ({ ...names, [choice.id]: choice.name }));
          navigate({ company_id: choice?.id });
        }}
        onClear={() => navigate({ board_id: undefined, status_name: undefined, company_id: undefined, assigned: undefined, q: undefined })}
      />
      <PsaHints
        hints={[
          boardsHint,
          lists.boards.error,
          // Status names come from the boards: the same warning once is enough.
          lists.statuses.warning === lists.boards.warning ? undefined : lists.statuses.warning,
          lists.statuses.error,
          lists.members.warning,
          lists.members.error,
          lists.companies.warning,
          lists.companies.error,
          results.warning,
          ...ignored,
        ]}
      />
      {results.error ? (
        <ErrorCallout>
          <p className="font-medium">ConnectWise could not be searched.</p>
          <p>{results.error}</p>
        </ErrorCallout>
      ) : (
        <TicketResultsTable
          items={items}
          page={shown.page ?? 1}
          nextPage={results.next_page}
          pending={pending}
          openTicketId={openId}
          filtered={hasSearchFilters(shown)}
          hrefFor={(ticketId) => ticketsHref({ ...shown, ticket: ticketId })}
          onOpen={openTicket}
          onPage={(page) => navigate({ page })}
        />
      )}
      <TicketSheet
        open={Boolean(openId)}
        onClose={closeTicket}
        onCloseFocus={() => document.querySelector<HTMLElement>(`[data-ticket-link="${CSS.escape(lastOpen.current ?? "")}"]`) ?? document.getElementById("main")}
      >
        {openId && (
          <TicketPanel
            key={openId}
            ticketId={openId}
            initial={initial}
            members={lists.members}
            canWrite={canWrite}
            onTicketChange={(ticket) => setChanged((current) => ({ ...current, [ticket.id]: ticket }))}
          />
        )}
      </TicketSheet>
    </div>
  );
}
