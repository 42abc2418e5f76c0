"use client";

import type { ReactNode, RefObject } from "react";
import { AlertDialog } from "radix-ui";
import { Button } from "@/components/ui/button";

type Props = {
  /** The element that opens the dialog (rendered asChild); leave it out when `open` is controlled from elsewhere (a menu item). */
  trigger?: ReactNode;
  /** Without a trigger, where focus goes back to when the dialog closes (else the page's start). */
  returnFocusTo?: RefObject<HTMLElement | null>;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/**
 * "Are you sure?" before something that can't be undone: focus starts on Cancel, Escape cancels,
 * and the confirm button is the destructive style.
 */
export function ConfirmDialog({ trigger, returnFocusTo, title, description, confirmLabel, onConfirm, open, onOpenChange }: Props) {
  function restoreFocus(event: Event) {
    if (!returnFocusTo?.current) return;
    event.preventDefault();
    returnFocusTo.current.focus();
  }
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 grid place-items-center bg-slate-900/40 p-4">
          <AlertDialog.Content onCloseAutoFocus={restoreFocus} className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-5 shadow-xl focus:outline-none motion-safe:data-[state=open]:animate-[menu-in_140ms_ease-out]">
            <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
            <AlertDialog.Description className="mt-1 text-sm text-slate-600">{description}</AlertDialog.Description>
            <div className="mt-5 flex justify-end gap-2">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary">Cancel</Button>
              </AlertDialog.Cancel>
              <AlertDialog.Action asChild>
                <Button variant="danger" onClick={onConfirm}>
                  {confirmLabel}
                </Button>
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Overlay>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
