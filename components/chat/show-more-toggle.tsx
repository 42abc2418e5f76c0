import { ChevronDown, ChevronUp } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

type Props = { expanded: boolean; controls: string; onToggle: () => void };

/** "Show more" / "Show less" under a long message; a real button that says whether the text is open. */
export function ShowMoreToggle({ expanded, controls, onToggle }: Props) {
  const Icon = expanded ? ChevronUp : ChevronDown;
  return (
    <button
      type="button"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
      className={cn("mt-1 inline-flex items-center gap-1 rounded px-1 text-xs font-medium text-indigo-700 hover:text-indigo-900 hover:underline", focusRing)}
    >
      <Icon aria-hidden className="size-3.5" />
      {expanded ? "Show less" : "Show more"}
    </button>
  );
}
