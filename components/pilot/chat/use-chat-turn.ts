"use client";

import { useEffect, useRef, useState } from "react";
import type { TurnDone } from "@/components/pilot/pilot-types";
import { postChatMessage, REPLY_DROPPED, type SendResult } from "@/components/chat/post-chat-message";
import { readChatStream } from "@/components/chat/read-chat-stream";

/** A turn sent from this page, shown until the server's step list has caught up with it. */
export type LiveTurn = {
  key: number;
  message: string;
  sentAt: Date;
  reply: string;
  phase: "waiting" | "streaming" | "done" | "failed";
  error: string | null;
  /** The engineer's saved step (known from an error event). */
  engineerStepId: string | null;
  /** The assistant's saved step (known from the done event). */
  assistantStepId: string | null;
};

/**
 * B2 from the page: posts the message to the turn route and reads the event stream with fetch
 * (a server action can't stream). `onSettled` runs after `done` or `error`, with the result when
 * there is one, so the page can update the lane at once and resync from the server.
 * A refusal before streaming (404/403/409/422) sends nothing and returns the server's message.
 */
export function useChatTurn(sessionId: string, onSettled: (result: TurnDone | null) => void) {
  const [turns, setTurns] = useState<LiveTurn[]>([]);
  const counter = useRef(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  async function send(message: string): Promise<SendResult> {
    const key = ++counter.current;
    const patch = (change: Partial<LiveTurn> | ((turn: LiveTurn) => Partial<LiveTurn>)) =>
      setTurns((list) => list.map((turn) => (turn.key === key ? { ...turn, ...(typeof change === "function" ? change(turn) : change) } : turn)));
    const drop = () => setTurns((list) => list.filter((turn) => turn.key !== key));
    setTurns((list) => [
      ...list,
      { key, message, sentAt: new Date(), reply: "", phase: "waiting", error: null, engineerStepId: null, assistantStepId: null },
    ]);

    const controller = new AbortController();
    abort.current = controller;
    const posted = await postChatMessage(`/api/v1/ai-sessions/${sessionId}/turns`, { message, signal: controller.signal });
    if ("refused" in posted) {
      drop();
      return { sent: false, message: posted.refused };
    }

    let result: TurnDone | null = null;
    try {
      const finished = await readChatStream(posted.stream, {
        savedIdKey: "engineer_step_id",
        onDelta: (text) => patch((turn) => ({ phase: "streaming", reply: turn.reply + text })),
        onDone: (done: TurnDone) => {
          result = done;
          patch({ phase: "done", reply: done.prose, assistantStepId: done.step_id });
        },
        onError: (error) => patch({ phase: "failed", error: error.message, engineerStepId: error.engineer_step_id ?? null }),
      });
      if (!finished) patch({ phase: "failed", error: REPLY_DROPPED });
    } catch {
      if (controller.signal.aborted) return { sent: true };
      patch({ phase: "failed", error: REPLY_DROPPED });
    }
    onSettled(result);
    return { sent: true };
  }

  const busy = turns.some((turn) => turn.phase === "waiting" || turn.phase === "streaming");
  return { turns, busy, send };
}
