"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { Bell, CheckCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MenuContent } from "@/components/ui/menu-content";
import { MenuItem } from "@/components/ui/menu-item";
import { useEscalationEvents } from "@/components/realtime/use-escalation-stream";
import { NotificationItem } from "@/components/shell/notification-item";
import type { BellNotification } from "@/components/shell/bell-notification";
import { useLiveCounts } from "@/components/shell/use-live-counts";
import { markAllNotificationsReadAction } from "@/app/(app)/actions";

type Props = { unreadCount: number; notifications: BellNotification[] };

/**
 * Top-bar bell: unread count on the button, recent notifications in a keyboard-operable menu;
 * an escalation's row says whether it waits or who picked it up (picked-up rows never count).
 * The count is live (LiveCountsProvider refetches it on escalation events); the list is the
 * layout's, refreshed when the menu opens and when an event arrives while it is open.
 */
export function NotificationBell({ unreadCount: renderedUnread, notifications }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [marking, startMarking] = useTransition();
  const { unread: unreadCount } = useLiveCounts({ escalations: 0, scripts: 0, unread: renderedUnread });

  useEscalationEvents(() => {
    if (open) router.refresh();
  });

  function handleOpenChange(next: boolean) {
    setOpen(next);
    // The layout is not re-rendered on client navigation; fetch what arrived since.
    if (next) router.refresh();
  }

  function markAllRead(event: Event) {
    event.preventDefault(); // keep the menu open so the change is visible
    startMarking(async () => {
      await markAllNotificationsReadAction();
    });
  }

  return (
    <DropdownMenu.Root open={open} onOpenChange={handleOpenChange}>
      <DropdownMenu.Trigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={`Notifications, ${unreadCount} unread`}>
          <Bell aria-hidden className="size-5" />
          {unreadCount > 0 && (
            <span
              aria-hidden
              data-testid="bell-count"
              className="absolute top-1 right-1 inline-flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[0.625rem] leading-none font-semibold text-on-accent tabular-nums"
            >
              {unreadCount > 99 ? "99+" : unreadCount}
            </span>
          )}
        </Button>
      </DropdownMenu.Trigger>
      <MenuContent className="w-[22rem] p-0" aria-label="Notifications">
        <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
          <DropdownMenu.Label className="text-sm font-semibold text-slate-900">Notifications</DropdownMenu.Label>
          <MenuItem
            disabled={unreadCount === 0 || marking}
            onSelect={markAllRead}
            className="gap-1.5 px-2 py-1 text-xs font-medium text-indigo-700"
          >
            <CheckCheck aria-hidden className="size-4" />
            {marking ? "Marking…" : "Mark all read"}
          </MenuItem>
        </div>
        {notifications.length === 0 ? (
          <div className="px-4 py-8 text-center">
            <p className="text-sm font-medium text-slate-900">You&apos;re all caught up</p>
            <p className="mt-1 text-xs text-slate-500">Escalations from your team will show up here.</p>
          </div>
        ) : (
          <div className="max-h-[26rem] overflow-y-auto p-1">
            {notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onNavigate={() => setOpen(false)} />
            ))}
          </div>
        )}
      </MenuContent>
    </DropdownMenu.Root>
  );
}
