"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { roleAllows, type Guard } from "@/lib/auth/roles";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

const tabs: { href: string; label: string; guard?: Guard }[] = [
  { href: "/settings", label: "General" },
  { href: "/settings/members", label: "Members", guard: "ownerOrAdmin" },
  { href: "/settings/audit", label: "Audit", guard: "ownerOrAdmin" },
  { href: "/settings/security", label: "Security" },
];

/** The settings pages `role` may open, as tabs under the page header; the current one is marked. */
export function SettingsTabs({ role }: { role: UserRole }) {
  const pathname = usePathname();
  const visible = tabs.filter((tab) => !tab.guard || roleAllows(tab.guard, role));
  if (visible.length < 2) return null;
  return (
    <nav aria-label="Settings pages" className="-mx-1 overflow-x-auto border-b border-slate-200">
      <ul className="flex gap-1 px-1">
        {visible.map((tab) => {
          const current = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "-mb-px inline-flex border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  focusRing,
                  current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
