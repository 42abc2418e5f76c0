"use client";

import { Download, ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type Props = { script: string; fileName: string; templateVersion: number | null; hasSensitive: boolean };

/** Saves `text` as `fileName` through a Blob link, so nothing leaves the browser again. */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; some browsers read the URL asynchronously.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The rendered script of a run, with Copy and Download; the only place its sensitive values show. */
export function GeneratedScript({ script, fileName, templateVersion, hasSensitive }: Props) {
  return (
    <section aria-label="Generated script" className="rounded-lg border border-slate-200 bg-slate-50">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <p className="min-w-0 truncate font-mono text-xs text-slate-600">
          {fileName}
          {templateVersion !== null && <span className="text-slate-500"> · template v{templateVersion}</span>}
        </p>
        <div className="flex items-center gap-1">
          <CopyButton text={script} />
          <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" onClick={() => download(script, fileName)}>
            <Download aria-hidden className="size-3.5" />
            Download
          </Button>
        </div>
      </div>
      <pre tabIndex={0} role="region" aria-label={`Script ${fileName}`} className="max-h-96 overflow-auto p-3 font-mono text-xs leading-relaxed whitespace-pre text-slate-900 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600">
        <code>{script}</code>
      </pre>
      {hasSensitive && (
        <p className="flex items-start gap-1.5 border-t border-slate-200 px-3 py-2 text-xs text-amber-800">
          <ShieldAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          Sensitive values appear only here, now. The saved run, the history and the session&apos;s notes show them as ••••.
        </p>
      )}
    </section>
  );
}
