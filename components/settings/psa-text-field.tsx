import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field-error";
import { TextInput } from "@/components/ui/text-input";

type Props = Omit<ComponentProps<"input">, "id"> & { id: string; label: string; hint?: string; error?: string; wrapperClassName?: string };

/** A labelled text box of the PSA connection form, with its hint and the server's message for it. */
export function PsaTextField({ id, label, hint, error, wrapperClassName, ...input }: Props) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("min-w-0", wrapperClassName)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <TextInput id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="mt-1.5" {...input} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
