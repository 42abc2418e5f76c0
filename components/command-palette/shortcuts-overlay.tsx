"use client";

import { Fragment } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Kbd } from "@/components/command-palette/kbd";
import { closeShortcutsOverlay, restoreFocus, usePaletteState } from "@/components/command-palette/palette-store";
import { shortcutSections } from "@/components/command-palette/shortcut-list";
import { useModifierKey } from "@/components/command-palette/use-modifier-key";

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="flex shrink-0 items-center gap-1">
      {keys.map((key, index) => (
        <Fragment key={`${key}-${index}`}>{key === "then" ? <span className="text-xs text-slate-500">then</span> : <Kbd>{key}</Kbd>}</Fragment>
      ))}
    </span>
  );
}

/** The `?` overlay: every keyboard shortcut, grouped by where it works. */
export function ShortcutsOverlay({ allowedHrefs }: { allowedHrefs: readonly string[] }) {
  const { shortcuts: open } = usePaletteState();
  const modifier = useModifierKey();
  const sections = shortcutSections(modifier?.label ?? "Ctrl", allowedHrefs).filter((section) => section.rows.length > 0);

  return (
    <Dialog open={open} onOpenChange={(next) => !next && closeShortcutsOverlay()}>
      <DialogContent
        title="Keyboard shortcuts"
        description="Shortcuts never fire while you type in a field, except the command palette's."
        data-command-palette
        className="max-w-2xl"
        onCloseAutoFocus={(event) => {
          if (restoreFocus()) event.preventDefault();
        }}
      >
        <div className="mt-5 grid gap-x-8 gap-y-5 sm:grid-cols-2">
          {sections.map((section, index) => (
            <section key={section.title} aria-labelledby={`shortcuts-section-${index}`}>
              <h3 id={`shortcuts-section-${index}`} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {section.title}
              </h3>
              <dl className="mt-2 space-y-2">
                {section.rows.map((row) => (
                  <div key={row.description} className="flex items-center justify-between gap-4 text-sm">
                    <dt className="text-slate-700">{row.description}</dt>
                    <dd>
                      <Keys keys={row.keys} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </Dialog>
  );
}
