"use client";

import { Command } from "cmdk";
import { LifeBuoy, MessagesSquare } from "lucide-react";
import { PALETTE_SESSION_LIMIT, type PaletteSession } from "@/lib/command-palette/schemas";
import { Spinner } from "@/components/ui/spinner";
import { SessionStatusBadge } from "@/components/pilot/session-status-badge";
import { PaletteGroup } from "@/components/command-palette/palette-group";
import type { SessionSearch } from "@/components/command-palette/use-session-search";

/** Marks a session row's cmdk value; the palette's filter keeps these (the server already matched them). */
export const SESSION_VALUE_PREFIX = "session:";

/** One found session, with what tells same-titled sessions apart: company, ticket and status. */
function SessionRow({ session, onOpen }: { session: PaletteSession; onOpen: (session: PaletteSession) => void }) {
  const Icon = session.in_transit ? LifeBuoy : MessagesSquare;
  const details = [session.company_name, session.psa_ticket_ref].filter(Boolean).join(" · ");
  return (
    <Command.Item
      value={`${SESSION_VALUE_PREFIX}${session.id}`}
      keywords={[session.title, session.company_name ?? "", session.psa_ticket_ref ?? ""].filter(Boolean)}
      onSelect={() => onOpen(session)}
      className="flex cursor-pointer items-start gap-3 rounded-md px-3 py-2 text-sm select-none data-[selected=true]:bg-indigo-50"
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-500" />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-slate-900">{session.title}</span>
        <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
          {details && <span className="min-w-0 truncate">{details}</span>}
          <SessionStatusBadge status={session.status} />
        </span>
      </span>
    </Command.Item>
  );
}

type Props = { search: SessionSearch; onOpen: (session: PaletteSession) => void };

/** The Sessions group: the server's matches for the typed text. */
export function SessionResults({ search, onOpen }: Props) {
  if (search.state !== "done" || search.sessions.length === 0) return null;
  return (
    <PaletteGroup heading="Sessions">
      {search.sessions.map((session) => (
        <SessionRow key={session.id} session={session} onOpen={onOpen} />
      ))}
    </PaletteGroup>
  );
}

/**
 * Under the list, how the session search stands: searching, nothing found, the server's error, or
 * how many were found. A live region, so screen readers hear it too.
 */
export function SessionSearchStatus({ search }: { search: SessionSearch }) {
  const found = search.state === "done" ? search.sessions.length : 0;
  return (
    <div role="status" className="border-t border-slate-200 px-4 py-2 text-sm text-slate-600 empty:border-0 empty:p-0">
      {search.state === "loading" && (
        <span className="flex items-center gap-2">
          <Spinner />
          Searching sessions…
        </span>
      )}
      {search.state === "error" && <span className="text-red-700">{search.message}</span>}
      {search.state === "done" && found === 0 && "No sessions match"}
      {search.state === "done" && found > 0 && found < PALETTE_SESSION_LIMIT && `${found} session${found === 1 ? "" : "s"} found`}
      {search.state === "done" &&
        found >= PALETTE_SESSION_LIMIT &&
        `The ${found} most recently updated matching sessions. Type more to narrow them down.`}
    </div>
  );
}
