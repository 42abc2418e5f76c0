import { useSyncExternalStore } from "react";
import { availablePageCommands, type PageCommandId } from "@/components/command-palette/page-commands";

export type PaletteState = {
  palette: boolean;
  shortcuts: boolean;
  /** The page commands that had a visible, enabled target when the palette opened. */
  pageCommands: PageCommandId[];
};

const CLOSED: PaletteState = { palette: false, shortcuts: false, pageCommands: [] };

let state = CLOSED;
let returnFocusTo: HTMLElement | null = null;
const listeners = new Set<() => void>();

function update(next: Partial<PaletteState>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

/**
 * What should get focus back when a dialog opened from here closes: the focused element, or for
 * an item of a dropdown menu (which closes and goes away) the button that opened the menu.
 */
function rememberFocus() {
  const active = document.activeElement;
  const menu = active?.closest("[role=menu][aria-labelledby]");
  const trigger = menu && document.getElementById(menu.getAttribute("aria-labelledby") ?? "");
  const target = trigger ?? active;
  returnFocusTo = target instanceof HTMLElement && target !== document.body ? target : null;
}

/** Opens the palette, noting which page commands the page offers right now. */
export function openCommandPalette() {
  rememberFocus();
  update({ palette: true, shortcuts: false, pageCommands: availablePageCommands(document) });
}

export function closeCommandPalette() {
  update({ palette: false });
}

export function toggleCommandPalette() {
  if (state.palette) closeCommandPalette();
  else openCommandPalette();
}

/** Opens the `?` overlay; `fromPalette` keeps the focus remembered when the palette opened. */
export function openShortcutsOverlay({ fromPalette = false } = {}) {
  if (!fromPalette) rememberFocus();
  update({ palette: false, shortcuts: true });
}

export function closeShortcutsOverlay() {
  update({ shortcuts: false });
}

/** Gives focus back to where it was before a palette dialog opened; false when that element is gone. */
export function restoreFocus(): boolean {
  const target = returnFocusTo;
  returnFocusTo = null;
  if (!target?.isConnected) return false;
  target.focus();
  return true;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The palette and overlay state, shared by the shell's trigger, the user menu and the dialogs. */
export function usePaletteState(): PaletteState {
  return useSyncExternalStore(subscribe, () => state, () => CLOSED);
}
