"use client";

import type { ReactNode } from "react";
import { MessagesSquare } from "lucide-react";
import { Card } from "@/components/ui/card";
import { focusRing } from "@/components/ui/focus-ring";
import { ChatComposer } from "@/components/chat/chat-composer";
import type { SendResult } from "@/components/chat/post-chat-message";
import { ReplyInProgress } from "@/components/chat/reply-in-progress";
import { TurnErrorNotice } from "@/components/chat/turn-error-notice";
import { useChatScroll } from "@/components/chat/use-chat-scroll";
import { ChatBubble, type SessionStep } from "@/components/pilot/chat-bubble";
import type { LiveTurn } from "@/components/pilot/chat/use-chat-turn";

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
  const { scroller, composer, onScroll, markSent } = useChatScroll(busy);
  const saved = new Set(steps.map((step) => step.id));
  const failures = new Map(turns.filter((turn) => turn.engineerStepId && turn.error).map((turn) => [turn.engineerStepId!, turn.error!]));
  const live = turns.filter(
    (turn) => !(turn.assistantStepId && saved.has(turn.assistantStepId)) && !(turn.engineerStepId && saved.has(turn.engineerStepId)),
  );
  const lastReply = turns.at(-1);

  function send(message: string) {
    markSent();
    return onSend(message);
  }

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
      {/* Focusable, so a keyboard can scroll a long conversation. */}
      <div
        ref={scroller}
        onScroll={onScroll}
        role="region"
        aria-label="Chat history"
        tabIndex={0}
        className={`min-h-0 flex-1 overflow-y-auto px-4 py-4 -outline-offset-2 sm:px-5 ${focusRing}`}
      >
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
      <ChatComposer
        ref={composer}
        busy={busy}
        onSend={send}
        label="Message FlowPilot"
        placeholder="Describe what you see or what you tried…"
        busyPlaceholder="FlowPilot is replying…"
        className="sm:p-4"
      />
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
      {(turn.phase === "waiting" || turn.phase === "streaming") && (
        <ReplyInProgress author="FlowPilot" writing="replying…" started={turn.reply !== ""} testId="reply-in-progress">
          {turn.reply}
          <span aria-hidden className="ml-0.5 inline-block h-4 w-1.5 translate-y-0.5 bg-indigo-400 motion-safe:animate-pulse" />
        </ReplyInProgress>
      )}
      {turn.phase === "done" && (
        <ChatBubble step={{ id: `live-reply-${turn.key}`, kind: "assistant_message", content: turn.reply, createdAt: turn.sentAt, user: null }} />
      )}
      {turn.phase === "failed" && turn.error && <TurnErrorNotice message={turn.error} />}
    </>
  );
}
