"use client";

import { useOptimistic, useTransition } from "react";
import { InlineStatus } from "@/components/ui/inline-status";
import { Switch } from "@/components/ui/switch";
import type { BooleanPreference } from "@/components/settings/preference-keys";
import { usePreferenceSave } from "@/components/settings/use-preference-save";

type Props = {
  name: BooleanPreference;
  label: string;
  description: string;
  value: boolean;
  disabled: boolean;
};

/** A yes/no preference that saves as soon as it is flipped; flips back if the server refuses. */
export function PreferenceSwitch({ name, label, description, value, disabled }: Props) {
  const [checked, setOptimisticChecked] = useOptimistic(value);
  const [pending, startTransition] = useTransition();
  const { status, save } = usePreferenceSave();
  const id = `pref-${name}`;

  function handleChange(next: boolean) {
    startTransition(async () => {
      setOptimisticChecked(next);
      // After the transition the switch shows the server's value again (revalidated page).
      await save({ [name]: next });
    });
  }

  return (
    <div className="flex items-start justify-between gap-6 py-4">
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        <p id={`${id}-description`} className="mt-0.5 text-sm text-slate-600">
          {description}
        </p>
        <InlineStatus status={status} className="mt-1.5" />
      </div>
      <Switch
        id={id}
        name={name}
        checked={checked}
        onCheckedChange={handleChange}
        disabled={disabled || pending}
        aria-describedby={`${id}-description`}
        className="mt-0.5"
      />
    </div>
  );
}
