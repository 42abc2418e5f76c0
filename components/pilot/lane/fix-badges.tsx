import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PilotFix } from "@/components/pilot/pilot-types";

/** D1: how sure the model is (0–100). */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const tone: BadgeTone = confidence >= 75 ? "green" : confidence >= 50 ? "amber" : "neutral";
  return <Badge tone={tone}>{confidence}% confidence</Badge>;
}

/** Where the fix stands (D3/D4): applied but without an outcome reads "Verifying". */
export function fixStage(fix: Pick<PilotFix, "status" | "appliedAt">): { label: string; tone: BadgeTone } {
  switch (fix.status) {
    case "applied_success":
      return { label: "Worked", tone: "green" };
    case "applied_failed":
      return { label: "Didn't work", tone: "red" };
    case "applied_partial":
      return { label: "Partly worked", tone: "orange" };
    case "dismissed":
      return { label: "Dismissed", tone: "neutral" };
    default:
      return fix.appliedAt ? { label: "Verifying", tone: "blue" } : { label: "Proposed", tone: "amber" };
  }
}

export function FixStageBadge({ fix }: { fix: Pick<PilotFix, "status" | "appliedAt"> }) {
  const stage = fixStage(fix);
  return (
    <Badge tone={stage.tone} data-testid="fix-stage">
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {stage.label}
    </Badge>
  );
}
