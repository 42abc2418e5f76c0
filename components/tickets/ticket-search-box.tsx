"use client";

import { useState } from "react";
import { Search } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { textControl } from "@/components/ui/text-input";
import { useDebouncedCallback } from "@/components/tickets/use-debounced-callback";

type Props = { id: string; value: string; onSearch: (text: string) => void; disabled?: boolean };

/** Free-text search over ticket summaries (and numbers): applied 400 ms after typing stops, or at once on Enter. */
export function TicketSearchBox({ id, value, onSearch, disabled }: Props) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [requested, setRequested] = useState(value);
  const debounced = useDebouncedCallback((text: string) => {
    setRequested(text);
    if (text !== value) onSearch(text);
  }, 400);

  // The URL changed for another reason (Clear filters, Back): show what is searched now. The URL
  // catching up with what was typed is not a reason to overwrite what is being typed since.
  if (value !== seen) {
    setSeen(value);
    if (value !== requested) {
      setRequested(value);
      setDraft(value);
    }
  }

  return (
    <div className="relative">
      <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
      <input
        id={id}
        type="search"
        data-shortcut-search
        value={draft}
        disabled={disabled}
        placeholder="Summary or ticket number"
        autoComplete="off"
        onChange={(event) => {
          setDraft(event.target.value);
          debounced.call(event.target.value.trim());
        }}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          debounced.call(draft.trim());
          debounced.flush();
        }}
        className={cn(textControl, "h-9 pl-8")}
      />
    </div>
  );
}
