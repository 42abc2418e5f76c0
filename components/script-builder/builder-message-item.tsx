import { Bot, FileInput } from "lucide-react";
import { isStartingContext } from "@/lib/script-builder/starting-context";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import { TurnErrorNotice } from "@/components/pilot/chat/turn-error";
import { MessageContent } from "@/components/script-builder/message-content";
import type { BuilderMessage } from "@/components/script-builder/builder-types";

type Props = { message: BuilderMessage; failure?: string; compact?: boolean };

/** One builder message: the engineer on the right, the builder on the left, a starting context as a folded card. */
export function BuilderMessageItem({ message, failure, compact }: Props) {
  if (isStartingContext(message)) {
    return (
      <li>
        <details className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          <summary className="flex cursor-pointer items-center gap-2 font-medium text-slate-800">
            <FileInput aria-hidden className="size-4 text-slate-500" />
            Started from a pilot session and its suggested fix
          </summary>
          <div className="mt-2">
            <MessageContent text={message.content.split("\n").slice(1).join("\n")} compact={compact} />
          </div>
        </details>
      </li>
    );
  }
  const mine = message.role === "user";
  return (
    <>
      <li className={cn("flex gap-2.5", mine ? "justify-end" : "justify-start")}>
        {!mine && (
          <span aria-hidden className="mt-5 flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100">
            <Bot className="size-4 text-indigo-700" />
          </span>
        )}
        <div className={cn("flex min-w-0 flex-col", compact ? "max-w-[90%]" : "max-w-[85%]", mine ? "items-end" : "items-start")}>
          <p className="mb-1 text-xs text-slate-500">
            <span className="font-medium text-slate-700">{mine ? "You" : "Script builder"}</span>
            {" · "}
            <RelativeTime date={message.created_at} />
          </p>
          <div
            className={cn(
              "max-w-full min-w-0 rounded-2xl px-3.5 py-2.5 text-sm leading-relaxed",
              mine ? "rounded-tr-sm bg-indigo-600 text-white" : "rounded-tl-sm border border-slate-200 bg-white text-slate-800 shadow-sm",
            )}
          >
            <MessageContent text={message.content} tone={mine ? "dark" : "light"} compact={compact} />
          </div>
        </div>
      </li>
      {failure && <TurnErrorNotice message={failure} />}
    </>
  );
}
