"use client";

import { useRef } from "react";
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PsaTextField } from "@/components/settings/psa-text-field";
import { useHydrated } from "@/components/settings/use-hydrated";

type Props = {
  id: string;
  name: "public_key" | "private_key";
  label: string;
  /** The stored key's last 4 characters; null when none is stored (or it can't be read). */
  last4: string | null;
  value: string;
  onChange: (value: string) => void;
  replacing: boolean;
  onReplacingChange: (replacing: boolean) => void;
  error?: string;
};

/**
 * An API key: a password box, or, once a key is stored, "••••1234 stored" with a way to replace it.
 * The stored key itself never reaches the browser; a blank box on save keeps it.
 */
export function PsaKeyField({ id, name, label, last4, value, onChange, replacing, onReplacingChange, error }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const hydrated = useHydrated();
  if (last4 && !replacing) {
    return (
      <div className="min-w-0">
        <p className="text-sm font-medium text-slate-900" id={`${id}-label`}>
          {label}
        </p>
        <div className="mt-1.5 flex flex-wrap items-center gap-2">
          <span className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-200 bg-slate-50 px-3 font-mono text-sm text-slate-700">
            <KeyRound aria-hidden className="size-4 text-slate-400" />
            ••••{last4} stored
          </span>
          <Button
            variant="secondary"
            size="sm"
            disabled={!hydrated}
            onClick={() => {
              onReplacingChange(true);
              requestAnimationFrame(() => inputRef.current?.focus());
            }}
          >
            Replace<span className="sr-only"> {label.toLowerCase()}</span>
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="min-w-0">
      <PsaTextField
        ref={inputRef}
        id={id}
        name={name}
        label={label}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        hint={last4 ? `Leave empty to keep the stored key (••••${last4}).` : undefined}
        error={error}
      />
      {last4 && (
        <Button
          variant="ghost"
          size="sm"
          className="mt-1"
          onClick={() => {
            onChange("");
            onReplacingChange(false);
          }}
        >
          Keep the stored key<span className="sr-only"> ({label.toLowerCase()})</span>
        </Button>
      )}
    </div>
  );
}
