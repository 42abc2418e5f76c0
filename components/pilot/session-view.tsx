import type { ReactNode } from "react";
import { CircleCheck, UserCheck } from "lucide-react";
import { Conversation } from "@/components/pilot/conversation";
import { DocumentCard } from "@/components/pilot/document-card";
import { FactsList } from "@/components/pilot/facts-list";
import { FixSummary } from "@/components/pilot/fix-summary";
import { HandoffPanel } from "@/components/pilot/handoff-panel";
import { SessionHeader } from "@/components/pilot/session-header";
import { TemplatizeOffer } from "@/components/scripts/drafts/templatize-offer";
import type { PilotFix } from "@/components/pilot/pilot-types";
import type { PickUpOffer } from "@/lib/handoffs/queue";
import type { PilotEscalation, PilotPsaPosts, PilotPsaView } from "@/lib/sessions/pilot-view";
import type { getSession } from "@/lib/sessions/read-session";

type Props = {
  session: Awaited<ReturnType<typeof getSession>>;
  /** `?pickup=true`: the visitor came from an escalation alert. */
  pickup: boolean;
  inTransit: boolean;
  /** The active suggested fix, if any. */
  fix?: PilotFix | null;
  /** What the handoff screen offers this viewer (pickup link to an in-transit session only). */
  offer?: PickUpOffer | null;
  /** Who escalated the in-transit session and why (getPilotView's `escalation`). */
  escalation?: PilotEscalation | null;
  viewerId: string;
  psa?: PilotPsaView;
  psaPosts?: PilotPsaPosts;
  /** L2: the session's KB article link or "Draft KB article", shown under the header once resolved. */
  knowledge?: ReactNode;
};

/**
 * Read-only session detail; with a pickup link to an in-transit session, the handoff context
 * (and its Pick up button) comes first. Once someone else picked the session up, says who.
 */
export function SessionView({ session, pickup, inTransit, fix, offer, escalation, viewerId, psa, psaPosts, knowledge }: Props) {
  const handledByOther = session.handler && session.handler.id !== viewerId && session.status !== "resolved";
  // H5: after a resolve, whoever worked the session is offered its pending drafts (the offer asks the server whether to show).
  const workedOnIt = session.user.id === viewerId || session.handler?.id === viewerId;
  return (
    <div className="space-y-6">
      <SessionHeader
        title={session.title}
        status={session.status}
        companyName={session.companyName}
        psaTicketRef={session.psaTicketRef}
        updatedAt={session.updatedAt}
        reopenedAt={session.reopenedAt}
        psaTicket={psa?.ticket}
        canSpinOff={psa?.canSpinOff}
        sessionId={session.id}
      />
      {pickup && inTransit && (
        <HandoffPanel
          sessionId={session.id}
          offer={offer ?? { kind: "none" }}
          escalatedBy={escalation?.escalatedBy ?? session.user.name}
          escalatedAt={escalation ? escalation.escalatedAt : session.escalatedAt}
          reason={escalation ? escalation.reason : session.escalationReason}
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
      {!pickup && handledByOther && session.handler && (
        <p
          role="status"
          data-testid="picked-up-notice"
          className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <UserCheck aria-hidden className="size-4 shrink-0 text-emerald-700" />
          <span>
            <span className="font-semibold">Picked up by {session.handler.name}.</span> They are handling this session now; you
            can follow along here.
          </span>
        </p>
      )}
      {knowledge}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Conversation steps={session.steps} />
        <div className="space-y-6">
          <FactsList facts={session.facts} />
          {fix && <FixSummary fix={fix} />}
          {session.resolutionNoteMarkdown && (
            <DocumentCard title="Resolution note" markdown={session.resolutionNoteMarkdown} sessionId={session.id} psaPost={psaPosts?.resolution} />
          )}
        </div>
      </div>
      {session.status === "resolved" && workedOnIt && <TemplatizeOffer sessionId={session.id} />}
    </div>
  );
}
