import type { Metadata } from "next";
import { MessagesSquare } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listSessions, sessionListScope } from "@/lib/sessions/list-sessions";
import { listSessionsInput, SESSION_PAGE_SIZE } from "@/lib/sessions/schemas";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListNavigationProvider } from "@/components/lists/list-navigation";
import { optionLabel, sessionSortOptions, sessionStatusOptions } from "@/components/lists/list-options";
import { ListPagination } from "@/components/lists/list-pagination";
import { listHref, parseListParams, toListState, type RawSearchParams } from "@/components/lists/list-params";
import { ListResults } from "@/components/lists/list-results";
import { ListSearchBox } from "@/components/lists/list-search-box";
import { ListSelect } from "@/components/lists/list-select";
import { ListToolbar } from "@/components/lists/list-toolbar";
import { NoMatches } from "@/components/lists/no-matches";
import { NewSessionDialog } from "@/components/pilot/new-session-dialog";
import { SessionList } from "@/components/pilot/session-list";

export const metadata: Metadata = { title: "Pilot" };

type Props = { searchParams: Promise<RawSearchParams> };

const defaults = { sort: "updated", page: "1" };

/** B1/K1: the viewer's sessions (a viewer's: the team's, read-only), searched, filtered and paged by the URL's `?q=&status=&sort=&page=`. */
export default async function PilotPage({ searchParams }: Props) {
  const query = parseListParams(listSessionsInput, await searchParams);
  const state = toListState({ q: query.q, status: query.status, sort: query.sort, page: query.page }, defaults);
  const viewer = await requireViewer("signedIn", listHref("/pilot", state));
  const list = await listSessions(viewer, { ...query, limit: SESSION_PAGE_SIZE });
  const team = sessionListScope(viewer) === "team";
  const title = team ? "Team sessions" : "My sessions";
  const statusLabel = optionLabel(sessionStatusOptions, query.status);
  const filtered = Boolean(query.q || query.status);
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        description={
          team
            ? "Every troubleshooting session in your team. Open one to read it; your role can read sessions but not change them."
            : "Troubleshooting sessions you started or are handling."
        }
        actions={roleAllows("engineerOrAdmin", viewer.role) ? <NewSessionDialog /> : undefined}
      />
      {list.total === 0 && !filtered ? (
        <EmptyState icon={MessagesSquare} title="No sessions yet">
          {team
            ? "When your team starts troubleshooting sessions, they are listed here for you to read."
            : "Start one with New session, or pick one up from an escalation."}
        </EmptyState>
      ) : (
        <ListNavigationProvider basePath="/pilot" state={state} defaults={defaults}>
          <ListToolbar label={title}>
            <ListSearchBox id="sessions-q" label="Search sessions" placeholder="Title, company or ticket number" />
            <ListSelect id="sessions-status" label="Status" param="status" options={sessionStatusOptions} defaultValue="" />
            <ListSelect id="sessions-sort" label="Sort" param="sort" options={sessionSortOptions} defaultValue="updated" />
          </ListToolbar>
          <ListResults>
            {list.items.length === 0 ? (
              <NoMatches
                title={query.q ? `No sessions match “${query.q}”` : `No sessions with status ${statusLabel}`}
                clearHref={listHref("/pilot", { sort: query.sort }, defaults)}
              >
                {query.q && statusLabel
                  ? `Only sessions with status ${statusLabel} were searched.`
                  : "Search looks at titles, company names and ticket numbers."}
              </NoMatches>
            ) : (
              <>
                <SessionList sessions={list.items} label={title} viewerId={viewer.userId} />
                <ListPagination page={list.page} pageSize={list.pageSize} total={list.total} label={`${title} pages`} />
              </>
            )}
          </ListResults>
        </ListNavigationProvider>
      )}
    </div>
  );
}
