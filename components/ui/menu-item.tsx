"use client";

import type { ComponentProps } from "react";
import { DropdownMenu } from "radix-ui";
import { cn } from "@/components/ui/cn";

/** A dropdown row; Radix moves focus with the arrow keys and highlights it via data-highlighted. */
export function MenuItem({ className, ...props }: ComponentProps<typeof DropdownMenu.Item>) {
  return (
    <DropdownMenu.Item
      className={cn(
        "flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-2 outline-none select-none",
        "data-[highlighted]:bg-slate-100 data-[disabled]:pointer-events-none data-[disabled]:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
