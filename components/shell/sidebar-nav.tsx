"use client";

import { Suspense } from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { NavCount } from "@/components/shell/nav-count";
import { isActivePath, visibleNavItems, type NavCountKey, type SearchParamsLike } from "@/components/shell/nav-items";
import { useLiveCounts } from "@/components/shell/use-live-counts";
import type { UserRole } from "@/lib/generated/prisma/enums";

type Props = {
  counts: Record<NavCountKey, number>;
  /** The viewer's role: links to pages it refuses are left out. */
  role: UserRole;
};

type ListProps = Props & { search: SearchParamsLike | null };

function NavList({ counts: rendered, role, search }: ListProps) {
  const pathname = usePathname();
  const counts = useLiveCounts({ ...rendered, unread: 0 });
  return (
    <ul className="space-y-1">
      {visibleNavItems(role).map((item) => {
        const active = isActivePath(pathname, item.href, search);
        const Icon = item.icon;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-2.5 py-2 text-sm font-medium transition-colors",
                focusRing,
                active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <Icon aria-hidden className={cn("size-5 shrink-0", active ? "text-indigo-600" : "text-slate-500")} />
              <span className="min-w-0 flex-1 truncate">{item.label}</span>
              {item.count && <NavCount kind={item.count} count={counts[item.count]} />}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The query string is read inside its own Suspense boundary, so it never holds back the shell. */
function NavListFromUrl(props: Props) {
  const search = useSearchParams();
  return <NavList {...props} search={search} />;
}

/**
 * Primary navigation, in the sidebar and in the small-screen drawer: the current section carries
 * aria-current="page" (following a `?from=` origin), counts stay live (LiveCountsProvider).
 */
export function SidebarNav(props: Props) {
  return (
    <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
      <Suspense fallback={<NavList {...props} search={null} />}>
        <NavListFromUrl {...props} />
      </Suspense>
    </nav>
  );
}
