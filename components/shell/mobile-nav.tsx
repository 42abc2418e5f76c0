"use client";

import { useEffect, useState, type MouseEvent } from "react";
import { usePathname } from "next/navigation";
import { Dialog } from "radix-ui";
import { Menu, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Brand } from "@/components/shell/sidebar";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import type { NavCountKey } from "@/components/shell/nav-items";
import type { UserRole } from "@/lib/generated/prisma/enums";

type Props = { counts: Record<NavCountKey, number>; role: UserRole };

/** Tailwind's `md`: from here up the sidebar shows, so an open drawer has nothing left to do. */
const SIDEBAR_QUERY = "(min-width: 48rem)";

/**
 * Below `md`, the sidebar's navigation in a drawer from the left: a labelled "Menu" button opens
 * it (Radix Dialog: focus trapped, Escape and the overlay close it, focus returns to the button).
 * Following a link closes it, and so does any change of page, since it is open only for the page
 * it was opened on.
 */
export function MobileNav({ counts, role }: Props) {
  const pathname = usePathname();
  const [openedOn, setOpenedOn] = useState<string | null>(null);
  const open = openedOn === pathname;

  useEffect(() => {
    const wide = window.matchMedia(SIDEBAR_QUERY);
    const closeWhenWide = () => {
      if (wide.matches) setOpenedOn(null);
    };
    wide.addEventListener("change", closeWhenWide);
    return () => wide.removeEventListener("change", closeWhenWide);
  }, []);

  function closeOnLink(event: MouseEvent) {
    if (event.target instanceof Element && event.target.closest("a[href]")) setOpenedOn(null);
  }

  return (
    <Dialog.Root open={open} onOpenChange={(next) => setOpenedOn(next ? pathname : null)}>
      <Dialog.Trigger asChild>
        <Button variant="ghost" className="-ml-2 px-2 md:hidden" aria-label="Open navigation">
          <Menu aria-hidden className="size-5" />
          Menu
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-slate-900/40 md:hidden" />
        <Dialog.Content
          aria-describedby={undefined}
          onClick={closeOnLink}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r border-slate-200 bg-white shadow-xl focus:outline-none md:hidden motion-safe:transition-transform motion-safe:duration-200 motion-safe:starting:-translate-x-full"
        >
          <Dialog.Title className="sr-only">Navigation</Dialog.Title>
          <div className="flex h-14 shrink-0 items-center justify-between gap-2 border-b border-slate-200 pr-2 pl-4">
            <Brand />
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close navigation">
                <X aria-hidden className="size-5" />
              </Button>
            </Dialog.Close>
          </div>
          <SidebarNav counts={counts} role={role} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
