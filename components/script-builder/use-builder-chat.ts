"use client";

import { useEffect, useRef, useState } from "react";
import type { ScriptParameters } from "@/lib/script-builder/script-extraction";
import { postChatMessage, REPLY_DROPPED, type SendResult } from "@/components/chat/post-chat-message";
import { readChatStream } from "@/components/chat/read-chat-stream";
import type { BuilderDone, BuilderMessage, BuilderSnapshot } from "@/components/script-builder/builder-types";

export type LiveReply = { text: string; phase: "waiting" | "streaming" };

/** A `done` without the saved reply is of no use to the chat; it is skipped as malformed. */
const hasMessage = (data: Record<string, unknown>) => !!data.message && typeof data.message === "object";

/**
 * H4 from the page: posts a message to the builder's messages route and reads the reply stream
 * with fetch (a server action can't stream). The engineer's message shows at once; a refusal
 * before streaming (404/403/422) takes it back and returns the server's reason; a failed reply
 * keeps it with the reason under it. The current script follows each `done`; `onSettled` runs
 * after a reply finished or failed (the standalone page refreshes to pick up a new title).
 */
export function useBuilderChat(initial: BuilderSnapshot, onSettled?: () => void) {
  const [messages, setMessages] = useState<BuilderMessage[]>(initial.messages);
  const [failures, setFailures] = useState<Record<string, string>>({});
  const [live, setLive] = useState<LiveReply | null>(null);
  const [script, setScript] = useState<string | null>(initial.current_script);
  const [parameters, setParameters] = useState<ScriptParameters | null>(initial.current_parameters);
  const counter = useRef(0);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  async function send(message: string): Promise<SendResult> {
    const localId = `local-${++counter.current}`;
    setMessages((list) => [...list, { id: localId, role: "user", content: message, created_at: new Date() }]);
    const takeBack = () => setMessages((list) => list.filter((item) => item.id !== localId));
    setLive({ text: "", phase: "waiting" });

    const controller = new AbortController();
    abort.current = controller;
    const posted = await postChatMessage(`/api/v1/script-builder/sessions/${initial.id}/messages`, { message, signal: controller.signal });
    if ("refused" in posted) {
      takeBack();
      setLive(null);
      return { sent: false, message: posted.refused };
    }

    const fail = (reason: string) => setFailures((all) => ({ ...all, [localId]: reason }));
    try {
      const finished = await readChatStream(posted.stream, {
        savedIdKey: "user_message_id",
        isDone: hasMessage,
        onDelta: (text) => setLive((current) => ({ text: (current?.text ?? "") + text, phase: "streaming" })),
        onDone: (done: BuilderDone) => {
          setMessages((list) => [...list, done.message]);
          setScript(done.current_script);
          setParameters(done.current_parameters);
        },
        onError: (error) => fail(error.message),
      });
      if (!finished) fail(REPLY_DROPPED);
    } catch {
      if (!controller.signal.aborted) fail(REPLY_DROPPED);
    }
    setLive(null);
    onSettled?.();
    return { sent: true };
  }

  return { messages, failures, live, busy: live !== null, script, parameters, send };
}

export type BuilderChat = ReturnType<typeof useBuilderChat>;
