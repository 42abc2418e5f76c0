"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Search } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { textControl } from "@/components/ui/text-input";
import { useListNavigation } from "@/components/lists/list-navigation";

const DEBOUNCE_MS = 300;

type Props = { id: string; label: string; placeholder: string };

/**
 * The list's `?q=`: applied 300 ms after typing stops (or at once on Enter). One burst of typing
 * is one history entry: its first search is pushed, the rest replace it, so Back returns to the
 * search before. `/` focuses it (`data-shortcut-search`).
 */
export function ListSearchBox({ id, label, placeholder }: Props) {
  const { state, navigate } = useListNavigation();
  const urlQ = state.q ?? "";
  const [text, setText] = useState(urlQ);
  // Searches sent but not yet back from the server: when one comes back the box keeps what the
  // person typed since; any other URL change (Back, Clear filters) puts the URL's text in the box.
  const [sync, setSync] = useState({ urlQ, sent: [] as string[] });
  if (sync.urlQ !== urlQ) {
    const ours = sync.sent.indexOf(urlQ);
    if (ours === -1) setText(urlQ);
    setSync({ urlQ, sent: ours === -1 ? [] : sync.sent.slice(ours + 1) });
  }

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pushedThisBurst = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(value: string) {
    clearTimeout(timer.current);
    const q = value.trim();
    if (q === urlQ && sync.sent.length === 0) return;
    setSync((previous) => ({ ...previous, sent: [...previous.sent, q] }));
    navigate({ q }, { replace: pushedThisBurst.current });
    pushedThisBurst.current = true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      commit(text);
    }
  }

  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="relative mt-1">
        <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
        <input
          id={id}
          type="search"
          data-shortcut-search
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          maxLength={200}
          onFocus={() => {
            pushedThisBurst.current = false;
          }}
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => commit(value), DEBOUNCE_MS);
          }}
          onKeyDown={onKeyDown}
          className={cn(textControl, "h-9 pl-8")}
        />
      </div>
    </div>
  );
}
