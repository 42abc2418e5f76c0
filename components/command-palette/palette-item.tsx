"use client";

import type { ReactNode } from "react";
import { Command } from "cmdk";
import type { LucideIcon } from "lucide-react";

type Props = {
  value: string;
  keywords?: string[];
  icon: LucideIcon;
  onSelect: () => void;
  children: ReactNode;
  /** Right-aligned, e.g. the item's own shortcut; decorative, so give `keyShortcuts` too. */
  hint?: ReactNode;
  /** The item's shortcut for assistive technology (aria-keyshortcuts), e.g. "?". */
  keyShortcuts?: string;
};

/** One row of the palette; cmdk highlights it with data-selected as the arrow keys or the pointer move. */
export function PaletteItem({ value, keywords, icon: Icon, onSelect, children, hint, keyShortcuts }: Props) {
  return (
    <Command.Item
      value={value}
      keywords={keywords}
      onSelect={onSelect}
      aria-keyshortcuts={keyShortcuts}
      className="flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm text-slate-800 select-none data-[disabled=true]:cursor-not-allowed data-[disabled=true]:opacity-50 data-[selected=true]:bg-indigo-50 data-[selected=true]:text-indigo-900"
    >
      <Icon aria-hidden className="size-4 shrink-0 text-slate-500" />
      <span className="min-w-0 flex-1 truncate">{children}</span>
      {hint && <span aria-hidden className="flex shrink-0 items-center gap-1 text-xs text-slate-500">{hint}</span>}
    </Command.Item>
  );
}
