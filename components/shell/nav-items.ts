import { BarChart3, Compass, FileCode2, LifeBuoy, Settings, Ticket, type LucideIcon } from "lucide-react";

export type NavCountKey = "escalations" | "scripts";

export type NavItem = {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Which sidebar count, if any, sits beside the link. */
  count?: NavCountKey;
};

/** The signed-in app's sections, in sidebar order. */
export const navItems: NavItem[] = [
  { href: "/pilot", label: "Pilot", icon: Compass },
  { href: "/escalations", label: "Escalations", icon: LifeBuoy, count: "escalations" },
  { href: "/tickets", label: "Tickets", icon: Ticket },
  { href: "/scripts", label: "Scripts", icon: FileCode2, count: "scripts" },
  { href: "/analytics", label: "Analytics", icon: BarChart3 },
  { href: "/settings", label: "Settings", icon: Settings },
];

/** True when `pathname` is `href` or one of its sub-pages. */
export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
