import Link from "next/link";
import { Sparkles } from "lucide-react";
import { focusRing } from "@/components/ui/focus-ring";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import type { NavCountKey } from "@/components/shell/nav-items";
import type { UserRole } from "@/lib/generated/prisma/enums";

type Props = { counts: Record<NavCountKey, number>; role: UserRole };

/** The brand and its link home, as the sidebar and the drawer both show it. */
export function Brand() {
  return (
    <Link href="/pilot" className={`flex items-center gap-2 rounded-md font-semibold text-slate-900 ${focusRing}`}>
      <span aria-hidden className="flex size-8 items-center justify-center rounded-lg bg-indigo-600 text-on-accent">
        <Sparkles className="size-4" />
      </span>
      FlowPilot
    </Link>
  );
}

/** Left column from `md` up: brand and the labelled section links. Below `md` the top bar's drawer has them. */
export function Sidebar({ counts, role }: Props) {
  return (
    <aside aria-label="Sidebar" className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
      <div className="sticky top-0 flex h-screen flex-col">
        <div className="flex h-14 items-center border-b border-slate-200 px-4">
          <Brand />
        </div>
        <SidebarNav counts={counts} role={role} />
      </div>
    </aside>
  );
}
