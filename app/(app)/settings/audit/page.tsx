import type { Metadata } from "next";
import { History, Lock } from "lucide-react";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditEventsInput } from "@/lib/audit/schemas";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListNavigationProvider } from "@/components/lists/list-navigation";
import { ListPagination } from "@/components/lists/list-pagination";
import { listHref, parseListParams, toListState, type RawSearchParams } from "@/components/lists/list-params";
import { ListResults } from "@/components/lists/list-results";
import { AuditTable } from "@/components/settings/audit/audit-table";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export const metadata: Metadata = { title: "Audit · Settings" };

type Props = { searchParams: Promise<RawSearchParams> };

const defaults = { page: "1" };

/** Settings → Audit (issue 11): who changed what in the account, newest first, paged by `?page=`. */
export default async function AuditPage({ searchParams }: Props) {
  const query = parseListParams(listAuditEventsInput, await searchParams);
  const state = toListState({ page: query.page }, defaults);
  const viewer = await requireViewer("signedIn", listHref("/settings/audit", state));
  const header = <PageHeader title="Audit trail" description="Who changed what in your account: members, connections, channels, preferences and retries." />;
  if (!roleAllows("ownerOrAdmin", viewer.role)) {
    return (
      <div className="space-y-6">
        {header}
        <SettingsTabs role={viewer.role} />
        <EmptyState icon={Lock} title="The audit trail is for owners and admins">
          Ask an owner or admin of your team if you need to know who changed a setting.
        </EmptyState>
      </div>
    );
  }
  const trail = await listAuditEvents(viewer, query);
  return (
    <div className="space-y-6">
      {header}
      <SettingsTabs role={viewer.role} />
      {trail.total === 0 ? (
        <EmptyState icon={History} title="Nothing has changed yet">
          Role changes, removals, invitations, PSA and chat-channel changes, preference changes and delivery retries are listed here as they happen.
        </EmptyState>
      ) : (
        <ListNavigationProvider basePath="/settings/audit" state={state} defaults={defaults}>
          <ListResults>
            <AuditTable events={trail.events} />
            <ListPagination page={trail.page} pageSize={trail.page_size} total={trail.total} label="Audit pages" />
          </ListResults>
        </ListNavigationProvider>
      )}
    </div>
  );
}
