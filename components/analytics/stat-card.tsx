import { cn } from "@/components/ui/cn";

type Props = { label: string; value: string; hint?: string; className?: string };

/** One headline number, styled as a card; a `<div>` so it can group a dt/dd pair inside a `<dl>`. */
export function StatCard({ label, value, hint, className }: Props) {
  return (
    <div className={cn("rounded-xl border border-slate-200 bg-white p-4 shadow-sm", className)}>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {hint && <dd className="mt-1 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}
