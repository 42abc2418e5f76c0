"use client";

import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/command-palette/kbd";
import { openCommandPalette } from "@/components/command-palette/palette-store";
import { useModifierKey } from "@/components/command-palette/use-modifier-key";

/** The top bar's way into the palette for mouse and Tab, with the device's shortcut beside it. */
export function PaletteTrigger() {
  const modifier = useModifierKey();
  return (
    <Button
      variant="secondary"
      aria-haspopup="dialog"
      aria-keyshortcuts={modifier ? `${modifier.aria}+K` : undefined}
      onClick={openCommandPalette}
      className="h-9 gap-2 px-2.5 text-slate-600 sm:min-w-56 sm:justify-between"
    >
      <span className="flex items-center gap-2">
        <Search aria-hidden className="size-4 text-slate-500" />
        <span className="sr-only sm:not-sr-only">Search or run a command</span>
      </span>
      {modifier && (
        <span aria-hidden className="hidden items-center gap-0.5 sm:flex">
          <Kbd>{modifier.label}</Kbd>
          <Kbd>K</Kbd>
        </span>
      )}
    </Button>
  );
}
