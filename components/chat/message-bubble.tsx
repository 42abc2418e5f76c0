import type { ReactNode } from "react";
import { Bot } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** How much room a bubble takes: the pilot's wide chat, the builder's half page, the builder's side panel. */
export type BubbleDensity = "roomy" | "snug" | "compact";

const LAYOUT: Record<BubbleDensity, { row: string; column: string; body: string }> = {
  roomy: { row: "gap-3", column: "max-w-[80%]", body: "px-4" },
  snug: { row: "gap-2.5", column: "max-w-[85%]", body: "px-3.5" },
  compact: { row: "gap-2.5", column: "max-w-[90%]", body: "px-3.5" },
};

type Props = {
  from: "engineer" | "assistant";
  author: string;
  /** After the author: when it was sent, or what the assistant is doing. */
  meta: ReactNode;
  density?: BubbleDensity;
  testId?: string;
  children: ReactNode;
};

/** One chat message as a list item: the engineer on the right in indigo, the assistant on the left with its avatar. */
export function MessageBubble({ from, author, meta, density = "roomy", testId, children }: Props) {
  const fromEngineer = from === "engineer";
  const layout = LAYOUT[density];
  return (
    <li className={cn("flex", layout.row, fromEngineer ? "justify-end" : "justify-start")} data-testid={testId}>
      {!fromEngineer && (
        <span aria-hidden className="mt-5 flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100">
          <Bot className="size-4 text-indigo-700" />
        </span>
      )}
      <div className={cn("flex min-w-0 flex-col", layout.column, fromEngineer ? "items-end" : "items-start")}>
        <p className="mb-1 text-xs text-slate-500">
          <span className="font-medium text-slate-700">{author}</span>
          {" · "}
          {meta}
        </p>
        <div
          className={cn(
            "max-w-full min-w-0 rounded-2xl py-2.5 text-sm leading-relaxed whitespace-pre-wrap",
            layout.body,
            fromEngineer ? "rounded-tr-sm bg-indigo-600 text-white" : "rounded-tl-sm border border-slate-200 bg-white text-slate-800 shadow-sm",
          )}
        >
          {children}
        </div>
      </div>
    </li>
  );
}
