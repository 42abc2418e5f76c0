"use client";

import type { ReactNode } from "react";
import { Bot } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { useCollapsible } from "@/components/chat/use-collapsible";
import { ShowMoreToggle } from "@/components/chat/show-more-toggle";

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
  /** Off for a reply that is still streaming: its newest words must stay in view. */
  collapsible?: boolean;
  children: ReactNode;
};

/**
 * One chat message as a list item: the engineer on the right in indigo, the assistant on the left
 * with its avatar. A long message shows its first dozen lines with "Show more", so one paste
 * doesn't push the rest of the conversation out of reach.
 */
export function MessageBubble({ from, author, meta, density = "roomy", testId, collapsible = true, children }: Props) {
  const fromEngineer = from === "engineer";
  const layout = LAYOUT[density];
  const { item, content, contentId, expanded, long, toggle } = useCollapsible(collapsible);
  const clipped = collapsible && !expanded;
  return (
    <li ref={item} className={cn("flex", layout.row, fromEngineer ? "justify-end" : "justify-start")} data-testid={testId}>
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
            "max-w-full min-w-0 rounded-2xl py-2.5 text-sm leading-relaxed whitespace-pre-wrap wrap-anywhere",
            layout.body,
            fromEngineer ? "rounded-tr-sm bg-indigo-600 text-on-accent" : "rounded-tl-sm border border-slate-200 bg-white text-slate-800 shadow-sm",
          )}
        >
          {/* About twelve lines of text-sm/relaxed; the toggle appears only when the text runs past them. */}
          <div id={contentId} ref={content} className={cn("relative", clipped && "max-h-68 overflow-hidden")}>
            {children}
            {clipped && long && (
              <span
                aria-hidden
                className={cn("pointer-events-none absolute inset-x-0 bottom-0 h-10 bg-linear-to-t", fromEngineer ? "from-indigo-600" : "from-white")}
              />
            )}
          </div>
        </div>
        {collapsible && long && <ShowMoreToggle expanded={expanded} controls={contentId} onToggle={toggle} />}
      </div>
    </li>
  );
}
