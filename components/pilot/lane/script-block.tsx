import { CopyButton } from "@/components/ui/copy-button";

/**
 * The fix's script in a monospace block, with copy. Long lines scroll sideways inside the block
 * (never wrapping code, never widening the page); the block takes focus so keyboards can scroll it.
 */
export function ScriptBlock({ script }: { script: string }) {
  return (
    <figure className="mt-3 max-w-full min-w-0 overflow-hidden rounded-lg border border-slate-800 bg-slate-900">
      <figcaption className="flex items-center justify-between border-b border-slate-700 py-1 pr-1 pl-3 text-xs font-medium text-slate-300">
        Script
        <span className="[&_button]:text-slate-300 [&_button:hover]:bg-slate-700 [&_button:hover]:text-white">
          <CopyButton text={script} label="Copy script" />
        </span>
      </figcaption>
      <pre
        tabIndex={0}
        role="region"
        aria-label="Script"
        className="max-h-64 overflow-auto p-3 font-mono text-xs leading-relaxed whitespace-pre text-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-400"
      >
        <code>{script}</code>
      </pre>
    </figure>
  );
}
