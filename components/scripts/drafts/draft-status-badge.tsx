import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DraftView } from "@/lib/scripts/drafts/draft-view";

const stages: Record<DraftView["status"], { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending review", tone: "amber" },
  accepted: { label: "Accepted", tone: "green" },
  rejected: { label: "Rejected", tone: "neutral" },
};

/** Where a draft template stands in the H5 queue. */
export function DraftStatusBadge({ status }: { status: DraftView["status"] }) {
  const stage = stages[status];
  return <Badge tone={stage.tone}>{stage.label}</Badge>;
}
