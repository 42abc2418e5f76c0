import { FileCode2 } from "lucide-react";
import type { ScriptParameters } from "@/lib/script-builder/script-extraction";
import { scriptFileName } from "@/lib/script-builder/script-extraction";
import type { BuilderLanguage } from "@/lib/script-builder/schemas";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { DownloadScriptButton } from "@/components/script-builder/download-script-button";
import { LANGUAGE_LABELS } from "@/components/script-builder/builder-types";

type Props = {
  title: string;
  language: BuilderLanguage;
  script: string | null;
  parameters: ScriptParameters | null;
  compact?: boolean;
  className?: string;
};

/** The builder's current script, with Copy and Download, and the parameter values that go with it. */
export function CurrentScriptPanel({ title, language, script, parameters, compact, className }: Props) {
  return (
    <section aria-label="Current script" className={cn("flex min-h-0 flex-col", className)}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          <FileCode2 aria-hidden className="size-4 text-slate-500" />
          Current script
        </h3>
        <Badge tone="indigo">{LANGUAGE_LABELS[language]}</Badge>
      </div>
      {script ? (
        <figure className="mt-2 flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg border border-slate-800 bg-slate-900">
          <figcaption className="flex items-center justify-end gap-1 border-b border-slate-700 p-1 text-xs text-slate-300 [&_button]:text-slate-300 [&_button:hover]:bg-slate-700 [&_button:hover]:text-white">
            <CopyButton text={script} label="Copy" />
            <DownloadScriptButton script={script} fileName={scriptFileName(title, language)} />
          </figcaption>
          <pre
            tabIndex={0}
            role="region"
            aria-label="Builder script"
            data-testid="current-script"
            className={cn(
              "min-h-0 flex-1 overflow-auto p-3 font-mono text-xs leading-relaxed text-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-400",
              compact ? "max-h-56" : "max-h-[60vh] lg:max-h-none",
            )}
          >
            <code>{script}</code>
          </pre>
        </figure>
      ) : (
        <p className="mt-2 rounded-lg border border-dashed border-slate-300 px-3 py-4 text-sm text-slate-600">
          No script yet. Describe what it should do, and the builder writes it here.
        </p>
      )}
      {script && parameters && (
        <div className="mt-3">
          <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Values for this run</h4>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {Object.entries(parameters).map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="font-mono text-xs leading-5 text-slate-600">{name}</dt>
                <dd className="min-w-0 font-mono text-xs leading-5 break-all text-slate-900">{String(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </section>
  );
}
