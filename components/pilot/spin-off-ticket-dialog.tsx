"use client";

import { useId, useState, type FormEvent } from "react";
import { TicketPlus } from "lucide-react";
import type { PsaCompany } from "@/lib/psa/provider";
import { formErrorsOf, type FormErrors } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import type { CompanyChoice } from "@/components/tickets/company-picker";
import { TicketBoardField, TicketCompanyField, TicketPriorityField, TicketSummaryField } from "@/components/tickets/ticket-form-fields";
import type { ListResult } from "@/components/tickets/ticket-view-types";
import { loadSpinOffOptionsAction, searchSpinOffCompaniesAction, spinOffTicketAction } from "@/app/(app)/pilot/[id]/ticket-actions";

export type SpunOffTicket = { id: string; ref: string; companyName: string | null };

type Options = NonNullable<Awaited<ReturnType<typeof loadSpinOffOptionsAction>>["data"]>;
type Errors = FormErrors<"summary" | "board_id" | "company_id" | "priority_id">;

type Props = { sessionId: string; title: string; companyName: string | null; onSpunOff: (ticket: SpunOffTicket) => void };

async function searchCompanies(text: string): Promise<ListResult<PsaCompany>> {
  const result = await searchSpinOffCompaniesAction({ q: text });
  return result?.data ?? { items: [], error: result?.serverError ?? "The company search failed. Try again." };
}

/**
 * G6: "Spin off ticket" for a session with no ticket: a ConnectWise ticket made from it (summary
 * from the session title, the facts as its description) that the session is then linked to.
 */
export function SpinOffTicketDialog({ sessionId, title, companyName, onSpunOff }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Options | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [summary, setSummary] = useState(title.slice(0, 100));
  const [boardId, setBoardId] = useState("");
  const [priorityId, setPriorityId] = useState("");
  const [company, setCompany] = useState<CompanyChoice | null>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  async function loadOptions() {
    setLoadError(null);
    const result = await loadSpinOffOptionsAction({ id: sessionId }).catch(() => undefined);
    if (!result?.data) return setLoadError(result?.serverError ?? "ConnectWise's boards and companies could not be read. Try again.");
    const loaded = result.data;
    setOptions(loaded);
    // Start from what the session already says: its company, the only board.
    const known = companyName?.trim().toLowerCase();
    const match = known ? loaded.companies.items.find((entry) => entry.name.toLowerCase() === known) : undefined;
    setCompany((current) => current ?? (match ? { id: match.id, name: match.name } : null));
    setBoardId((current) => current || (loaded.boards.items.length === 1 ? loaded.boards.items[0]!.id : ""));
  }

  function handleOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    setErrors({});
    if (next && !options) void loadOptions();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setErrors({});
    const result = await spinOffTicketAction({
      id: sessionId,
      summary: summary.trim() || undefined,
      board_id: boardId,
      company_id: company?.id ?? "",
      priority_id: priorityId || undefined,
    }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    setPending(false);
    if (result?.data) {
      setOpen(false);
      onSpunOff({ id: result.data.ticket.id, ref: result.data.ref, companyName: result.data.ticket.company_name });
      return;
    }
    setErrors(formErrorsOf(result));
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <TicketPlus aria-hidden className="size-4" />
          Spin off ticket
        </Button>
      </DialogTrigger>
      <DialogContent title="Spin off ticket" description="Creates a ConnectWise ticket from this session, with its facts as the description, and links the session to it.">
        {!options && !loadError && (
          <p role="status" className="mt-5 flex items-center gap-2 text-sm text-slate-600">
            <Spinner /> Loading boards and companies from ConnectWise…
          </p>
        )}
        {loadError && (
          <div className="mt-5 space-y-3">
            <ErrorCallout>{loadError}</ErrorCallout>
            <Button variant="secondary" size="sm" onClick={() => void loadOptions()}>
              Try again
            </Button>
          </div>
        )}
        {options && (
          <form onSubmit={handleSubmit} noValidate className="mt-5 space-y-4">
            <TicketSummaryField formId={id} value={summary} onChange={(event) => setSummary(event.target.value)} disabled={pending} error={errors.summary} />
            <TicketBoardField formId={id} boards={options.boards} value={boardId} onChange={(event) => setBoardId(event.target.value)} disabled={pending} error={errors.board_id} />
            <TicketCompanyField formId={id} value={company} onChange={setCompany} initial={options.companies} search={searchCompanies} disabled={pending} error={errors.company_id} />
            <TicketPriorityField formId={id} priorities={options.priorities} value={priorityId} onChange={(event) => setPriorityId(event.target.value)} disabled={pending} error={errors.priority_id} />
            <DialogFormFooter submitLabel="Create ticket" pending={pending} error={errors.form} className="pt-1" />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
