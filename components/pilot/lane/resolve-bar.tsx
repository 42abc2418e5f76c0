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

function hint(fix: PilotFix | null): string {
  if (fix?.status === "applied_success") return "The fix worked. Review the resolution note and post it.";
  if (fix?.status === "applied_failed") return "The fix didn't work. Keep going, or escalate with a package for a senior.";
  return "Resolve once the problem is gone, or escalate with a package for a senior.";
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
  return (
    <Card aria-label="Resolve or escalate" className="p-4">
      <p className="text-sm text-slate-600">{hint(fix)}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button ref={resolveRef} data-command="resolve" onClick={() => onOpen("resolution_note")}>
          <CheckCircle2 aria-hidden className="size-4" />
          Resolve
        </Button>
        <Button ref={escalateRef} data-command="escalate" variant="secondary" onClick={() => onOpen("escalation_package")}>
          <ArrowUpRight aria-hidden className="size-4" />
          Escalate instead
        </Button>
      </div>
    </Card>
  );
}
