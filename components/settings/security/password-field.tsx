import type { ComponentProps } from "react";
import { FieldError } from "@/components/ui/field-error";
import { TextInput } from "@/components/ui/text-input";

type Props = Omit<ComponentProps<"input">, "id" | "type"> & { id: string; label: string; hint?: string; error?: string };

/** A labelled password box with its rule and the server's message for it, linked for screen readers. */
export function PasswordField({ id, label, hint, error, ...input }: Props) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      <TextInput id={id} type="password" aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="mt-1" {...input} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
