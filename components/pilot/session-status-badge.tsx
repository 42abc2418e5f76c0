import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SessionStatus } from "@/lib/generated/prisma/enums";

const statusDisplay: Record<SessionStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "blue" },
  parked: { label: "Parked", tone: "amber" },
  escalated: { label: "Escalated", tone: "red" },
  requesting_escalation: { label: "Escalation requested", tone: "orange" },
  resolved: { label: "Resolved", tone: "green" },
};

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
