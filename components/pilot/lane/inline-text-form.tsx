"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";
import { TextArea } from "@/components/ui/text-input";

type Props = {
  label: string;
  /** Show the label above the box (otherwise it is for screen readers only). */
  showLabel?: boolean;
  initialValue?: string;
  placeholder?: string;
  submitLabel: string;
  pendingLabel?: string;
  pending: boolean;
  error: string | null;
  /** Shown under the error, e.g. a fallback action. */
  errorAction?: ReactNode;
  onSubmit: (text: string) => void;
  onCancel: () => void;
  className?: string;
};

/**
 * A small text form that opens in place: focused on open, Enter submits, Shift+Enter adds a line,
 * Escape cancels. Validation is the server's (its message shows below), so nothing is checked here.
 */
export function InlineTextForm(props: Props) {
  const { label, showLabel, initialValue = "", placeholder, submitLabel, pendingLabel, pending, error, errorAction, onSubmit, onCancel } = props;
  const [text, setText] = useState(initialValue);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    const element = box.current;
    element?.focus();
    element?.setSelectionRange(element.value.length, element.value.length);
  }, []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onSubmit(text);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (!pending) onSubmit(text);
    }
  }

  return (
    <form onSubmit={handleSubmit} className={cn("space-y-2", props.className)} noValidate>
      <label htmlFor={id} className={showLabel ? "text-xs font-medium text-slate-700" : "sr-only"}>
        {label}
      </label>
      <TextArea
        ref={box}
        id={id}
        value={text}
        rows={2}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={handleKeyDown}
        readOnly={pending}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <ErrorCallout>
          {error}
          {errorAction && <div className="mt-2">{errorAction}</div>}
        </ErrorCallout>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending && <Spinner className="text-on-accent" />}
          {pending && pendingLabel ? pendingLabel : submitLabel}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
