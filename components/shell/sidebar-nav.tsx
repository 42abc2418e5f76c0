"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { NavCount } from "@/components/shell/nav-count";
import { isActivePath, navItems, type NavCountKey } from "@/components/shell/nav-items";
import { useLiveCounts } from "@/components/shell/use-live-counts";

type Props = { counts: Record<NavCountKey, number> };

/** Primary navigation; the current section carries aria-current="page". Counts stay live (LiveCountsProvider). */
export function SidebarNav({ counts: rendered }: Props) {
  const pathname = usePathname();
  const counts = useLiveCounts({ ...rendered, unread: 0 });
  return (
    <nav aria-label="Main" className="flex-1 px-2 py-4 md:px-3">
      <ul className="space-y-1">
        {navItems.map((item) => {
          const active = isActivePath(pathname, item.href);
          const Icon = item.icon;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "relative flex items-center gap-3 rounded-md px-2.5 py-2 text-sm font-medium transition-colors",
                  focusRing,
                  active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                <Icon aria-hidden className={cn("size-5 shrink-0", active ? "text-indigo-600" : "text-slate-400")} />
                <span className="sr-only md:not-sr-only">{item.label}</span>
                {item.count && (
                  <span className="absolute -top-1 -right-1 md:static md:ml-auto">
                    <NavCount kind={item.count} count={counts[item.count]} />
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
