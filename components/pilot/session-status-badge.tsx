import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

const statusDisplay: Record<SessionStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "blue" },
  parked: { label: "Parked", tone: "amber" },
  escalated: { label: "Escalated", tone: "red" },
  requesting_escalation: { label: "Escalation requested", tone: "orange" },
  resolved: { label: "Resolved", tone: "green" },
};

/**
 * L3: a resolved session whose linked ticket came back open in the PSA; its fix no longer counts
 * as having worked. The date is in the title for a pointer and in the label for a screen reader.
 */
export function ReopenedBadge({ reopenedAt }: { reopenedAt: Date | string }) {
  const when = new Date(reopenedAt).toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });
  return (
    <Badge tone="orange" data-testid="reopened-badge" title={`The linked ticket came back open on ${when}`}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      Reopened<span className="sr-only"> on {when}: the linked ticket came back open</span>
    </Badge>
  );
}

/** A session's status as a coloured pill; the legacy requesting_escalation reads as in transit too. */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { label, tone } = statusDisplay[status];
  return (
    <Badge tone={tone} data-status={status}>
      <span aria-hidden className="size-1.5 rounded-full bg-current" />
      {label}
    </Badge>
  );
}
