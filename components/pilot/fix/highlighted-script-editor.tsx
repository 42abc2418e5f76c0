"use client";

import { useId, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { findValueRanges, type DraftedValue } from "@/components/pilot/fix/fix-script-info";

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The proposed parameter values, marked wherever they occur in the script. */
  values: Record<string, DraftedValue>;
  disabled?: boolean;
  placeholder?: string;
};

// The textarea and the layer behind it must lay text out identically for the marks to sit under
// the right characters: same font, size, line height, padding, border and no wrapping.
const metrics = "m-0 border p-3 font-mono text-xs leading-5 whitespace-pre [tab-size:4]";

function marked(script: string, values: Record<string, DraftedValue>): ReactNode[] {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const range of findValueRanges(script, values)) {
    parts.push(script.slice(cursor, range.start));
    parts.push(
      <mark key={range.start} className="rounded-sm bg-amber-200/80 text-transparent ring-1 ring-amber-400">
        {script.slice(range.start, range.end)}
      </mark>,
    );
    cursor = range.end;
  }
  // A trailing newline would not get a line box of its own in the layer; the textarea gives it one.
  parts.push(`${script.slice(cursor)}\n`);
  return parts;
}

/**
 * A monospace script editor whose proposed parameter values show highlighted as the engineer edits:
 * a plain textarea over a layer that repeats the text invisibly with the values marked, scrolled
 * in step. The list under it names each value for people who can't see the highlight.
 */
export function HighlightedScriptEditor({ label, value, onChange, values, disabled, placeholder }: Props) {
  const id = useId();
  const layer = useRef<HTMLDivElement>(null);
  const present = Object.entries(values).filter(([name]) => findValueRanges(value, { [name]: values[name]! }).length > 0);

  function syncScroll(target: HTMLTextAreaElement) {
    if (!layer.current) return;
    layer.current.scrollTop = target.scrollTop;
    layer.current.scrollLeft = target.scrollLeft;
  }

  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <div className="relative mt-1.5 overflow-hidden rounded-md bg-white">
        <div ref={layer} aria-hidden className={cn(metrics, "pointer-events-none absolute inset-0 overflow-hidden border-transparent text-transparent")}>
          {marked(value, values)}
        </div>
        <textarea
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => syncScroll(event.currentTarget)}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          disabled={disabled}
          placeholder={placeholder}
          aria-describedby={present.length ? `${id}-values` : undefined}
          className={cn(
            metrics,
            "relative block h-56 w-full resize-y overflow-auto rounded-md border-slate-300 bg-transparent text-slate-900 placeholder:text-slate-500 disabled:cursor-not-allowed disabled:text-slate-500",
            focusRing,
          )}
        />
      </div>
      {present.length > 0 && (
        <p id={`${id}-values`} className="mt-1.5 text-xs text-slate-600">
          <span className="font-medium">Highlighted, proposed for this session: </span>
          {present.map(([name, proposed], index) => (
            <span key={name}>
              {index > 0 && ", "}
              <code className="rounded bg-amber-100 px-1 font-mono text-amber-900">{name}</code> = {String(proposed)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
