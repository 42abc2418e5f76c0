/** The parts of a KeyboardEvent the shortcuts read; plain objects in tests. */
export type KeyPress = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

/** The parts of an event target that tell whether someone is typing into it. */
export type KeyTarget = { tagName?: string; type?: string; isContentEditable?: boolean } | null;

const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "range", "color", "file", "submit", "reset", "image"]);

/** True when a key press on `target` is someone typing: text fields, selects, editable content. */
export function isTypingTarget(target: KeyTarget): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  return tag === "input" && !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
}

/** True when `event` is Cmd+K on Apple platforms or Ctrl+K elsewhere, with no other modifier. */
export function isPaletteToggle(event: KeyPress, apple: boolean): boolean {
  const letter = /^[a-z]$/i.test(event.key) ? event.key.toLowerCase() : event.code === "KeyK" ? "k" : "";
  if (letter !== "k" || event.altKey || event.shiftKey) return false;
  return apple ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/** True when `event` produced the character `key` without Ctrl, Cmd or Alt (Shift may be how the layout types it). */
export function isCharacter(event: KeyPress, key: string): boolean {
  return event.key === key && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** True when `event` is a bare letter key: no modifier at all, so Shift+G is not "g". */
export function isBareKey(event: KeyPress, key: string): boolean {
  return isCharacter(event, key) && !event.shiftKey;
}

/** True on Apple platforms, where the palette key is ⌘ rather than Ctrl. */
export function isApplePlatform(nav: { platform?: string; userAgent?: string; userAgentData?: { platform?: string } }): boolean {
  const platform = nav.userAgentData?.platform || nav.platform || nav.userAgent || "";
  return /mac|iphone|ipad|ipod/i.test(platform);
}
