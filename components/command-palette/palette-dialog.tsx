"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { Dialog as RadixDialog } from "radix-ui";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { PaletteBody } from "@/components/command-palette/palette-body";
import { closeCommandPalette, restoreFocus, usePaletteState } from "@/components/command-palette/palette-store";

/**
 * K3: the Cmd/Ctrl+K palette in a modal dialog. A page command runs once the dialog has closed
 * and let go of focus, so focus lands where the page puts it, as if its button had been clicked;
 * otherwise focus goes back to where it was.
 */
export function PaletteDialog({ role }: { role: UserRole }) {
  const router = useRouter();
  const { palette: open, pageCommands } = usePaletteState();
  const afterClose = useRef<(() => boolean | void) | null>(null);

  function close(then: () => boolean | void) {
    afterClose.current = then;
    closeCommandPalette();
  }

  function go(href: string) {
    closeCommandPalette();
    router.push(href);
  }

  function handleCloseAutoFocus(event: Event) {
    const then = afterClose.current;
    afterClose.current = null;
    if ((then && then() !== false) || restoreFocus()) event.preventDefault();
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => !next && closeCommandPalette()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40" />
        <RadixDialog.Content
          data-command-palette
          onCloseAutoFocus={handleCloseAutoFocus}
          className="fixed top-[10vh] left-1/2 z-50 w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl focus:outline-none motion-safe:data-[state=open]:animate-[menu-in_140ms_ease-out]"
        >
          <RadixDialog.Title className="sr-only">Command palette</RadixDialog.Title>
          <RadixDialog.Description className="sr-only">
            Type to find a page, a session or a command. Arrow keys move, Enter runs, Escape closes.
          </RadixDialog.Description>
          <PaletteBody role={role} pageCommands={pageCommands} onGo={go} onClose={close} />
          {/* For touch and mouse; kept outside the cmdk root, whose Enter would run the highlighted row instead. */}
          <RadixDialog.Close asChild>
            <Button variant="ghost" size="sm" className="absolute top-2 right-3 h-8 px-2 text-xs text-slate-600">
              Close
            </Button>
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
