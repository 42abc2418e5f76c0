"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { BUILDER_LANGUAGES, type BuilderLanguage } from "@/lib/script-builder/schemas";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { LANGUAGE_LABELS } from "@/components/script-builder/builder-types";
import { createBuilderSessionAction } from "@/app/(app)/scripts/builder/actions";

type Props = { used: number; max: number };

const OPTIONS = BUILDER_LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_LABELS[language] }));

/** "New builder session" with its language; at the cap the button is disabled and says why. */
export function NewBuilderSessionForm({ used, max }: Props) {
  const router = useRouter();
  const [language, setLanguage] = useState<BuilderLanguage>("powershell");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const full = used >= max;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (full || pending) return;
    setPending(true);
    setError(null);
    const result = await createBuilderSessionAction({ language }).catch((thrown: unknown) => {
      console.error(thrown);
      return undefined;
    });
    if (result?.data) {
      router.push(`/scripts/builder/${result.data.id}`);
      return; // stays pending until the session page replaces this one
    }
    setPending(false);
    setError(actionErrorMessage(result) ?? "The session was not created. Try again.");
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-2" aria-describedby={full ? "builder-cap-reached" : undefined}>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="builder-language" className="block text-sm font-medium text-slate-900">
            Language
          </label>
          <NativeSelect
            id="builder-language"
            wrapperClassName="mt-1 w-40"
            options={OPTIONS}
            value={language}
            onChange={(event) => setLanguage(event.target.value as BuilderLanguage)}
            disabled={full || pending}
          />
        </div>
        <Button type="submit" disabled={full || pending}>
          {pending ? <Spinner className="text-on-accent" /> : <Plus aria-hidden className="size-4" />}
          New builder session
        </Button>
      </div>
      {full ? (
        <p id="builder-cap-reached" className="text-sm text-amber-800">
          You have {max} builder sessions; that is the most you can keep. Delete one you no longer need to start another.
        </p>
      ) : (
        <p className="text-xs text-slate-500">
          {used} of {max} sessions used.
        </p>
      )}
      {error && <ErrorCallout>{error}</ErrorCallout>}
    </form>
  );
}
