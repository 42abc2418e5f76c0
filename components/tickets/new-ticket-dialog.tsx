"use client";

import { useId, useRef, useState, type FormEvent } from "react";
import { Plus } from "lucide-react";
import type { PsaCompany, PsaStatus, PsaTicket } from "@/lib/psa/provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { FieldError } from "@/components/ui/field-error";
import { Spinner } from "@/components/ui/spinner";
import { TextArea, TextInput } from "@/components/ui/text-input";
import { CompanyPicker, type CompanyChoice } from "@/components/tickets/company-picker";
import { NativeSelect } from "@/components/tickets/native-select";
import { PsaHints } from "@/components/tickets/psa-hints";
import type { ListResult, TicketPageLists } from "@/components/tickets/ticket-view-types";
import { createTicketAction, listBoardStatusesAction } from "@/app/(app)/tickets/actions";

type Field = "summary" | "board_id" | "company_id" | "status_id" | "priority_id" | "initial_description";
type Errors = Partial<Record<Field, string>> & { form?: string };

type Props = {
  lists: Pick<TicketPageLists, "companies" | "priorities">;
  boards: { id: string; name: string }[];
  boardsHint?: string;
  searchCompanies: (text: string) => Promise<ListResult<PsaCompany>>;
  onCreated: (ticket: PsaTicket) => void;
};

const labelClass = "text-sm font-medium text-slate-900";

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
    const fields = (result?.validationErrors?.fieldErrors ?? {}) as Partial<Record<Field, string[]>>;
    const next: Errors = { form: result ? (result.serverError ?? result.validationErrors?.formErrors?.[0]) : "No response from the server. Check your connection and try again." };
    for (const field of Object.keys(fields) as Field[]) next[field] = fields[field]?.[0];
    setErrors(next);
    const first = (["summary", "board_id", "company_id", "status_id", "priority_id", "initial_description"] as Field[]).find((field) => next[field]);
    const target = first ? formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`) : null;
    // The company field is a picker: focus its button.
    (target?.querySelector<HTMLElement>("button") ?? target)?.focus();
  }

  const describe = (field: Field) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});
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
          <div>
            <label htmlFor={`${id}-summary`} className={labelClass}>Summary</label>
            <TextInput id={`${id}-summary`} name="summary" data-field="summary" maxLength={100} autoComplete="off" disabled={pending} className="mt-1.5" {...describe("summary")} />
            <FieldError id={`${id}-summary-error`} message={errors.summary} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <label htmlFor={`${id}-board`} className={labelClass}>Board</label>
              <NativeSelect
                id={`${id}-board`}
                data-field="board_id"
                value={boardId}
                disabled={pending}
                onChange={(event) => void chooseBoard(event.target.value)}
                options={[{ value: "", label: "Choose a board" }, ...boards.map((board) => ({ value: board.id, label: board.name }))]}
                wrapperClassName="mt-1.5"
                {...describe("board_id")}
              />
              <PsaHints hints={[boardsHint]} className="mt-2" />
              <FieldError id={`${id}-board_id-error`} message={errors.board_id} />
            </div>
            <div>
              <span id={`${id}-company`} className={labelClass}>Company</span>
              <div className="mt-1.5" data-field="company_id" tabIndex={-1}>
                <CompanyPicker labelId={`${id}-company`} value={company} onChange={setCompany} initial={lists.companies} search={searchCompanies} disabled={pending} />
              </div>
              <FieldError id={`${id}-company_id-error`} message={errors.company_id} />
            </div>
            <div>
              <label htmlFor={`${id}-status`} className={labelClass}>Status</label>
              <NativeSelect
                id={`${id}-status`}
                name="status_id"
                data-field="status_id"
                disabled={pending || !boardId || !statuses}
                options={[{ value: "", label: boardId ? (statuses ? "Board default" : "Loading statuses…") : "Choose a board first" }, ...statusOptions.map((status) => ({ value: status.id, label: status.name }))]}
                wrapperClassName="mt-1.5"
                {...describe("status_id")}
              />
              <PsaHints hints={[statuses?.warning, statuses?.error]} className="mt-2" />
              <FieldError id={`${id}-status_id-error`} message={errors.status_id} />
            </div>
            <div>
              <label htmlFor={`${id}-priority`} className={labelClass}>Priority</label>
              <NativeSelect
                id={`${id}-priority`}
                name="priority_id"
                data-field="priority_id"
                disabled={pending}
                options={[{ value: "", label: "ConnectWise default" }, ...lists.priorities.items.map((priority) => ({ value: priority.id, label: priority.name }))]}
                wrapperClassName="mt-1.5"
                {...describe("priority_id")}
              />
              <PsaHints hints={[lists.priorities.warning, lists.priorities.error]} className="mt-2" />
              <FieldError id={`${id}-priority_id-error`} message={errors.priority_id} />
            </div>
          </div>
          <div>
            <label htmlFor={`${id}-description`} className={labelClass}>Description</label>
            <TextArea id={`${id}-description`} name="initial_description" data-field="initial_description" disabled={pending} className="mt-1.5" {...describe("initial_description")} />
            <FieldError id={`${id}-initial_description-error`} message={errors.initial_description} />
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
      </DialogContent>
    </Dialog>
  );
}
