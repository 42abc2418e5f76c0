"use client";

import { Keyboard } from "lucide-react";
import { MenuItem } from "@/components/ui/menu-item";
import { openShortcutsOverlay } from "@/components/command-palette/palette-store";

/** The user menu's "Keyboard shortcuts": the `?` overlay for people who reach for the mouse. */
export function ShortcutsMenuItem() {
  return (
    <MenuItem onSelect={() => openShortcutsOverlay()} aria-keyshortcuts="?">
      <Keyboard aria-hidden className="size-4 text-slate-500" />
      Keyboard shortcuts
    </MenuItem>
  );
}
