import { Bot } from "lucide-react";
import { TypingIndicator } from "@/components/pilot/chat/typing-indicator";

/** FlowPilot's reply while it streams: the typing indicator until the first words, then the words. */
export function ReplyInProgress({ text }: { text: string }) {
  return (
    <li className="flex justify-start gap-3" data-testid="reply-in-progress">
      <span aria-hidden className="mt-5 flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-100">
        <Bot className="size-4 text-indigo-700" />
      </span>
      <div className="flex max-w-[80%] flex-col items-start">
        <p className="mb-1 text-xs text-slate-500">
          <span className="font-medium text-slate-700">FlowPilot</span>
          {" · "}
          {text ? "replying…" : "thinking…"}
        </p>
        <div className="rounded-2xl rounded-tl-sm border border-slate-200 bg-white px-4 py-2.5 text-sm leading-relaxed whitespace-pre-wrap text-slate-800 shadow-sm">
          {text || <TypingIndicator />}
          {text && <span aria-hidden className="ml-0.5 inline-block h-4 w-1.5 translate-y-0.5 bg-indigo-400 motion-safe:animate-pulse" />}
        </div>
      </div>
    </li>
  );
}
