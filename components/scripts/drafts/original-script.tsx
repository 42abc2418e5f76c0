import { useId } from "react";

/** The script as it ran on the ticket, verbatim, for comparison with the templated body. */
export function OriginalScript({ script }: { script: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-2">
      <h3 id={id} className="flex min-h-8 items-center text-sm font-semibold text-slate-900">Original script</h3>
      <pre
        tabIndex={0}
        role="region"
        aria-label="Original script"
        className="max-h-72 overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
      >
        <code>{script}</code>
      </pre>
    </section>
  );
}
