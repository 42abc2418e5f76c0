import type { UserRole } from "@/lib/generated/prisma/enums";
import { roleAllows, type Guard } from "@/lib/auth/roles";
import { BarChart3, Compass, FileCode2, LifeBuoy, Settings, Ticket, type LucideIcon } from "lucide-react";

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
  { href: "/analytics", label: "Analytics", icon: BarChart3, guard: "engineerOrAdmin" },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** The sections `role` may open, in sidebar order: a link is never shown to someone its page refuses. */
export function visibleNavItems(role: UserRole): NavItem[] {
  return navItems.filter((item) => !item.guard || roleAllows(item.guard, role));
}

/** True when `pathname` is `href` or one of its sub-pages. */
export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
