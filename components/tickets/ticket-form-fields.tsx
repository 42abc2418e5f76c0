import type { ComponentProps } from "react";
import { FieldError } from "@/components/ui/field-error";
import { NativeSelect } from "@/components/ui/native-select";
import { TextInput } from "@/components/ui/text-input";
import { CompanyPicker } from "@/components/tickets/company-picker";
import { PsaHints } from "@/components/tickets/psa-hints";
import type { ListResult } from "@/components/tickets/ticket-view-types";

// The fields a ConnectWise ticket is made from, shared by "New ticket" and "Spin off ticket".

export type TicketField = "summary" | "board_id" | "company_id" | "status_id" | "priority_id" | "initial_description";

type Named = { id: string; name: string };

type FieldProps = {
  /** The form's useId(): the control is `${formId}-${field}`, its message `${formId}-${field}-error`. */
  formId: string;
  /** The server's message for this field. */
  error?: string;
  /** Adds data-field="<field>", by which the form finds the first invalid field to focus. */
  markField?: boolean;
};

type SelectProps = FieldProps & Omit<ComponentProps<typeof NativeSelect>, "id" | "options" | "wrapperClassName">;

export const ticketLabelClass = "text-sm font-medium text-slate-900";

/** Ties a control to its message while the field has one. */
export function fieldErrorProps(formId: string, field: TicketField, error: string | undefined) {
  return error ? { "aria-invalid": true as const, "aria-describedby": `${formId}-${field}-error` } : {};
}

/** The ticket's summary (ConnectWise keeps 100 characters). */
export function TicketSummaryField({ formId, error, markField, ...input }: FieldProps & Omit<ComponentProps<"input">, "id">) {
  return (
    <div>
      <label htmlFor={`${formId}-summary`} className={ticketLabelClass}>Summary</label>
      <TextInput id={`${formId}-summary`} data-field={markField ? "summary" : undefined} maxLength={100} autoComplete="off" className="mt-1.5" {...input} {...fieldErrorProps(formId, "summary", error)} />
      <FieldError id={`${formId}-summary-error`} message={error} />
    </div>
  );
}

type SelectFieldProps = SelectProps & { field: TicketField; label: string; placeholder: string; items: Named[]; hints: (string | undefined)[] };

/** A labelled select of PSA items, `placeholder` first (the empty value), with the PSA's hints under it. */
export function TicketSelectField({ formId, field, label, placeholder, items, hints, error, markField, ...select }: SelectFieldProps) {
  return (
    <div>
      <label htmlFor={`${formId}-${field}`} className={ticketLabelClass}>{label}</label>
      <NativeSelect
        id={`${formId}-${field}`}
        data-field={markField ? field : undefined}
        options={[{ value: "", label: placeholder }, ...items.map((item) => ({ value: item.id, label: item.name }))]}
        wrapperClassName="mt-1.5"
        {...select}
        {...fieldErrorProps(formId, field, error)}
      />
      <PsaHints hints={hints} className="mt-2" />
      <FieldError id={`${formId}-${field}-error`} message={error} />
    </div>
  );
}

export function TicketBoardField({ boards, ...props }: SelectProps & { boards: ListResult<Named> }) {
  return <TicketSelectField {...props} field="board_id" label="Board" placeholder="Choose a board" items={boards.items} hints={[boards.warning, boards.error]} />;
}

export function TicketPriorityField({ priorities, ...props }: SelectProps & { priorities: ListResult<Named> }) {
  return <TicketSelectField {...props} field="priority_id" label="Priority" placeholder="ConnectWise default" items={priorities.items} hints={[priorities.warning, priorities.error]} />;
}

/** The company: a picker searching the PSA, named by its label's id (it is not a labelable element). */
export function TicketCompanyField({ formId, error, markField, ...picker }: FieldProps & Omit<ComponentProps<typeof CompanyPicker>, "labelId">) {
  return (
    <div>
      <span id={`${formId}-company_id`} className={ticketLabelClass}>Company</span>
      {/* The form focuses the picker's button inside; the wrapper itself when there is none. */}
      <div className="mt-1.5" {...(markField ? { "data-field": "company_id", tabIndex: -1 } : {})}>
        <CompanyPicker labelId={`${formId}-company_id`} {...picker} />
      </div>
      <FieldError id={`${formId}-company_id-error`} message={error} />
    </div>
  );
}
