import Link from "next/link";
import { Inbox, Plus, Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = { canWrite: boolean; pendingDrafts: number };

/** The Scripts section's way to its other pages: the draft queue, the builder, a new template. */
export function ScriptsHeaderActions({ canWrite, pendingDrafts }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button asChild variant="secondary">
        <Link href="/scripts/drafts">
          <Inbox aria-hidden className="size-4" />
          Drafts
          {pendingDrafts > 0 && (
            <span className="rounded-full bg-indigo-100 px-1.5 text-xs font-semibold text-indigo-800">
              {pendingDrafts}
              <span className="sr-only"> waiting for review</span>
            </span>
          )}
        </Link>
      </Button>
      {canWrite && (
        <>
          <Button asChild variant="secondary">
            <Link href="/scripts/builder">
              <Sparkles aria-hidden className="size-4" />
              Builder
            </Link>
          </Button>
          <Button asChild>
            <Link href="/scripts/templates/new">
              <Plus aria-hidden className="size-4" />
              New template
            </Link>
          </Button>
        </>
      )}
    </div>
  );
}
