import { splitFencedBlocks } from "@/lib/script-builder/fenced-blocks";
import { cn } from "@/components/ui/cn";

type Props = { text: string; tone?: "light" | "dark"; compact?: boolean };

/**
 * A builder message: prose as text, fenced code as a monospace block that scrolls sideways. Read
 * with the same fence rules the server uses to pick out the script, so an unfinished fence while
 * the reply streams already shows as code. Never rendered as HTML.
 */
export function MessageContent({ text, tone = "light", compact = false }: Props) {
  const segments = splitFencedBlocks(text);
  return (
    <div className="space-y-2">
      {segments.map((segment, index) =>
        segment.kind === "prose" ? (
          <p key={index} className="whitespace-pre-wrap">
            {segment.text}
          </p>
        ) : (
          <pre
            key={index}
            tabIndex={0}
            role="region"
            aria-label={segment.info ? `Code (${segment.info})` : "Code"}
            className={cn(
              "overflow-auto rounded-md p-2.5 font-mono text-xs leading-relaxed focus-visible:outline-2 focus-visible:outline-indigo-400",
              compact ? "max-h-32" : "max-h-64",
              tone === "dark" ? "bg-indigo-800 text-indigo-50" : "bg-slate-900 text-slate-100",
            )}
          >
            <code>{segment.code}</code>
          </pre>
        ),
      )}
    </div>
  );
}
