"use client";

import { useRef, useState } from "react";
import type { PsaCompany } from "@/lib/psa/provider";
import { ComboboxPicker, type PickerItem } from "@/components/ui/combobox-picker";
import { useDebouncedCallback } from "@/components/tickets/use-debounced-callback";
import type { ListResult } from "@/components/tickets/ticket-view-types";

export type CompanyChoice = { id: string; name: string };

type Props = {
  labelId: string;
  value: CompanyChoice | null;
  onChange: (company: CompanyChoice | null) => void;
  /** The first companies, shown before anything is typed. */
  initial: ListResult<PsaCompany>;
  /** Asks the PSA for companies matching the text (a server action). */
  search: (text: string) => Promise<ListResult<PsaCompany>>;
  /** Offer "no company" as the first option with this label (the filter's "All companies"). */
  anyLabel?: string;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
};

const toItem = (company: PsaCompany): PickerItem => ({ value: company.id, label: company.name, description: company.identifier });

/** A company picker over the PSA's companies; typing searches the PSA (debounced), not only the first page. */
export function CompanyPicker({ labelId, value, onChange, initial, search, anyLabel, placeholder, disabled, testId }: Props) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<ListResult<PsaCompany> | null>(null);
  const [loading, setLoading] = useState(false);
  const latestQuery = useRef("");

  const runSearch = useDebouncedCallback(async (text: string) => {
    const result = await search(text).catch((error: unknown): ListResult<PsaCompany> => {
      console.error(error);
      return { items: [], error: "No response from the server. Check your connection and try again." };
    });
    // A slower answer to an older query must not replace a newer one.
    if (latestQuery.current !== text) return;
    setFound(result);
    setLoading(false);
  }, 250);

  function handleQueryChange(text: string) {
    setQuery(text);
    latestQuery.current = text.trim();
    if (!text.trim()) {
      runSearch.cancel();
      setFound(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    runSearch.call(text.trim());
  }

  const list = query.trim() && found ? found : initial;
  const items = list.items.map(toItem);
  if (value && !items.some((item) => item.value === value.id) && !query.trim()) items.unshift({ value: value.id, label: value.name });
  if (anyLabel && !query.trim()) items.unshift({ value: "", label: anyLabel });

  return (
    <ComboboxPicker
      labelId={labelId}
      valueLabel={value?.name ?? anyLabel ?? "Choose a company"}
      value={value?.id ?? ""}
      items={items}
      onQueryChange={handleQueryChange}
      loading={loading}
      onSelect={(item) => onChange(item.value ? { id: item.value, name: item.label } : null)}
      searchLabel="Search companies"
      placeholder={placeholder ?? "Search companies…"}
      emptyText={query.trim() ? "No company matches" : "No companies"}
      notice={list.warning ?? list.error}
      disabled={disabled}
      testId={testId}
    />
  );
}
