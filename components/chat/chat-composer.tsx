"use client";

import { useId, useState, type FormEvent, type KeyboardEvent, type Ref } from "react";
import { SendHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { TextArea } from "@/components/ui/text-input";
import type { SendResult } from "@/components/chat/post-chat-message";
import { measureMessage } from "@/components/chat/message-length";
import { MessageLengthCounter } from "@/components/chat/message-length-counter";
import { useAutosize } from "@/components/chat/use-autosize";

type Props = {
  busy: boolean;
  onSend: (message: string) => Promise<SendResult>;
  ref?: Ref<HTMLTextAreaElement>;
  /** The box's accessible name; each chat has its own, since two can share a page. */
  label: string;
  placeholder: string;
  /** The placeholder while a reply streams. */
  busyPlaceholder: string;
  className?: string;
};

/**
 * A chat's message box: Enter sends, Shift+Enter starts a new line; disabled while a reply
 * streams. It grows with the text up to a cap (a third of the screen, at most 12 lines), then
 * scrolls inside, so it never covers the conversation. Near the server's limit a counter shows
 * the room left; past it Send is off and says why. A message the server refused comes back into
 * the box with the server's reason underneath.
 */
export function ChatComposer({ busy, onSend, ref, label, placeholder, busyPlaceholder, className }: Props) {
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const box = useAutosize(text, ref);
  const { length, band } = measureMessage(text);
  const tooLong = band === "over";
  const counterId = `${id}-length`;

  async function submit() {
    const message = text.trim();
    if (!message || busy || tooLong) return;
    setText("");
    setError(null);
    const result = await onSend(message);
    if (!result.sent) {
      setText(message);
      setError(result.message);
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void submit();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form onSubmit={handleSubmit} className={cn("border-t border-slate-200 p-3", className)}>
      <label htmlFor={`${id}-message`} className="sr-only">
        {label}
      </label>
      <div className="flex items-end gap-2">
        <TextArea
          ref={box}
          id={`${id}-message`}
          name="message"
          data-command="focus-chat"
          rows={2}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={handleKeyDown}
          disabled={busy}
          placeholder={busy ? busyPlaceholder : placeholder}
          aria-describedby={band === "room" ? `${id}-hint` : `${id}-hint ${counterId}`}
          aria-invalid={tooLong || undefined}
          className="max-h-[min(33dvh,18rem)] min-h-11 flex-1 resize-none overflow-y-auto"
        />
        <Button type="submit" disabled={busy || !text.trim() || tooLong} aria-describedby={tooLong ? counterId : undefined} className="h-11">
          {busy ? <Spinner className="text-on-accent" /> : <SendHorizontal aria-hidden className="size-4" />}
          Send
        </Button>
      </div>
      <div className="mt-1.5 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          Enter sends · Shift+Enter for a new line
        </p>
        <MessageLengthCounter id={counterId} length={length} band={band} />
      </div>
      {error && <ErrorCallout className="mt-2">{error}</ErrorCallout>}
    </form>
  );
}
