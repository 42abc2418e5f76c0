import { Bot } from "lucide-react";
import { TypingIndicator } from "@/components/pilot/chat/typing-indicator";
import { MessageContent } from "@/components/script-builder/message-content";
import type { LiveReply } from "@/components/script-builder/use-builder-chat";

/** The builder's reply while it streams: dots until the first words, then the words (code included). */
export function BuilderReplyInProgress({ reply, compact }: { reply: LiveReply; compact?: boolean }) {
  return (
    <li className="flex justify-start gap-2.5" data-testid="builder-reply-in-progress">
      <span aria-hidden className="mt-5 flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100">
        <Bot className="size-4 text-indigo-700" />
      </span>
      <div className="flex max-w-[90%] min-w-0 flex-col items-start">
        <p className="mb-1 text-xs text-slate-500">
          <span className="font-medium text-slate-700">Script builder</span>
          {" · "}
          {reply.text ? "writing…" : "thinking…"}
        </p>
        <div className="max-w-full min-w-0 rounded-2xl rounded-tl-sm border border-slate-200 bg-white px-3.5 py-2.5 text-sm leading-relaxed text-slate-800 shadow-sm">
          {reply.text ? <MessageContent text={reply.text} compact={compact} /> : <TypingIndicator />}
        </div>
      </div>
    </li>
  );
}
