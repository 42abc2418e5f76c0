"use client";

import type { RefObject } from "react";
import { ArrowUpRight, CheckCircle2, Hourglass } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PilotFix } from "@/components/pilot/pilot-types";
import type { DocumentKindName } from "@/components/pilot/preview/preview-body";
import { PsaPostPanel } from "@/components/pilot/preview/psa-post-panel";
import type { PsaPostView } from "@/lib/psa/psa-post-view";

type Props = {
  fix: PilotFix | null;
  /** Escalated and waiting for a teammate to pick it up. */
  inTransit: boolean;
  resolveRef: RefObject<HTMLButtonElement | null>;
  escalateRef: RefObject<HTMLButtonElement | null>;
  onOpen: (kind: DocumentKindName) => void;
  /** The escalation package's latest PSA post, when the page read it; left out, the bar reads it itself. */
  psaPost?: PsaPostView | null;
};

type Primary = "resolve" | "escalate" | "neither";

/**
 * Which way out the state points to: Resolve once a fix is confirmed (fully or partly); Escalate
 * while nothing has fixed it; neither while a fix is being tried, when the fix card's own buttons
 * are the next step.
 */
function primaryAction(fix: PilotFix | null): Primary {
  if (fix?.status === "applied_success" || fix?.status === "applied_partial") return "resolve";
  if (fix?.status === "proposed") return "neither";
  return "escalate";
}

function hint(fix: PilotFix | null): string {
  switch (fix?.status) {
    case "applied_success":
      return "The fix worked. Review the resolution note and post it.";
    case "applied_partial":
      return "The fix partly worked. Resolve with a note of what is left, or escalate for the rest.";
    case "proposed":
      return fix.appliedAt ? "Record whether the fix worked; then resolve or escalate." : "Try the suggested fix first; then resolve or escalate.";
    case "applied_failed":
      return "The fix didn't work. Keep going, or escalate with a package for a senior.";
    default:
      return "Nothing has fixed it yet: escalate with a package for a senior, or resolve if the problem went away.";
  }
}

/** The lane's bottom: open the resolution note or the escalation package preview (E1/E2); once escalated, the package's PSA post (F1). */
export function ResolveBar({ fix, inTransit, resolveRef, escalateRef, onOpen, psaPost }: Props) {
  if (inTransit) {
    return (
      <Card aria-label="Escalation status" className="p-4" data-testid="waiting-for-pickup">
        <p className="flex items-center gap-2 text-sm font-medium text-amber-800">
          <Hourglass aria-hidden className="size-4" />
          Escalated — waiting for a teammate to pick it up
        </p>
        <p className="mt-1 text-sm text-slate-600">Your teammates have the package. Whoever picks it up carries on from here, with everything you recorded.</p>
        <PsaPostPanel kind="escalation_package" initial={psaPost} className="mt-2" />
      </Card>
    );
  }
  const primary = primaryAction(fix);
  return (
    <Card aria-label="Resolve or escalate" className="p-4">
      <p className="text-sm text-slate-600">{hint(fix)}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button ref={resolveRef} data-command="resolve" variant={primary === "resolve" ? "primary" : "secondary"} onClick={() => onOpen("resolution_note")}>
          <CheckCircle2 aria-hidden className="size-4" />
          Resolve
        </Button>
        <Button ref={escalateRef} data-command="escalate" variant={primary === "escalate" ? "primary" : "secondary"} onClick={() => onOpen("escalation_package")}>
          <ArrowUpRight aria-hidden className="size-4" />
          Escalate instead
        </Button>
      </div>
    </Card>
  );
}
