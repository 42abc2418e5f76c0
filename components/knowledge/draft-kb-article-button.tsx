"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { BookPlus } from "lucide-react";
import { draftKbArticleAction } from "@/app/(app)/knowledge/actions";
import { runForErrorMessage } from "@/components/ui/action-error-message";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";

const FORMATS = [
  { value: "troubleshooting", label: "Troubleshooting (symptoms, cause, resolution)" },
  { value: "procedural", label: "Procedure (numbered steps)" },
];

/** "Draft KB article" on a resolved session: drafts in the chosen format, then opens the editor. */
export function DraftKbArticleButton({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [format, setFormat] = useState<"troubleshooting" | "procedural">("troubleshooting");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function draft() {
    startTransition(async () => {
      let id: string | undefined;
      const failure = await runForErrorMessage(async () => {
        const result = await draftKbArticleAction({ id: sessionId, format });
        id = result?.data?.id;
        return result;
      });
      setError(failure);
      if (id) router.push(`/knowledge/${id}`);
    });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label htmlFor="kb-format" className="sr-only">
          Article format
        </label>
        <NativeSelect id="kb-format" options={FORMATS} value={format} onChange={(event) => setFormat(event.target.value as typeof format)} disabled={pending} wrapperClassName="sm:w-80" />
        <Button type="button" onClick={draft} disabled={pending}>
          {pending ? <Spinner /> : <BookPlus aria-hidden className="size-4" />}
          {pending ? "Drafting…" : "Draft KB article"}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
