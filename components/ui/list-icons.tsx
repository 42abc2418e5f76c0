import { Building2, ChevronRight, Clock, Target, Ticket, UserRound, type LucideIcon } from "lucide-react";

/**
 * The icons every row of a long list repeats (sessions, the escalation queue). The app shell
 * draws each once as a <symbol> and rows point at it with <use>: drawn in full, a page of rows
 * sent about a hundred SVGs, half of its HTML and as much again in its RSC payload.
 */
const LIST_ICONS = {
  building: Building2,
  chevronRight: ChevronRight,
  clock: Clock,
  target: Target,
  ticket: Ticket,
  user: UserRound,
} satisfies Record<string, LucideIcon>;

export type ListIconName = keyof typeof LIST_ICONS;

const symbolId = (name: ListIconName) => `list-icon-${name}`;

/** The symbols the list icons point at, once per page (the app shell renders it). */
export function ListIconSprite() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      {(Object.keys(LIST_ICONS) as ListIconName[]).map((name) => {
        const Icon = LIST_ICONS[name];
        return (
          <symbol key={name} id={symbolId(name)} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        );
      })}
    </svg>
  );
}

/** A decorative list icon (hidden from assistive technology), sized and coloured by `className`. */
export function ListIcon({ name, className }: { name: ListIconName; className: string }) {
  return (
    <svg aria-hidden className={className}>
      <use href={`#${symbolId(name)}`} />
    </svg>
  );
}
