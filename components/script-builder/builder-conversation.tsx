"use client";

import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { BuilderComposer } from "@/components/script-builder/builder-composer";
import { BuilderMessageItem } from "@/components/script-builder/builder-message-item";
import { BuilderReplyInProgress } from "@/components/script-builder/builder-reply-in-progress";
import type { BuilderMessage } from "@/components/script-builder/builder-types";
import type { LiveReply, SendResult } from "@/components/script-builder/use-builder-chat";

type Props = {
  messages: BuilderMessage[];
  failures: Record<string, string>;
  live: LiveReply | null;
  busy: boolean;
  onSend: (message: string) => Promise<SendResult>;
  /** The inline panel's smaller version. */
  compact?: boolean;
  className?: string;
};

/**
 * The builder's conversation with its composer. Follows the newest words while the reader is at
 * the bottom, and leaves them be once they scroll up to read; hands the keyboard back to the
 * composer when a reply finishes.
 */
export function BuilderConversation({ messages, failures, live, busy, onSend, compact, className }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const pinned = useRef(true);

  useEffect(() => {
    const element = scroller.current;
    const content = element?.firstElementChild;
    if (!element || !content) return;
    const follow = () => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    };
    const observer = new ResizeObserver(follow);
    observer.observe(element);
    observer.observe(content);
    follow();
    return () => observer.disconnect();
  }, []);

  const sent = useRef(false);
  useEffect(() => {
    if (!busy && sent.current) composer.current?.focus();
  }, [busy]);

  function handleScroll() {
    const element = scroller.current;
    if (element) pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
  }

  function send(message: string) {
    pinned.current = true;
    sent.current = true;
    return onSend(message);
  }

  return (
    <div className={cn("flex min-h-0 flex-col", className)}>
      <div ref={scroller} onScroll={handleScroll} className={cn("min-h-0 flex-1 overflow-y-auto", compact ? "px-3 py-3" : "px-4 py-4")}>
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
              {live && <BuilderReplyInProgress reply={live} compact={compact} />}
            </ol>
          )}
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {busy ? "The script builder is writing…" : ""}
      </p>
      <BuilderComposer ref={composer} busy={busy} onSend={send} />
    </div>
  );
}
