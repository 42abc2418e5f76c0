"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Spinner } from "@/components/ui/spinner";

type Props = {
  /** Owners and admins change account preferences; anyone else is told who can. */
  canOptOut: boolean;
  pending: boolean;
  error: string | null;
  onOptOut: () => void;
};

/**
 * "Don't ask again for this team" writes the account preference `templatize_prompt_enabled=false`,
 * which only owners and admins may change (SPEC A3/A5), so engineers get a pointer instead of a
 * button that would fail.
 */
export function TemplatizeOptOut({ canOptOut, pending, error, onOptOut }: Props) {
  if (!canOptOut) {
    return (
      <p className="text-xs text-slate-600">
        Skipped drafts wait in{" "}
        <Link href="/scripts/drafts" className="font-medium text-indigo-700 underline-offset-2 hover:underline">
          Draft templates
        </Link>
        . An owner or admin can stop these prompts for the team in Settings.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {error && <ErrorCallout>{error}</ErrorCallout>}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="ghost" size="sm" onClick={onOptOut} disabled={pending}>
          {pending && <Spinner />}
          Don&apos;t ask again for this team
        </Button>
        <span className="text-xs text-slate-600">Turn it back on under Settings → Script templates.</span>
      </div>
    </div>
  );
}
