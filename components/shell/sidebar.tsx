import Link from "next/link";
import { Sparkles } from "lucide-react";
import { focusRing } from "@/components/ui/focus-ring";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import type { NavCountKey } from "@/components/shell/nav-items";

type Props = { counts: Record<NavCountKey, number> };

/** Left rail: brand and the section links. Collapses to icons on narrow screens. */
export function Sidebar({ counts }: Props) {
  return (
    <aside className="w-16 shrink-0 border-r border-slate-200 bg-white md:w-60">
      <div className="sticky top-0 flex h-screen flex-col">
        <div className="flex h-14 items-center border-b border-slate-200 px-4">
          <Link href="/pilot" className={`flex items-center gap-2 rounded-md font-semibold text-slate-900 ${focusRing}`}>
            <span className="flex size-8 items-center justify-center rounded-lg bg-indigo-600 text-white">
              <Sparkles aria-hidden className="size-4" />
            </span>
            <span className="sr-only md:not-sr-only">FlowPilot</span>
          </Link>
        </div>
        <SidebarNav counts={counts} />
      </div>
    </aside>
  );
}
