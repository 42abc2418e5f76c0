import { CircleCheck } from "lucide-react";
import { Conversation } from "@/components/pilot/conversation";
import { DocumentCard } from "@/components/pilot/document-card";
import { FactsList } from "@/components/pilot/facts-list";
import { FixSummary } from "@/components/pilot/fix-summary";
import { HandoffPanel } from "@/components/pilot/handoff-panel";
import { SessionHeader } from "@/components/pilot/session-header";
import type { PilotFix } from "@/components/pilot/pilot-types";
import type { getSession } from "@/lib/sessions/read-session";

type Props = {
  session: Awaited<ReturnType<typeof getSession>>;
  /** `?pickup=true`: the visitor came from an escalation alert. */
  pickup: boolean;
  inTransit: boolean;
  /** The active suggested fix, if any. */
  fix?: PilotFix | null;
};

/** Read-only session detail; with a pickup link to an in-transit session, the handoff context comes first. */
export function SessionView({ session, pickup, inTransit, fix }: Props) {
  return (
    <div className="space-y-6">
      <SessionHeader
        title={session.title}
        status={session.status}
        companyName={session.companyName}
        psaTicketRef={session.psaTicketRef}
        updatedAt={session.updatedAt}
      />
      {pickup && inTransit && (
        <HandoffPanel
          escalatedBy={session.user.name}
          escalatedAt={session.escalatedAt}
          reason={session.escalationReason}
          packageMarkdown={session.escalationPackageMarkdown}
        />
      )}
      {pickup && !inTransit && (
        <p role="status" className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          <CircleCheck aria-hidden className="size-4 shrink-0 text-emerald-600" />
          This session is no longer waiting for pickup
          {session.handler ? `; ${session.handler.name} is handling it.` : "."}
        </p>
      )}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Conversation steps={session.steps} />
        <div className="space-y-6">
          <FactsList facts={session.facts} />
          {fix && <FixSummary fix={fix} />}
          {session.resolutionNoteMarkdown && (
            <DocumentCard title="Resolution note" markdown={session.resolutionNoteMarkdown} />
          )}
        </div>
      </div>
    </div>
  );
}
