"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Plus } from "lucide-react";
import type { PsaCompany, PsaStatus, PsaTicket } from "@/lib/psa/provider";
import { formErrorsOf, type FormErrors } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { DialogFormFooter } from "@/components/ui/dialog-form-footer";
import { FieldError } from "@/components/ui/field-error";
import { TextArea } from "@/components/ui/text-input";
import type { CompanyChoice } from "@/components/tickets/company-picker";
import {
  fieldErrorProps,
  ticketLabelClass,
  TicketBoardField,
  TicketCompanyField,
  TicketPriorityField,
  TicketSelectField,
  TicketSummaryField,
  type TicketField,
} from "@/components/tickets/ticket-form-fields";
import type { ListResult, TicketPageLists } from "@/components/tickets/ticket-view-types";
import { createTicketAction, listBoardStatusesAction } from "@/app/(app)/tickets/actions";

type Errors = FormErrors<TicketField>;

type Props = {
  lists: Pick<TicketPageLists, "companies" | "priorities">;
  boards: { id: string; name: string }[];
  boardsHint?: string;
  searchCompanies: (text: string) => Promise<ListResult<PsaCompany>>;
  onCreated: (ticket: PsaTicket) => void;
};

/** G6: a new ticket in ConnectWise. The server validates; its messages show beside the fields. */
export function NewTicketDialog({ lists, boards, boardsHint, searchCompanies, onCreated }: Props) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [boardId, setBoardId] = useState("");
  const [company, setCompany] = useState<CompanyChoice | null>(null);
  const [statuses, setStatuses] = useState<ListResult<PsaStatus> | null>(null);
  const latestBoard = useRef("");

  async function chooseBoard(next: string) {
    setBoardId(next);
    setStatuses(null);
    latestBoard.current = next;
    if (!next) return;
    const result = await listBoardStatusesAction({ id: next }).catch(() => undefined);
    if (latestBoard.current !== next) return;
    setStatuses(result?.data ?? { items: [], error: result?.serverError ?? "The board's statuses could not be read." });
  }

  function handleOpenChange(next: boolean) {
    if (pending) return;
    setOpen(next);
    if (!next) reset();
  }

  function reset() {
    setErrors({});
    setBoardId("");
    setCompany(null);
    setStatuses(null);
    latestBoard.current = "";
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    setPending(true);
    setErrors({});
    const result = await createTicketAction({
      summary: text("summary") ?? "",
      board_id: boardId,
      company_id: company?.id ?? "",
      status_id: text("status_id"),
      priority_id: text("priority_id"),
      initial_description: text("initial_description"),
    }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    setPending(false);
    if (result?.data) {
      setOpen(false);
      reset();
      onCreated(result.data);
      return;
    }
    const next: Errors = formErrorsOf(result);
    setErrors(next);
    const first = (["summary", "board_id", "company_id", "status_id", "priority_id", "initial_description"] as TicketField[]).find((field) => next[field]);
    const target = first ? formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`) : null;
    // The company field is a picker: focus its button.
    (target?.querySelector<HTMLElement>("button") ?? target)?.focus();
  }

  const statusOptions = (statuses?.items ?? []).filter((status) => !status.inactive).sort((a, b) => a.sort_order - b.sort_order);

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden className="size-4" />
          New ticket
        </Button>
      </DialogTrigger>
      <DialogContent title="New ticket" description="Creates the ticket in ConnectWise.">
        <form ref={formRef} onSubmit={handleSubmit} noValidate className="mt-5 space-y-4">
          <TicketSummaryField formId={id} name="summary" disabled={pending} error={errors.summary} markField />
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <TicketBoardField formId={id} boards={{ items: boards, warning: boardsHint }} value={boardId} onChange={(event) => void chooseBoard(event.target.value)} disabled={pending} error={errors.board_id} markField />
            <TicketCompanyField formId={id} value={company} onChange={setCompany} initial={lists.companies} search={searchCompanies} disabled={pending} error={errors.company_id} markField />
            <TicketSelectField
              formId={id}
              field="status_id"
              label="Status"
              placeholder={boardId ? (statuses ? "Board default" : "Loading statuses…") : "Choose a board first"}
              items={statusOptions}
              hints={[statuses?.warning, statuses?.error]}
              name="status_id"
              disabled={pending || !boardId || !statuses}
              error={errors.status_id}
              markField
            />
            <TicketPriorityField formId={id} priorities={lists.priorities} name="priority_id" disabled={pending} error={errors.priority_id} markField />
          </div>
          <div>
            <label htmlFor={`${id}-initial_description`} className={ticketLabelClass}>Description</label>
            <TextArea id={`${id}-initial_description`} name="initial_description" data-field="initial_description" disabled={pending} className="mt-1.5" {...fieldErrorProps(id, "initial_description", errors.initial_description)} />
            <FieldError id={`${id}-initial_description-error`} message={errors.initial_description} />
          </div>
          <DialogFormFooter submitLabel="Create ticket" pending={pending} error={errors.form} className="pt-1" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
