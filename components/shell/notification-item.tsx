"use client";

import type { MouseEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { MenuItem } from "@/components/ui/menu-item";
import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/components/ui/cn";
import type { BellNotification } from "@/components/shell/bell-notification";
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

/** A bell row: a link to the notification's target that first marks it read. */
export function NotificationItem({ notification, onNavigate }: Props) {
  const router = useRouter();
  const unread = notification.readAt === null;

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
          <span className={cn("block truncate", unread ? "font-semibold text-slate-900" : "text-slate-700")}>
            {unread && <span className="sr-only">Unread: </span>}
            {notification.title}
          </span>
          <span className="line-clamp-2 text-slate-600">{notification.body}</span>
          <RelativeTime date={notification.createdAt} className="mt-0.5 block text-xs text-slate-500" />
        </span>
      </Link>
    </MenuItem>
  );
}
