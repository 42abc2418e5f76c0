"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { MessagesSquare } from "lucide-react";
import { Card } from "@/components/ui/card";
import { ChatBubble, type SessionStep } from "@/components/pilot/chat-bubble";
import { Composer } from "@/components/pilot/chat/composer";
import { ReplyInProgress } from "@/components/pilot/chat/reply-in-progress";
import { TurnErrorNotice } from "@/components/pilot/chat/turn-error";
import type { LiveTurn, SendResult } from "@/components/pilot/chat/use-chat-turn";

type Props = {
  steps: SessionStep[];
  turns: LiveTurn[];
  busy: boolean;
  viewer: { id: string; name: string };
  onSend: (message: string) => Promise<SendResult>;
  /** Shown between the conversation and the composer (the outcome proposal, the [FORK] callout). */
  notice?: ReactNode;
};

/**
 * B2: the conversation with the composer. Server steps come first; turns sent from this page are
 * appended until a refresh brings their saved steps. A failed turn keeps the engineer's message
 * and shows the server's reason under it.
 */
export function ChatPanel({ steps, turns, busy, viewer, onSend, notice }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const saved = new Set(steps.map((step) => step.id));
  const failures = new Map(turns.filter((turn) => turn.engineerStepId && turn.error).map((turn) => [turn.engineerStepId!, turn.error!]));
  const live = turns.filter(
    (turn) => !(turn.assistantStepId && saved.has(turn.assistantStepId)) && !(turn.engineerStepId && saved.has(turn.engineerStepId)),
  );
  const lastReply = turns.at(-1);

  // Stay pinned to the newest message while the reader is at the bottom (new turns, streamed
  // words, a banner that shrinks the view); leave them be once they scroll up to read.
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

  function handleScroll() {
    const element = scroller.current;
    if (element) pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
  }

  function send(message: string) {
    pinned.current = true;
    return onSend(message);
  }

  // Hand the keyboard back to the composer once a reply has finished.
  useEffect(() => {
    if (!busy && turns.length > 0) composer.current?.focus();
  }, [busy, turns.length]);

  const engineerStep = (turn: LiveTurn): SessionStep => ({
    id: `live-${turn.key}`,
    kind: "engineer_message",
    content: turn.message,
    createdAt: turn.sentAt,
    user: viewer,
  });

  return (
    <Card aria-labelledby="conversation-heading" className="flex min-h-[28rem] flex-col lg:h-[calc(100dvh-13rem)]">
      <h2 id="conversation-heading" className="flex items-center gap-2 border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900 sm:px-5">
        <MessagesSquare aria-hidden className="size-4 text-slate-500" />
        Conversation
      </h2>
      <div ref={scroller} onScroll={handleScroll} className="min-h-0 flex-1 overflow-y-auto px-4 py-4 sm:px-5">
        <div>
          <ol className="space-y-4" aria-label="Messages">
            {steps.map((step) => (
              <StepWithFailure key={step.id} step={step} failure={failures.get(step.id)} />
            ))}
            {live.map((turn) => (
              <LiveTurnItems key={turn.key} turn={turn} engineerStep={engineerStep(turn)} />
            ))}
          </ol>
          {steps.length <= 1 && live.length === 0 && (
            <div className="mx-auto mt-4 max-w-md rounded-lg border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-600">
              <p className="font-medium text-slate-800">Tell FlowPilot what is going on.</p>
              <p className="mt-1">
                Describe the symptom, who is affected and what changed. Questions for the user and checks to run will appear in the
                task lane.
              </p>
            </div>
          )}
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {busy ? "FlowPilot is replying…" : lastReply?.phase === "done" ? "FlowPilot replied." : ""}
      </p>
      {notice}
      <Composer ref={composer} busy={busy} onSend={send} />
    </Card>
  );
}

function StepWithFailure({ step, failure }: { step: SessionStep; failure?: string }) {
  return (
    <>
      <ChatBubble step={step} />
      {failure && <TurnErrorNotice message={failure} />}
    </>
  );
}

function LiveTurnItems({ turn, engineerStep }: { turn: LiveTurn; engineerStep: SessionStep }) {
  return (
    <>
      <ChatBubble step={engineerStep} />
      {(turn.phase === "waiting" || turn.phase === "streaming") && <ReplyInProgress text={turn.reply} />}
      {turn.phase === "done" && (
        <ChatBubble step={{ id: `live-reply-${turn.key}`, kind: "assistant_message", content: turn.reply, createdAt: turn.sentAt, user: null }} />
      )}
      {turn.phase === "failed" && turn.error && <TurnErrorNotice message={turn.error} />}
    </>
  );
}
