"use client";

import { useEffect, useRef, useState } from "react";
import type { ScriptParameters } from "@/lib/script-builder/script-extraction";
import { readBuilderStream } from "@/components/script-builder/builder-stream";
import type { BuilderMessage, BuilderSnapshot } from "@/components/script-builder/builder-types";

export type SendResult = { sent: true } | { sent: false; message: string };
export type LiveReply = { text: string; phase: "waiting" | "streaming" };

const DROPPED = "The reply stopped before it finished. Your message is saved; reload the page to see what else was.";
const UNREACHABLE = "FlowPilot could not be reached, so the message was not sent. Check your connection and try again.";

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
    let response: Response;
    try {
      response = await fetch(`/api/v1/script-builder/sessions/${initial.id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ message }),
        signal: controller.signal,
      });
    } catch {
      takeBack();
      setLive(null);
      return { sent: false, message: UNREACHABLE };
    }
    if (!response.ok || !response.body) {
      takeBack();
      setLive(null);
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      return { sent: false, message: body?.error?.message ?? `The message was not sent (HTTP ${response.status}). Try again.` };
    }

    const fail = (reason: string) => setFailures((all) => ({ ...all, [localId]: reason }));
    try {
      const finished = await readBuilderStream(response.body, {
        onDelta: (text) => setLive((current) => ({ text: (current?.text ?? "") + text, phase: "streaming" })),
        onDone: (done) => {
          setMessages((list) => [...list, done.message]);
          setScript(done.current_script);
          setParameters(done.current_parameters);
        },
        onError: (error) => fail(error.message),
      });
      if (!finished) fail(DROPPED);
    } catch {
      if (!controller.signal.aborted) fail(DROPPED);
    }
    setLive(null);
    onSettled?.();
    return { sent: true };
  }

  return { messages, failures, live, busy: live !== null, script, parameters, send };
}
