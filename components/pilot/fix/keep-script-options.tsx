"use client";

import { FileCode2, Sparkles, Wand2, type LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { Spinner } from "@/components/ui/spinner";

export type KeepDecision = "one_off" | "draft_template" | "build_template";

type Option = { decision: KeepDecision; title: string; description: string; icon: LucideIcon; recommended?: boolean; needsScript: boolean };

const OPTIONS: Option[] = [
  { decision: "one_off", title: "One-off", description: "Run it for this ticket only. Nothing is added to the library.", icon: FileCode2, needsScript: true },
  {
    decision: "draft_template",
    title: "Draft template",
    description: "Run it now; FlowPilot drafts a team template from it with the customer-specific values as parameters, for you to review after you resolve.",
    icon: Sparkles,
    recommended: true,
    needsScript: true,
  },
  { decision: "build_template", title: "Build template", description: "Open the script builder with this session and fix loaded, and shape a template with the AI.", icon: Wand2, needsScript: false },
];

type Props = {
  hasScript: boolean;
  pending: KeepDecision | null;
  onChoose: (decision: KeepDecision) => void;
};

/** D2's three paths for a fix's script, the draft template marked as the one to pick by default. */
export function KeepScriptOptions({ hasScript, pending, onChoose }: Props) {
  return (
    <ul className="grid gap-2 sm:grid-cols-3">
      {OPTIONS.map((option) => {
        const Icon = option.icon;
        const blocked = option.needsScript && !hasScript;
        return (
          <li key={option.decision} className="flex">
            <button
              type="button"
              onClick={() => onChoose(option.decision)}
              disabled={pending !== null || blocked}
              aria-label={option.recommended ? `${option.title} (recommended)` : option.title}
              aria-describedby={`keep-${option.decision}-description`}
              className={cn(
                "flex w-full flex-col items-start gap-1.5 rounded-lg border p-3 text-left transition-colors disabled:cursor-not-allowed disabled:opacity-60",
                option.recommended ? "border-indigo-300 bg-indigo-50/60 hover:bg-indigo-50" : "border-slate-200 bg-white hover:bg-slate-50",
                focusRing,
              )}
            >
              <span className="flex w-full flex-wrap items-center gap-1.5 text-sm font-semibold text-slate-900">
                {pending === option.decision ? <Spinner /> : <Icon aria-hidden className="size-4 text-indigo-600" />}
                {option.title}
                {option.recommended && <Badge tone="indigo">Recommended</Badge>}
              </span>
              <span id={`keep-${option.decision}-description`} className="text-xs leading-relaxed text-slate-600">
                {blocked ? "Write or paste the script above first." : option.description}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
