"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { GO_TO_KEYS, GO_TO_WINDOW_MS } from "@/components/command-palette/go-to-keys";
import { focusPageSearch } from "@/components/command-palette/page-commands";
import { openShortcutsOverlay, toggleCommandPalette } from "@/components/command-palette/palette-store";
import { isApplePlatform, isBareKey, isCharacter, isPaletteToggle, isTypingTarget } from "@/components/command-palette/shortcut-keys";

/** The dialog, menu or list the key press happened in, if any: there, keys belong to it. */
function layerOf(target: Element | null): Element | null {
  return target?.closest("[role=dialog], [role=alertdialog], [role=menu], [role=listbox]") ?? null;
}

/**
 * The app-wide keys: Cmd/Ctrl+K toggles the palette (also while typing), `?` opens the shortcut
 * overlay, `/` focuses the page's search, `g` then a letter opens a section. None of them fire
 * while someone types in a field or works in another dialog or menu, and none is a combination
 * the browser keeps for itself.
 */
export function useGlobalShortcuts(allowedHrefs: readonly string[]) {
  const router = useRouter();

  useEffect(() => {
    let goPressedAt = 0;

    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      const target = event.target instanceof Element ? event.target : null;
      const layer = layerOf(target);
      if (isPaletteToggle(event, isApplePlatform(navigator)) && (!layer || layer.closest("[data-command-palette]"))) {
        event.preventDefault();
        toggleCommandPalette();
        return;
      }
      if (layer) return;
      if (isTypingTarget(target as HTMLElement | null)) return;

      const goPending = Date.now() - goPressedAt < GO_TO_WINDOW_MS;
      goPressedAt = 0;
      if (goPending) {
        const destination = GO_TO_KEYS.find((entry) => isBareKey(event, entry.key) && allowedHrefs.includes(entry.href));
        if (destination) {
          event.preventDefault();
          router.push(destination.href);
          return;
        }
      }
      if (isBareKey(event, "g")) {
        goPressedAt = Date.now();
      } else if (isCharacter(event, "?")) {
        event.preventDefault();
        openShortcutsOverlay();
      } else if (isCharacter(event, "/") && focusPageSearch(document)) {
        event.preventDefault();
      }
    }

    document.addEventListener("keydown", handleKeyDown);
    return () => document.removeEventListener("keydown", handleKeyDown);
  }, [router, allowedHrefs]);
}
