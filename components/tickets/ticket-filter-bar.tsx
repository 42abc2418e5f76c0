"use client";

import { useId } from "react";
import { X } from "lucide-react";
import type { PsaCompany } from "@/lib/psa/provider";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { AssignmentFilter } from "@/components/tickets/assignment-filter";
import { CompanyPicker, type CompanyChoice } from "@/components/tickets/company-picker";
import { TicketSearchBox } from "@/components/tickets/ticket-search-box";
import { hasSearchFilters, type TicketFilters } from "@/components/tickets/ticket-filters";
import type { ListResult, TicketPageLists } from "@/components/tickets/ticket-view-types";

type Props = {
  filters: TicketFilters;
  lists: TicketPageLists;
  /** The boards to offer (the PSA's, or those seen on tickets when it would not list them). */
  boards: { id: string; name: string }[];
  company: CompanyChoice | null;
  searchCompanies: (text: string) => Promise<ListResult<PsaCompany>>;
  onChange: (changes: TicketFilters) => void;
  /** The company picker's choice, with its name (the URL only keeps the id). */
  onCompanyChange: (company: CompanyChoice | null) => void;
  onClear: () => void;
};

const labelClass = "mb-1 block text-xs font-medium text-slate-600";

/** G2 search: free text, board, status (by name, or the board's own), company and assignment. */
export function TicketFilterBar({ filters, lists, boards, company, searchCompanies, onChange, onCompanyChange, onClear }: Props) {
  const id = useId();
  const statusNames = lists.statuses.items.map((status) => status.name);
  // A status picked before the board was: keep showing it, so the select says what is filtered.
  if (filters.status_name && !statusNames.includes(filters.status_name)) statusNames.push(filters.status_name);
  const boardOptions = [{ value: "", label: "All boards" }, ...boards.map((board) => ({ value: board.id, label: board.name }))];
  if (filters.board_id && !boards.some((board) => board.id === filters.board_id)) boardOptions.push({ value: filters.board_id, label: `Board #${filters.board_id}` });

  return (
    <search aria-label="Filter tickets" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(13rem,1.6fr)_repeat(4,minmax(0,1fr))_auto] lg:items-end">
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor={`${id}-q`} className={labelClass}>
          Search
        </label>
        <TicketSearchBox id={`${id}-q`} value={filters.q ?? ""} onSearch={(q) => onChange({ q: q || undefined })} />
      </div>
      <div>
        <label htmlFor={`${id}-board`} className={labelClass}>
          Board
        </label>
        <NativeSelect
          id={`${id}-board`}
          value={filters.board_id ?? ""}
          options={boardOptions}
          onChange={(event) => onChange({ board_id: event.target.value || undefined })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-status`} className={labelClass}>
          Status
        </label>
        <NativeSelect
          id={`${id}-status`}
          value={filters.status_name ?? ""}
          options={[{ value: "", label: "Any status" }, ...statusNames.map((name) => ({ value: name, label: name }))]}
          onChange={(event) => onChange({ status_name: event.target.value || undefined })}
        />
      </div>
      <div>
        <span id={`${id}-company`} className={labelClass}>
          Company
        </span>
        <CompanyPicker
          labelId={`${id}-company`}
          value={company}
          onChange={onCompanyChange}
          initial={lists.companies}
          search={searchCompanies}
          anyLabel="All companies"
          testId="company-filter"
        />
      </div>
      <div>
        <span id={`${id}-assigned`} className={labelClass}>
          Assignment
        </span>
        <AssignmentFilter
          labelId={`${id}-assigned`}
          value={filters.assigned ?? "all"}
          members={lists.members}
          onChange={(assigned) => onChange({ assigned: assigned === "all" ? undefined : assigned })}
        />
      </div>
      <div className="sm:col-span-2 lg:col-span-1">
        <Button variant="ghost" onClick={onClear} disabled={!hasSearchFilters(filters)} className="w-full justify-center lg:w-auto">
          <X aria-hidden className="size-4" />
          Clear filters
        </Button>
      </div>
    </search>
  );
}
