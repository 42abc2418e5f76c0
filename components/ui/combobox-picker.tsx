"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Popover } from "radix-ui";
import { Check, ChevronsUpDown, Search } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { Spinner } from "@/components/ui/spinner";
import { textControl } from "@/components/ui/text-input";

export type PickerItem = { value: string; label: string; description?: string };

type Props = {
  /** The visible label's id: the trigger is named "<label> <current value>". */
  labelId: string;
  /** What the trigger shows. */
  valueLabel: ReactNode;
  value: string | null;
  items: PickerItem[];
  onSelect: (item: PickerItem) => void;
  searchLabel: string;
  placeholder?: string;
  emptyText?: string;
  /** The parent filters `items` itself (a server search); the picker only reports the query. */
  onQueryChange?: (query: string) => void;
  loading?: boolean;
  /** Shown above the list, e.g. the G5 hint when the PSA would not list these. */
  notice?: ReactNode;
  disabled?: boolean;
  /** "field" looks like a select; "button" like a secondary button (e.g. "Assign…"). */
  variant?: "field" | "button";
  className?: string;
  testId?: string;
};

const matches = (item: PickerItem, query: string) =>
  `${item.label} ${item.description ?? ""}`.toLowerCase().includes(query.trim().toLowerCase());

/**
 * A searchable picker: a trigger that opens a popover with a text box and a list of options
 * (the ARIA combobox + listbox pattern). Arrow keys, Home and End move through the options, Enter
 * picks one, Escape closes and focus returns to the trigger.
 */
export function ComboboxPicker(props: Props) {
  const { labelId, valueLabel, value, items, onSelect, searchLabel, placeholder, emptyText = "No matches", onQueryChange, loading, notice } = props;
  const listId = useId();
  const triggerId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

  const shown = onQueryChange ? items : items.filter((item) => matches(item, query));
  const activeIndex = Math.min(active, shown.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;

  function handleOpenChange(next: boolean) {
    setOpen(next);
    if (!next) return;
    setQuery("");
    onQueryChange?.("");
    setActive(Math.max(0, items.findIndex((item) => item.value === value)));
  }

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(index, shown.length - 1));
    setActive(next);
    document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
  }

  function choose(item: PickerItem) {
    setOpen(false);
    onSelect(item);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(shown.length - 1),
      Enter: () => {
        const item = shown[activeIndex];
        if (item) choose(item);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  return (
    <Popover.Root open={open} onOpenChange={handleOpenChange}>
      <Popover.Trigger asChild>
        <button
          type="button"
          id={triggerId}
          aria-labelledby={`${labelId} ${triggerId}`}
          aria-haspopup="listbox"
          disabled={props.disabled}
          data-testid={props.testId}
          className={cn(
            props.variant === "button"
              ? "inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
              : cn(textControl, "flex h-9 items-center justify-between gap-2 text-left"),
            "disabled:cursor-not-allowed disabled:opacity-60",
            focusRing,
            props.className,
          )}
        >
          <span className="min-w-0 truncate">{valueLabel}</span>
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-slate-400" />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          collisionPadding={12}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            inputRef.current?.focus();
          }}
          className="z-[70] w-[max(var(--radix-popover-trigger-width),16rem)] max-w-[calc(100vw-1.5rem)] rounded-lg border border-slate-200 bg-white p-1.5 shadow-lg motion-safe:data-[state=open]:animate-[menu-in_120ms_ease-out]"
        >
          <div className="relative">
            <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400" />
            <input
              ref={inputRef}
              role="combobox"
              aria-label={searchLabel}
              aria-expanded="true"
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
              value={query}
              placeholder={placeholder}
              autoComplete="off"
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
                onQueryChange?.(event.target.value);
              }}
              onKeyDown={handleKeyDown}
              className={cn(textControl, "h-9 pl-8")}
            />
          </div>
          {notice && <div className="mt-1.5 px-1 text-xs text-amber-800">{notice}</div>}
          <ul id={listId} role="listbox" aria-label={searchLabel} className="mt-1.5 max-h-64 overflow-y-auto">
            {shown.map((item, index) => (
              <li
                key={item.value}
                id={optionId(index)}
                role="option"
                aria-selected={item.value === value}
                data-active={index === activeIndex || undefined}
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(index)}
                onClick={() => choose(item)}
                className="flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-2 text-sm text-slate-800 data-[active]:bg-slate-100"
              >
                <Check aria-hidden className={cn("size-4 shrink-0 text-indigo-600", item.value !== value && "invisible")} />
                <span className="min-w-0 flex-1 truncate">{item.label}</span>
                {item.description && <span className="shrink-0 text-xs text-slate-600">{item.description}</span>}
              </li>
            ))}
          </ul>
          {(loading || shown.length === 0) && (
            <p role="status" className="flex items-center gap-2 px-2.5 py-2 text-sm text-slate-500">
              {loading ? (
                <>
                  <Spinner /> Searching…
                </>
              ) : (
                emptyText
              )}
            </p>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
