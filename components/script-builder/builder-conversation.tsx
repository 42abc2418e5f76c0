"use client";

import { cn } from "@/components/ui/cn";
import { ChatComposer } from "@/components/chat/chat-composer";
import { ReplyInProgress } from "@/components/chat/reply-in-progress";
import { useChatScroll } from "@/components/chat/use-chat-scroll";
import { BuilderMessageItem } from "@/components/script-builder/builder-message-item";
import { MessageContent } from "@/components/script-builder/message-content";
import type { BuilderChat } from "@/components/script-builder/use-builder-chat";

type Props = {
  chat: Pick<BuilderChat, "messages" | "failures" | "live" | "busy" | "send">;
  /** The inline panel's smaller version. */
  compact?: boolean;
  className?: string;
};

/**
 * The builder's conversation with its composer. Follows the newest words while the reader is at
 * the bottom, and leaves them be once they scroll up to read; hands the keyboard back to the
 * composer when a reply finishes.
 */
export function BuilderConversation({ chat, compact, className }: Props) {
  const { messages, failures, live, busy } = chat;
  const { scroller, composer, onScroll, markSent } = useChatScroll(busy);

  function send(message: string) {
    markSent();
    return chat.send(message);
  }

  return (
    <div className={cn("flex min-h-0 flex-col", className)}>
      <div ref={scroller} onScroll={onScroll} className={cn("min-h-0 flex-1 overflow-y-auto", compact ? "px-3 py-3" : "px-4 py-4")}>
        <div>
          {messages.length === 0 && !live ? (
            <div className="mx-auto max-w-md rounded-lg border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-600">
              <p className="font-medium text-slate-800">Describe the script you need.</p>
              <p className="mt-1">Say what it should do and where it runs. The builder writes it and keeps the current version beside the chat.</p>
            </div>
          ) : (
            <ol className="space-y-4" aria-label="Builder messages">
              {messages.map((message) => (
                <BuilderMessageItem key={message.id} message={message} failure={failures[message.id]} compact={compact} />
              ))}
              {live && (
                <ReplyInProgress
                  author="Script builder"
                  writing="writing…"
                  started={live.text !== ""}
                  density={compact ? "compact" : "snug"}
                  testId="builder-reply-in-progress"
                >
                  <MessageContent text={live.text} compact={compact} />
                </ReplyInProgress>
              )}
            </ol>
          )}
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {busy ? "The script builder is writing…" : ""}
      </p>
      <ChatComposer
        ref={composer}
        busy={busy}
        onSend={send}
        label="Message the script builder"
        placeholder="Describe the script, or what to change…"
        busyPlaceholder="The builder is writing…"
      />
    </div>
  );
}
