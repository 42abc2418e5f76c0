import { formatAuditValue, preferenceLabels } from "@/lib/audit/audit-labels";
import type { AuditEventView } from "@/lib/audit/list-audit-events";

type Props = Pick<AuditEventView, "before" | "after">;

const fieldLabel = (key: string) => {
  const label = (preferenceLabels[key] ?? key.replaceAll("_", " ")).replace(/^the /, "");
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/** Before → after of each field an event recorded; a webhook replaced on the same host says so. */
export function AuditDiff({ before, after }: Props) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <p className="text-sm text-slate-600">No details were recorded.</p>;
  return (
    <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[minmax(8rem,auto)_1fr]">
      {keys.map((key) => {
        const was = formatAuditValue(before?.[key]);
        const now = formatAuditValue(after?.[key]);
        return (
          <div key={key} className="contents">
            <dt className="font-medium text-slate-700">{fieldLabel(key)}</dt>
            <dd className="min-w-0 break-words text-slate-900">
              <span className="sr-only">from </span>
              <del className="rounded bg-red-50 px-1 text-red-800 no-underline">{was}</del>
              <span aria-hidden className="px-1.5 text-slate-500">→</span>
              <span className="sr-only"> to </span>
              <ins className="rounded bg-emerald-50 px-1 text-emerald-800 no-underline">{now}</ins>
              {was === now && after && key in after && <span className="ml-1.5 text-slate-600">(a new URL on the same host)</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
