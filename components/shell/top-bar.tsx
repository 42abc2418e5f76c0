import type { BellNotification } from "@/components/shell/bell-notification";
import { NotificationBell } from "@/components/shell/notification-bell";
import { MobileNav } from "@/components/shell/mobile-nav";
import type { NavCountKey } from "@/components/shell/nav-items";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { UserMenu, type UserMenuProps } from "@/components/shell/user-menu";
import { PaletteTrigger } from "@/components/command-palette/palette-trigger";

type Props = {
  user: UserMenuProps;
  unreadCount: number;
  notifications: BellNotification[];
  /** What the small-screen navigation drawer lists: the sidebar's links for this role, with its counts. */
  nav: { role: UserRole; counts: Record<NavCountKey, number> };
};

/** The strip above every signed-in page: the Menu button (below `md`), account name, bell, user menu. */
export function TopBar({ user, unreadCount, notifications, nav }: Props) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white/90 px-4 backdrop-blur md:px-6">
      <div className="flex min-w-0 items-center gap-2">
        <MobileNav role={nav.role} counts={nav.counts} />
        <p className="truncate text-sm font-medium text-slate-600">{user.accountName}</p>
      </div>
      <div className="flex items-center gap-1">
        <PaletteTrigger />
        <NotificationBell unreadCount={unreadCount} notifications={notifications} />
        <UserMenu {...user} />
      </div>
    </header>
  );
}
