/** "g then key" navigation: the second key and the section it opens. */
export const GO_TO_KEYS = [
  { key: "p", href: "/pilot", label: "Pilot" },
  { key: "e", href: "/escalations", label: "Escalations" },
  { key: "t", href: "/tickets", label: "Tickets" },
  { key: "s", href: "/scripts", label: "Scripts" },
] as const;

/** How long after "g" the second key still counts. */
export const GO_TO_WINDOW_MS = 1500;
