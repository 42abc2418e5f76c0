import type { UserRole } from "@/lib/generated/prisma/enums";
import { roleAllows, type Guard } from "@/lib/auth/roles";
import { BarChart3, BookOpen, Compass, FileCode2, LifeBuoy, Settings, Ticket, type LucideIcon } from "lucide-react";

export type NavCountKey = "escalations" | "scripts";

export type NavItem = {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Which sidebar count, if any, sits beside the link. */
  count?: NavCountKey;
  /** The role gate the page behind the link enforces; the link is hidden from anyone it refuses. */
  guard?: Guard;
};

/** The signed-in app's sections, in sidebar order. */
export const navItems: NavItem[] = [
  { href: "/pilot", label: "Pilot", icon: Compass },
  { href: "/escalations", label: "Escalations", icon: LifeBuoy, count: "escalations" },
  { href: "/tickets", label: "Tickets", icon: Ticket },
  { href: "/scripts", label: "Scripts", icon: FileCode2, count: "scripts" },
  { href: "/knowledge", label: "Knowledge", icon: BookOpen },
  { href: "/analytics", label: "Analytics", icon: BarChart3, guard: "engineerOrAdmin" },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** The sections `role` may open, in sidebar order: a link is never shown to someone its page refuses. */
export function visibleNavItems(role: UserRole): NavItem[] {
  return navItems.filter((item) => !item.guard || roleAllows(item.guard, role));
}

/** Read-only view of the query string: URLSearchParams and Next's ReadonlyURLSearchParams both fit. */
export type SearchParamsLike = { get(name: string): string | null };

/**
 * The section a `?from=` origin names ("escalations" → "/escalations"), when it is one of ours.
 * A session opened from the queue keeps the queue highlighted, not Pilot.
 */
function originSection(search: SearchParamsLike | null | undefined): string | null {
  const from = search?.get("from");
  if (!from) return null;
  return navItems.find((item) => item.href === `/${from}`)?.href ?? null;
}

/**
 * True when the link to `href` is the current section: `pathname` is `href` or one of its
 * sub-pages, unless a `?from=` origin in `search` names another section, which then wins.
 */
export function isActivePath(pathname: string, href: string, search?: SearchParamsLike | null): boolean {
  const origin = originSection(search);
  if (origin) return origin === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}
