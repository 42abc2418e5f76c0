"use client";

import { useId, useState, type FormEvent } from "react";
import { TicketPlus } from "lucide-react";
import type { PsaCompany } from "@/lib/psa/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { FieldError } from "@/components/ui/field-error";
import { Spinner } from "@/components/ui/spinner";
import { TextInput } from "@/components/ui/text-input";
import { CompanyPicker, type CompanyChoice } from "@/components/tickets/company-picker";
import { NativeSelect } from "@/components/tickets/native-select";
import { PsaHints } from "@/components/tickets/psa-hints";
import type { ListResult } from "@/components/tickets/ticket-view-types";
import { loadSpinOffOptionsAction, searchSpinOffCompaniesAction, spinOffTicketAction } from "@/app/(app)/pilot/[id]/ticket-actions";

export type SpunOffTicket = { id: string; ref: string; companyName: string | null };

type Options = NonNullable<Awaited<ReturnType<typeof loadSpinOffOptionsAction>>["data"]>;
type Field = "summary" | "board_id" | "company_id" | "priority_id";
type Errors = Partial<Record<Field, string>> & { form?: string };

type Props = { sessionId: string; title: string; companyName: string | null; onSpunOff: (ticket: SpunOffTicket) => void };

async function searchCompanies(text: string): Promise<ListResult<PsaCompany>> {
  const result = await searchSpinOffCompaniesAction({ q: text });
  return result?.data ?? { items: [], error: result?.serverError ?? "The company search failed. Try again." };
}

const labelClass = "text-sm font-medium text-slate-900";

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
    const fields = (result?.validationErrors?.fieldErrors ?? {}) as Partial<Record<Field, string[]>>;
    setErrors({
      summary: fields.summary?.[0],
      board_id: fields.board_id?.[0],
      company_id: fields.company_id?.[0],
      priority_id: fields.priority_id?.[0],
      form: result ? (result.serverError ?? result.validationErrors?.formErrors?.[0]) : "No response from the server. Check your connection and try again.",
    });
  }

  const invalid = (field: Field) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});

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
            <div>
              <label htmlFor={`${id}-summary`} className={labelClass}>Summary</label>
              <TextInput id={`${id}-summary`} value={summary} maxLength={100} onChange={(event) => setSummary(event.target.value)} disabled={pending} autoComplete="off" className="mt-1.5" {...invalid("summary")} />
              <FieldError id={`${id}-summary-error`} message={errors.summary} />
            </div>
            <div>
              <label htmlFor={`${id}-board`} className={labelClass}>Board</label>
              <NativeSelect
                id={`${id}-board`}
                value={boardId}
                onChange={(event) => setBoardId(event.target.value)}
                disabled={pending}
                options={[{ value: "", label: "Choose a board" }, ...options.boards.items.map((board) => ({ value: board.id, label: board.name }))]}
                wrapperClassName="mt-1.5"
                {...invalid("board_id")}
              />
              <PsaHints hints={[options.boards.warning, options.boards.error]} className="mt-2" />
              <FieldError id={`${id}-board_id-error`} message={errors.board_id} />
            </div>
            <div>
              <span id={`${id}-company`} className={labelClass}>Company</span>
              <div className="mt-1.5">
                <CompanyPicker labelId={`${id}-company`} value={company} onChange={setCompany} initial={options.companies} search={searchCompanies} disabled={pending} />
              </div>
              <FieldError id={`${id}-company_id-error`} message={errors.company_id} />
            </div>
            <div>
              <label htmlFor={`${id}-priority`} className={labelClass}>Priority</label>
              <NativeSelect
                id={`${id}-priority`}
                value={priorityId}
                onChange={(event) => setPriorityId(event.target.value)}
                disabled={pending}
                options={[{ value: "", label: "ConnectWise default" }, ...options.priorities.items.map((priority) => ({ value: priority.id, label: priority.name }))]}
                wrapperClassName="mt-1.5"
                {...invalid("priority_id")}
              />
              <PsaHints hints={[options.priorities.warning, options.priorities.error]} className="mt-2" />
              <FieldError id={`${id}-priority_id-error`} message={errors.priority_id} />
            </div>
            {errors.form && <ErrorCallout>{errors.form}</ErrorCallout>}
            <div className="flex justify-end gap-2 pt-1">
              <DialogClose asChild>
                <Button variant="secondary" disabled={pending}>Cancel</Button>
              </DialogClose>
              <Button type="submit" disabled={pending}>
                {pending && <Spinner className="text-white" />}
                Create ticket
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
