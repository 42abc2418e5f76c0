"use client";

import type { ComponentProps } from "react";
import { DropdownMenu } from "radix-ui";
import { cn } from "@/components/ui/cn";

/** Dropdown panel: portalled, aligned to its trigger, with a subtle entrance that respects reduced motion. */
export function MenuContent({ className, sideOffset = 8, align = "end", ...props }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        sideOffset={sideOffset}
        align={align}
        collisionPadding={12}
        className={cn(
          "z-50 min-w-56 overflow-hidden rounded-lg border border-slate-200 bg-white p-1 text-sm text-slate-800 shadow-lg",
          "motion-safe:data-[state=open]:animate-[menu-in_120ms_ease-out]",
          className,
        )}
        {...props}
      />
    </DropdownMenu.Portal>
  );
}
