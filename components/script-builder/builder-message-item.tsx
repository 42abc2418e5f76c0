import { FileInput } from "lucide-react";
import { isStartingContext } from "@/lib/script-builder/starting-context";
import { RelativeTime } from "@/components/ui/relative-time";
import { MessageBubble } from "@/components/chat/message-bubble";
import { TurnErrorNotice } from "@/components/chat/turn-error-notice";
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
      <MessageBubble
        from={mine ? "engineer" : "assistant"}
        author={mine ? "You" : "Script builder"}
        meta={<RelativeTime date={message.created_at} />}
        density={compact ? "compact" : "snug"}
      >
        <MessageContent text={message.content} tone={mine ? "dark" : "light"} compact={compact} />
      </MessageBubble>
      {failure && <TurnErrorNotice message={failure} />}
    </>
  );
}
