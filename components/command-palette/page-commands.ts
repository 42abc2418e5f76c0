/**
 * Page commands are driven by the page's own controls: a button carries `data-command="resolve"`
 * (or a text box `data-command="focus-chat"`), and the palette offers the command only while such
 * a control is visible and enabled, then clicks or focuses it, so it does exactly what the mouse does.
 */
export const PAGE_COMMANDS = [
  { id: "resolve", label: "Resolve…", keywords: ["resolution note", "close", "done"], action: "click" },
  { id: "escalate", label: "Escalate…", keywords: ["escalation package", "senior", "handoff"], action: "click" },
  { id: "add-note", label: "Add note", keywords: ["fact", "what we know"], action: "click" },
  { id: "focus-chat", label: "Focus chat", keywords: ["message", "composer", "type"], action: "focus" },
  { id: "pick-up", label: "Pick up", keywords: ["claim", "escalation", "take"], action: "click" },
] as const;

export type PageCommand = (typeof PAGE_COMMANDS)[number];
export type PageCommandId = PageCommand["id"];

function isUsable(element: HTMLElement): boolean {
  if (element.matches(":disabled") || element.getAttribute("aria-disabled") === "true" || element.closest("[inert]")) return false;
  return typeof element.checkVisibility === "function" ? element.checkVisibility({ visibilityProperty: true }) : element.getClientRects().length > 0;
}

function usableTargets(root: ParentNode, id: PageCommandId): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-command="${id}"]`)].filter(isUsable);
}

/**
 * The control a command acts on. A click needs exactly one candidate (two "Pick up" buttons on the
 * queue would leave it guessing which row was meant); focusing takes the first.
 */
function targetOf(root: ParentNode, command: PageCommand): HTMLElement | null {
  const targets = usableTargets(root, command.id);
  if (command.action === "click") return targets.length === 1 ? (targets[0] ?? null) : null;
  return targets[0] ?? null;
}

/** The ids of the commands the page offers right now, in palette order. */
export function availablePageCommands(root: ParentNode): PageCommandId[] {
  return PAGE_COMMANDS.filter((command) => targetOf(root, command)).map((command) => command.id);
}

/** Clicks (after focusing, as a mouse would) or focuses the command's control; false when it is gone. */
export function runPageCommand(root: ParentNode, id: PageCommandId): boolean {
  const command = PAGE_COMMANDS.find((candidate) => candidate.id === id);
  const target = command && targetOf(root, command);
  if (!target) return false;
  target.focus();
  if (command.action === "click") target.click();
  return true;
}

/** Focuses the page's search box (the first visible `data-shortcut-search`); false when the page has none. */
export function focusPageSearch(root: ParentNode): boolean {
  const box = [...root.querySelectorAll<HTMLElement>("[data-shortcut-search]")].find(isUsable);
  if (!box) return false;
  box.focus();
  return true;
}
