import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { FactSourceKind } from "@/lib/generated/prisma/enums";

const sources: Record<FactSourceKind, { label: string; tone: BadgeTone; title: string }> = {
  engineer_note: { label: "Engineer note", tone: "neutral", title: "Written by an engineer" },
  ai_promote: { label: "From chat", tone: "indigo", title: "Promoted by FlowPilot from the conversation" },
  question: { label: "Question", tone: "blue", title: "The answer to a question in the task lane" },
  diagnostic_check: { label: "Check", tone: "amber", title: "The result of a diagnostic check in the task lane" },
};

/** Where a fact came from (C1). */
export function FactSourceBadge({ kind }: { kind: FactSourceKind }) {
  const source = sources[kind];
  return (
    <Badge tone={source.tone} title={source.title}>
      {source.label}
    </Badge>
  );
}
