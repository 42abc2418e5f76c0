"use client";

import { useState, type ComponentProps } from "react";
import { Eye, EyeOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/text-input";

type Props = Omit<ComponentProps<"input">, "value" | "onChange" | "type"> & {
  value: string;
  numeric?: boolean;
  onChange: (value: string) => void;
};

/**
 * A password box with a show/hide toggle, for sensitive parameters. The browser is asked not to
 * remember or autofill it: these are one-off values for a customer's system, not the user's own.
 */
export function SecretInput({ value, numeric, onChange, id, disabled, ...props }: Props) {
  const [shown, setShown] = useState(false);
  return (
    <div className="relative">
      <TextInput
        {...props}
        id={id}
        disabled={disabled}
        type={shown ? "text" : "password"}
        inputMode={numeric ? "decimal" : undefined}
        value={value}
        autoComplete="new-password"
        spellCheck={false}
        data-1p-ignore
        data-lpignore="true"
        className="pr-10 font-mono"
        onChange={(event) => onChange(event.target.value)}
      />
      <Button
        variant="ghost"
        size="icon"
        className="absolute top-0 right-0 size-9"
        disabled={disabled}
        aria-pressed={shown}
        aria-label={shown ? "Hide value" : "Show value"}
        aria-controls={id}
        onClick={() => setShown((current) => !current)}
      >
        {shown ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
      </Button>
    </div>
  );
}
