"use client";

import type { ReactNode } from "react";
import { Dialog as RadixDialog } from "radix-ui";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = {
  open: boolean;
  onClose: () => void;
  /** Where focus goes when the sheet closes (the row that opened it); the default is Radix's. */
  onCloseFocus: () => HTMLElement | null;
  children: ReactNode;
};

/**
 * The ticket detail as a side sheet: from the right, up to 40rem wide on a desktop and the full
 * width of a phone. A modal dialog: focus is trapped inside, Escape and the close button dismiss
 * it, and focus returns to the ticket that opened it. The children render its title.
 */
export function TicketSheet({ open, onClose, onCloseFocus, children }: Props) {
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/30" />
        <RadixDialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            const target = onCloseFocus();
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
          className="fixed inset-y-0 right-0 z-50 flex w-full flex-col border-l border-slate-200 bg-white shadow-2xl focus:outline-none sm:max-w-xl lg:max-w-2xl motion-safe:data-[state=open]:animate-[menu-in_140ms_ease-out]"
        >
          <div className="min-h-0 flex-1 overflow-y-auto px-4 pt-4 pb-8 sm:px-6 sm:pt-5">{children}</div>
          <RadixDialog.Close asChild>
            <Button variant="ghost" size="icon" className="absolute top-3 right-3" aria-label="Close ticket">
              <X aria-hidden className="size-4" />
            </Button>
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
