import type { Metadata } from "next";
import { Eye } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { escalationQueueQuery, listEscalationQueue } from "@/lib/handoffs/queue";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { StreamStatus } from "@/components/realtime/stream-status";
import { ListNavigationProvider } from "@/components/lists/list-navigation";
import { queueSortOptions, queueStatusOptions } from "@/components/lists/list-options";
import { listHref, parseListParams, toListState, type RawSearchParams } from "@/components/lists/list-params";
import { ListSearchBox } from "@/components/lists/list-search-box";
import { ListSelect } from "@/components/lists/list-select";
import { ListToolbar } from "@/components/lists/list-toolbar";
import { EscalationQueue } from "@/components/escalations/escalation-queue";

export const metadata: Metadata = { title: "Escalations" };

type Props = { searchParams: Promise<RawSearchParams> };

const defaults = { sort: "newest", page: "1" };

/** F5: sessions waiting for a senior, live; engineers and admins pick them up from here. Searched and paged by `?q=&status=&sort=&page=`. */
export default async function EscalationsPage({ searchParams }: Props) {
  const query = parseListParams(escalationQueueQuery, await searchParams);
  const state = toListState(query, defaults);
  const viewer = await requireViewer("signedIn", listHref("/escalations", state));
  const queue = await listEscalationQueue(viewer, query);
  const canPickUp = roleAllows("engineerOrAdmin", viewer.role);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Escalations"
        description="Sessions your team has handed off and that are waiting for a senior."
        actions={<StreamStatus />}
      />
      {!canPickUp && (
        <p className="flex items-center gap-2 text-sm text-slate-700">
          <Eye aria-hidden className="size-4 shrink-0 text-slate-500" />
          Viewers can read escalations; engineers pick them up.
        </p>
      )}
      <ListNavigationProvider basePath="/escalations" state={state} defaults={defaults}>
        <ListToolbar label="Escalations">
          <ListSearchBox id="escalations-q" label="Search escalations" placeholder="Title, company or ticket number" />
          <ListSelect id="escalations-status" label="Status" param="status" options={queueStatusOptions} defaultValue="" />
          <ListSelect id="escalations-sort" label="Sort" param="sort" options={queueSortOptions} defaultValue="newest" />
        </ListToolbar>
        <EscalationQueue
          queue={queue}
          viewer={{ id: viewer.userId, canPickUp }}
          search={{ q: query.q, status: query.status, clearHref: listHref("/escalations", { sort: query.sort }, defaults) }}
          live={!query.q && !query.status && query.sort === "newest" && queue.page === 1}
          viewKey={listHref("/escalations", state)}
        />
      </ListNavigationProvider>
      <Toaster />
    </div>
  );
}
