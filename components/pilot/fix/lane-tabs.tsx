"use client";

import { useState, type ReactNode } from "react";
import { Tabs } from "radix-ui";
import { ListChecks, Wand2 } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { InlineBuilderPanel } from "@/components/script-builder/inline-builder-panel";

type Tab = "lane" | "builder";

type Props = {
  sessionId: string;
  /** The fix the builder's Submit saves onto (D6); null when there is no fix it may still change. */
  builderFix: { id: string; title: string; script: string | null } | null;
  children: ReactNode;
};

const trigger = cn(
  "inline-flex flex-1 items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 transition-colors",
  "hover:text-slate-900 data-[state=active]:bg-white data-[state=active]:text-slate-900 data-[state=active]:shadow-sm",
  focusRing,
);

/**
 * K1: the right-hand column as two tabs — the task lane and the inline script builder (H4,
 * origin pilot_inline). Arrow keys move between the tabs (Radix). The builder mounts the first
 * time it is opened, so its get-or-create runs only for engineers who want it, and then stays
 * mounted (hidden) so a streaming reply or a half-written message survives a look at the lane.
 */
export function LaneTabs({ sessionId, builderFix, children }: Props) {
  const [tab, setTab] = useState<Tab>("lane");
  const [builderOpened, setBuilderOpened] = useState(false);

  function change(value: string) {
    const next: Tab = value === "builder" ? "builder" : "lane";
    if (next === "builder") setBuilderOpened(true);
    setTab(next);
  }

  return (
    <Tabs.Root value={tab} onValueChange={change} className="space-y-3">
      <Tabs.List aria-label="Task lane views" className="flex gap-1 rounded-lg bg-slate-100 p-1">
        <Tabs.Trigger value="lane" className={trigger}>
          <ListChecks aria-hidden className="size-4" />
          Task lane
        </Tabs.Trigger>
        <Tabs.Trigger value="builder" className={trigger}>
          <Wand2 aria-hidden className="size-4" />
          Script builder
        </Tabs.Trigger>
      </Tabs.List>
      {/* Force-mounted and hidden by hand: Radix would unmount the inactive panel and lose its state. */}
      <Tabs.Content value="lane" forceMount hidden={tab !== "lane"} tabIndex={-1} className="space-y-4 focus:outline-none">
        {children}
      </Tabs.Content>
      <Tabs.Content value="builder" forceMount hidden={tab !== "builder"} tabIndex={-1} className="focus:outline-none">
        {builderOpened && <InlineBuilderPanel sessionId={sessionId} fix={builderFix} />}
      </Tabs.Content>
    </Tabs.Root>
  );
}
