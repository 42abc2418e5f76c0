import type { UserRole } from "@/lib/generated/prisma/enums";
import { roleAllows, type Guard } from "@/lib/auth/roles";
import { visibleNavItems } from "@/components/shell/nav-items";

/** A place the palette can go: a section of the app or a sub-page worth jumping to. */
export type NavigationCommand = { id: string; label: string; href: string; keywords: string[] };

/** Extra words each section is found by, beyond its label. */
const SECTION_KEYWORDS: Record<string, string[]> = {
  "/pilot": ["my sessions", "home", "chat"],
  "/escalations": ["queue", "handoffs", "pick up"],
  "/tickets": ["psa", "connectwise"],
  "/scripts": ["templates", "library"],
  "/knowledge": ["kb", "knowledge base", "articles"],
  "/analytics": ["reports", "metrics"],
  "/settings": ["preferences", "psa connection", "notifications"],
};

/** Pages under a section that people open directly; `guard` as the page enforces it. */
const SUB_PAGES: { href: string; label: string; keywords: string[]; guard?: Guard }[] = [
  { href: "/scripts/drafts", label: "Scripts → Drafts", keywords: ["draft templates", "review"] },
  { href: "/scripts/builder", label: "Scripts → Script builder", keywords: ["ai builder", "write a script"], guard: "engineerOrAdmin" },
  { href: "/scripts/templates/new", label: "Scripts → New template", keywords: ["create template"], guard: "engineerOrAdmin" },
  { href: "/settings/members", label: "Settings → Members", keywords: ["team", "invite", "roles", "users"], guard: "ownerOrAdmin" },
  { href: "/settings/audit", label: "Settings → Audit", keywords: ["audit trail", "history", "who changed"], guard: "ownerOrAdmin" },
  { href: "/settings/security", label: "Settings → Security", keywords: ["password", "sign-ins", "sign out everywhere", "browsers", "devices"] },
];

/** Where `role` may go from the palette: the sidebar's sections (`visibleNavItems`), then their sub-pages. */
export function navigationCommands(role: UserRole): NavigationCommand[] {
  const sections = visibleNavItems(role).map((item) => ({
    id: `go:${item.href}`,
    label: item.label,
    href: item.href,
    keywords: SECTION_KEYWORDS[item.href] ?? [],
  }));
  const subPages = SUB_PAGES.filter((page) => !page.guard || roleAllows(page.guard, role)).map(({ href, label, keywords }) => ({
    id: `go:${href}`,
    label,
    href,
    keywords,
  }));
  return [...sections, ...subPages];
}

/** True when `role` may start a session, so the palette offers "New session". */
export function canStartSession(role: UserRole): boolean {
  return roleAllows("engineerOrAdmin", role);
}

/**
 * Where "New session" goes: the pilot page opens its New session dialog for `?new=1`. Already on
 * the pilot page, its search and filters stay as they are.
 */
export function newSessionHref(current: { pathname: string; search: string }): string {
  const params = new URLSearchParams(current.pathname === "/pilot" ? current.search : "");
  params.set("new", "1");
  return `/pilot?${params}`;
}

/** Where a session found by the palette opens: the handoff screen while it waits for a senior. */
export function sessionHref(session: { id: string; in_transit: boolean }): string {
  return session.in_transit ? `/pilot/${session.id}?pickup=true&from=escalations` : `/pilot/${session.id}`;
}
