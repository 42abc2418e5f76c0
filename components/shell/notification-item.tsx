"use client";

import type { MouseEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { MenuItem } from "@/components/ui/menu-item";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/components/ui/cn";
import type { BellNotification } from "@/components/shell/bell-notification";
import { NotificationState } from "@/components/shell/notification-state";
import { markNotificationReadAction } from "@/app/(app)/actions";

/** A plain left click (or Enter from the menu); modified clicks keep the browser's behaviour. */
function isPlainClick(event: MouseEvent) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

type Props = {
  notification: BellNotification;
  /** Closes the menu; called when this row takes over the click to mark the notification read. */
  onNavigate: () => void;
};

/**
 * A bell row: a link to the notification's target that first marks it read. An escalation's row
 * says whether it still waits or who picked it up; once picked up it is dimmed and never unread.
 */
export function NotificationItem({ notification, onNavigate }: Props) {
  const router = useRouter();
  const { unread, resolved, state } = notification;

  async function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    if (!unread || !isPlainClick(event)) return;
    // Preventing the default also stops Radix closing the menu, so close it here.
    event.preventDefault();
    onNavigate();
    // Navigate even if marking read fails: the person asked to go there.
    await markNotificationReadAction({ notificationId: notification.id }).catch(() => undefined);
    router.push(notification.link);
  }

  return (
    <MenuItem asChild className="items-start gap-3 py-2.5">
      <Link href={notification.link} onClick={handleClick}>
        <span
          aria-hidden
          className={cn("mt-1.5 size-2 shrink-0 rounded-full", unread ? "bg-indigo-600" : "bg-transparent")}
        />
        <span className="min-w-0 flex-1">
          <span className={cn("block truncate", unread ? "font-semibold text-slate-900" : resolved ? "text-slate-600" : "text-slate-700")}>
            {unread && <span className="sr-only">Unread: </span>}
            {notification.title}
          </span>
          <span className={cn("line-clamp-2", resolved ? "text-slate-500" : "text-slate-600")}>{notification.body}</span>
          <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1">
            {state && <NotificationState state={state} />}
            <RelativeTime date={notification.createdAt} className="text-xs text-slate-500" />
          </span>
        </span>
      </Link>
    </MenuItem>
  );
}
