import { Lightbulb } from "lucide-react";
import { Card } from "@/components/ui/card";
import type { FactSourceKind } from "@/lib/generated/prisma/enums";

export type SessionFactRow = { id: string; text: string; sourceKind: FactSourceKind };

const sourceLabel: Record<FactSourceKind, string> = {
  engineer_note: "Engineer note",
  ai_promote: "Promoted from the chat",
  question: "Answer to a question",
  diagnostic_check: "Diagnostic check",
};

/** "What we know": the session's confirmed facts with where each came from. */
export function FactsList({ facts }: { facts: SessionFactRow[] }) {
  return (
    <Card aria-labelledby="facts-heading" className="p-4 sm:p-5">
      <h2 id="facts-heading" className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <Lightbulb aria-hidden className="size-4 text-slate-500" />
        What we know
      </h2>
      {facts.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">No facts confirmed yet.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {facts.map((fact) => (
            <li key={fact.id} className="border-l-2 border-indigo-200 pl-3">
              <p className="text-sm text-slate-800">{fact.text}</p>
              <p className="mt-0.5 text-xs text-slate-500">{sourceLabel[fact.sourceKind]}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
