import { GO_TO_KEYS } from "@/components/command-palette/go-to-keys";

/** One shortcut as the overlay lists it: each key cap in order ("then" between sequence steps). */
export type ShortcutRow = { keys: string[]; description: string };
export type ShortcutSection = { title: string; rows: ShortcutRow[] };

/**
 * Every shortcut of the app, by where it works. `modifier` is the palette key's label on this
 * device (⌘ or Ctrl); `allowedHrefs` leaves out "g then…" rows for sections the role can't open.
 */
export function shortcutSections(modifier: string, allowedHrefs: readonly string[]): ShortcutSection[] {
  return [
    {
      title: "Anywhere",
      rows: [
        { keys: [modifier, "K"], description: "Open or close the command palette" },
        { keys: ["?"], description: "Show these shortcuts" },
        { keys: ["/"], description: "Search on this page (tickets, scripts, sessions)" },
      ],
    },
    {
      title: "Go to",
      rows: GO_TO_KEYS.filter((entry) => allowedHrefs.includes(entry.href)).map((entry) => ({
        keys: ["G", "then", entry.key.toUpperCase()],
        description: entry.label,
      })),
    },
    {
      title: "In the command palette",
      rows: [
        { keys: ["↑", "↓"], description: "Move between results" },
        { keys: ["Enter"], description: "Run or open the highlighted result" },
        { keys: ["Esc"], description: "Close without doing anything" },
      ],
    },
    {
      title: "In a chat",
      rows: [
        { keys: ["Enter"], description: "Send the message" },
        { keys: ["Shift", "Enter"], description: "Start a new line" },
      ],
    },
    {
      title: "In dialogs and inline forms",
      rows: [{ keys: ["Esc"], description: "Close or cancel" }],
    },
  ];
}
