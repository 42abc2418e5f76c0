import { cn } from "@/components/ui/cn";
import { splitBody } from "@/components/scripts/drafts/body-references";

type Props = {
  body: string;
  /** Declared parameter names; a reference to anything else is marked as a problem. */
  declared: readonly string[];
  label: string;
  className?: string;
};

/**
 * A template body in a code block with each `{{parameter}}` highlighted: declared ones in
 * indigo, undeclared ones in red with an explanation for assistive technology.
 */
export function TemplatedBody({ body, declared, label, className }: Props) {
  const known = new Set(declared);
  return (
    <pre
      tabIndex={0}
      role="region"
      aria-label={label}
      className={cn(
        "max-h-72 overflow-auto rounded-lg border border-slate-800 bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100",
        "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-400",
        className,
      )}
    >
      <code>
        {splitBody(body).map((part, index) =>
          part.parameter === null ? (
            part.text
          ) : known.has(part.parameter) ? (
            <mark key={index} className="rounded bg-indigo-500/30 px-0.5 text-indigo-100" title={`Parameter ${part.parameter}`}>
              {part.text}
            </mark>
          ) : (
            <mark key={index} className="rounded bg-red-500/40 px-0.5 text-red-50 underline decoration-wavy" title="Not a declared parameter">
              {part.text}
              <span className="sr-only"> (not a declared parameter)</span>
            </mark>
          ),
        )}
      </code>
    </pre>
  );
}
