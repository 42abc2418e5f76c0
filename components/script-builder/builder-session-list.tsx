import Link from "next/link";
import { ChevronRight } from "lucide-react";
import type { BuilderSessionView } from "@/lib/script-builder/builder-view";
import { builderLanguageOf } from "@/lib/script-builder/schemas";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { DeleteBuilderSessionButton } from "@/components/script-builder/delete-builder-session-button";
import { LANGUAGE_LABELS } from "@/components/script-builder/builder-types";

/** My standalone builder sessions, most recently touched first: title, language, updated, delete. */
export function BuilderSessionList({ sessions }: { sessions: BuilderSessionView[] }) {
  return (
    <Card className="overflow-hidden">
      <ul aria-label="My builder sessions" className="divide-y divide-slate-200">
        {sessions.map((session) => (
          <li key={session.id} className="flex items-center gap-2 pr-2 sm:pr-3">
            <Link
              href={`/scripts/builder/${session.id}`}
              className={`group flex min-w-0 flex-1 items-center gap-4 px-4 py-3.5 -outline-offset-2 hover:bg-slate-50 sm:px-5 ${focusRing}`}
            >
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="truncate font-medium text-slate-900 group-hover:text-indigo-700">{session.title}</span>
                  <Badge tone="indigo">{LANGUAGE_LABELS[builderLanguageOf(session.language)]}</Badge>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {session.current_script ? "Has a script" : "No script yet"} · Updated <RelativeTime date={session.updated_at} />
                </p>
              </div>
              <ChevronRight aria-hidden className="size-4 shrink-0 text-slate-400 group-hover:text-slate-600" />
            </Link>
            <DeleteBuilderSessionButton id={session.id} title={session.title} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
