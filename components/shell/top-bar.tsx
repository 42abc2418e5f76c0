import type { BellNotification } from "@/components/shell/bell-notification";
import { NotificationBell } from "@/components/shell/notification-bell";
import { UserMenu, type UserMenuProps } from "@/components/shell/user-menu";

type Props = { user: UserMenuProps; unreadCount: number; notifications: BellNotification[] };

/** The strip above every signed-in page: account name, bell, user menu. */
export function TopBar({ user, unreadCount, notifications }: Props) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-4 border-b border-slate-200 bg-white/90 px-4 backdrop-blur md:px-6">
      <p className="truncate text-sm font-medium text-slate-600">{user.accountName}</p>
      <div className="flex items-center gap-1">
        <NotificationBell unreadCount={unreadCount} notifications={notifications} />
        <UserMenu {...user} />
      </div>
    </header>
  );
}
