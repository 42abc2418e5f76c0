import type { PsaNoteKind } from "@/lib/psa/provider";
import { Badge, type BadgeTone } from "@/components/ui/badge";

/** G7 note kinds as people name them in ConnectWise. */
export const noteKindLabel: Record<PsaNoteKind, string> = {
  internal_analysis: "Internal",
  customer_detail: "Discussion",
  resolution: "Resolution",
};

const tone: Record<PsaNoteKind, BadgeTone> = { internal_analysis: "amber", customer_detail: "blue", resolution: "green" };

export function NoteKindBadge({ kind }: { kind: PsaNoteKind }) {
  return <Badge tone={tone[kind]}>{noteKindLabel[kind]}</Badge>;
}
