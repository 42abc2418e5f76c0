"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { InlineStatus } from "@/components/ui/inline-status";
import type { NumberPreference, UrlPreference } from "@/components/settings/preference-keys";
import { usePreferenceSave } from "@/components/settings/use-preference-save";

type Props = {
  label: string;
  description: string;
  disabled: boolean;
  placeholder?: string;
} & (
  | { kind: "number"; name: NumberPreference; value: number | null; nullable: boolean }
  | { kind: "url"; name: UrlPreference; value: string | null; nullable: true }
);

function display(value: number | string | null) {
  return value === null ? "" : String(value);
}

/** A number or URL preference with its own Save; an empty box clears a nullable value. */
export function PreferenceField(props: Props) {
  const { name, label, description, disabled, placeholder, kind, value, nullable } = props;
  const [draft, setDraft] = useState(display(value));
  const { status, setStatus, save } = usePreferenceSave();
  const id = `pref-${name}`;
  const saving = status.kind === "saving";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = draft.trim();
    let next: number | string | null;
    if (!text) {
      if (!nullable) return setStatus({ kind: "error", message: `Enter a value for ${label.toLowerCase()}.` });
      next = null;
    } else if (kind === "number") {
      if (!/^-?\d+$/.test(text)) return setStatus({ kind: "error", message: "Enter a whole number." });
      next = Number(text);
    } else {
      next = text;
    }
    const saved = await save({ [name]: next });
    // Show what the server stored, not what was typed.
    if (saved) setDraft(display(saved[name]));
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="py-4">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <p id={`${id}-description`} className="mt-0.5 text-sm text-slate-600">
        {description}
      </p>
      <div className="mt-2 flex max-w-xl gap-2">
        <input
          id={id}
          name={name}
          type={kind === "number" ? "text" : "url"}
          inputMode={kind === "number" ? "numeric" : "url"}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          disabled={disabled}
          placeholder={placeholder}
          aria-describedby={`${id}-description`}
          aria-invalid={status.kind === "error" || undefined}
          className={cn(
            "h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500",
            "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 aria-invalid:border-red-400",
            kind === "number" && "max-w-40 tabular-nums",
            focusRing,
          )}
        />
        {!disabled && (
          <Button type="submit" variant="secondary" disabled={saving}>
            {saving ? "Saving…" : "Save"}
            {/* Names the button without an aria-label, so getByLabel(label) finds only the input. */}
            <span className="sr-only"> {label}</span>
          </Button>
        )}
      </div>
      <InlineStatus status={status} className="mt-1.5" />
    </form>
  );
}
