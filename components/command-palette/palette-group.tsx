"use client";

import type { ReactNode } from "react";
import { Command } from "cmdk";

type Props = { heading: string; children: ReactNode; forceMount?: boolean };

/** A titled group of palette rows; cmdk hides it while none of its rows match. */
export function PaletteGroup({ heading, children, forceMount }: Props) {
  return (
    <Command.Group
      heading={heading}
      forceMount={forceMount}
      className="px-2 pb-2 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-slate-500 [&_[cmdk-group-heading]]:uppercase"
    >
      {children}
    </Command.Group>
  );
}
