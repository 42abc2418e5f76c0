"use client";

import { useMemo } from "react";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { navigationCommands } from "@/components/command-palette/palette-commands";
import { PaletteDialog } from "@/components/command-palette/palette-dialog";
import { ShortcutsOverlay } from "@/components/command-palette/shortcuts-overlay";
import { useGlobalShortcuts } from "@/components/command-palette/use-global-shortcuts";

/** K3, mounted once in the signed-in shell: the palette, the `?` overlay and the keys that open them. */
export function CommandPalette({ role }: { role: UserRole }) {
  const allowedHrefs = useMemo(() => navigationCommands(role).map((command) => command.href), [role]);
  useGlobalShortcuts(allowedHrefs);
  return (
    <>
      <PaletteDialog role={role} />
      <ShortcutsOverlay allowedHrefs={allowedHrefs} />
    </>
  );
}
