"use client";

import { useId, useState } from "react";
import { ChevronDown, ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { GenerationView } from "@/lib/scripts/generate/generation-view";

const show = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** One recorded run: who, when, which version, its parameters (sensitive ones ••••), and its redacted script on demand. */
export function GenerationHistoryItem({ generation, showTemplate }: { generation: GenerationView; showTemplate: boolean }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const parameters = Object.entries(generation.parameters);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        {showTemplate && <span className="font-medium text-slate-900">{generation.template_name ?? "Deleted template"}</span>}
        {generation.template_version !== null && <Badge tone="indigo">v{generation.template_version}</Badge>}
        <span className="text-slate-700">{generation.created_by.name}</span>
        <RelativeTime date={generation.created_at} className="text-slate-500" />
        {generation.ai_session_id && <Badge tone="blue">in a session</Badge>}
      </div>
      {parameters.length > 0 && (
        <dl className="mt-2 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
          {parameters.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-mono text-slate-500">{name}</dt>
              <dd className="min-w-0 font-mono break-words text-slate-800">{show(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <Button variant="ghost" size="sm" className="mt-2 -ml-2 h-7 px-2 text-xs" aria-expanded={open} aria-controls={`${id}-script`} onClick={() => setOpen((current) => !current)}>
        {open ? <ChevronDown aria-hidden className="size-3.5" /> : <ChevronRight aria-hidden className="size-3.5" />}
        {open ? "Hide script" : "Show script"}
      </Button>
      {open && (
        <pre id={`${id}-script`} tabIndex={0} role="region" aria-label="Rendered script" className="mt-1 max-h-72 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs leading-relaxed whitespace-pre text-slate-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600">
          <code>{generation.rendered_script}</code>
        </pre>
      )}
    </li>
  );
}
