import { Info } from "lucide-react";

type Props = { definition: string };

/** What the numbers measure and what they don't, straight from the API's metric_definition. */
export function MetricDefinitionNote({ definition }: Props) {
  return (
    <aside aria-label="About this metric" className="flex gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700">
      <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
      <p>{definition}</p>
    </aside>
  );
}
