"use client";

import type { ReactNode } from "react";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { BellNotification } from "@/components/shell/bell-notification";
import type { NavCountKey } from "@/components/shell/nav-items";
import type { UserMenuProps } from "@/components/shell/user-menu";
import { CommandPalette } from "@/components/command-palette/command-palette";
import { ListIconSprite } from "@/components/ui/list-icons";
import { Sidebar } from "@/components/shell/sidebar";
import { SkipLink } from "@/components/shell/skip-link";
import { TopBar } from "@/components/shell/top-bar";

type Props = {
  role: UserRole;
  navCounts: Record<NavCountKey, number>;
  user: UserMenuProps;
  unreadCount: number;
  notifications: BellNotification[];
  children: ReactNode;
};

/**
 * The frame of every signed-in page: skip link, list icon symbols, command palette, sidebar, top
 * bar and the main landmark around the page. A client component taking plain data: drawn on the
 * server, its markup and icons went into every page's RSC payload as well as its HTML.
 */
export function AppShell({ role, navCounts, user, unreadCount, notifications, children }: Props) {
  return (
    <div className="flex min-h-screen">
      <SkipLink />
      <ListIconSprite />
      <CommandPalette role={role} />
      <Sidebar counts={navCounts} role={role} />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar user={user} unreadCount={unreadCount} nav={{ role, counts: navCounts }} notifications={notifications} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none md:px-8 md:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
