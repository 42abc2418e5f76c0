"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { showToast } from "@/components/ui/toast";
import type { SessionStep } from "@/components/pilot/chat-bubble";
import { ChatPanel } from "@/components/pilot/chat/chat-panel";
import { ForkCallout } from "@/components/pilot/chat/fork-callout";
import { readFixScriptInfo } from "@/components/pilot/fix/fix-script-info";
import { LaneTabs } from "@/components/pilot/fix/lane-tabs";
import { useChatTurn } from "@/components/pilot/chat/use-chat-turn";
import { LaneLists } from "@/components/pilot/lane/lane-list";
import { OutcomeBanner } from "@/components/pilot/lane/outcome-banner";
import { ResolveBar } from "@/components/pilot/lane/resolve-bar";
import { SuggestedFixCard } from "@/components/pilot/lane/suggested-fix-card";
import { WhatWeKnow } from "@/components/pilot/lane/what-we-know";
import { SeenBefore } from "@/components/pilot/seen-before";
import { DocumentPreviewDialog } from "@/components/pilot/preview/document-preview-dialog";
import type { DocumentKindName } from "@/components/pilot/preview/preview-body";
import { SessionHeader } from "@/components/pilot/session-header";
import {
  isFinalFixStatus,
  toPilotFact,
  toPilotFix,
  type FactInput,
  type FixInput,
  type ForkSuggestion,
  type PilotTaskLane,
  type TurnDone,
} from "@/components/pilot/pilot-types";
import type { PostResolutionResult } from "@/lib/documents/post-resolution";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import type { PilotFixTemplate, PilotPsaPosts, PilotPsaView } from "@/lib/sessions/pilot-view";
import { isInTransit } from "@/lib/sessions/statuses";
import { postedLine } from "@/components/pilot/preview/psa-post-text";

type Props = {
  session: {
    id: string;
    title: string;
    status: SessionStatus;
    companyName: string | null;
    psaTicketRef: string | null;
    updatedAt: Date;
    steps: SessionStep[];
  };
  viewer: { id: string; name: string };
  facts: FactInput[];
  fix: FixInput | null;
  taskLane: PilotTaskLane;
  psa?: PilotPsaView;
  psaPosts?: PilotPsaPosts;
  /** D2: the library template the server's active fix matched (getPilotView's `fixTemplate`). */
  fixTemplate?: PilotFixTemplate | null;
};

function resolvedMessage(result: PostResolutionResult): string {
  if (!result.psa) return "The resolution note is saved in FlowPilot; no ticket is linked.";
  return result.psa.posted ? `${postedLine(result.psa)}.` : `Saved in FlowPilot. ${result.psa.reason}`;
}

/**
 * K1: the pilot page for the engineer working the session — the chat on the left, the task lane
 * (or the inline script builder) on the right; below `lg` the lane follows the chat in one column.
 * Server data is the truth; a finished chat turn shows its lane, facts and fix at once, until the
 * refresh it triggers brings the same from the server.
 */
export function PilotWorkspace({ session, viewer, facts: factRows, fix: fixRow, taskLane, psa, psaPosts, fixTemplate = null }: Props) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [lastTurn, setLastTurn] = useState<TurnDone | null>(null);
  const [fork, setFork] = useState<ForkSuggestion | null>(null);
  const [previewKind, setPreviewKind] = useState<DocumentKindName | null>(null);
  const [opener, setOpener] = useState<DocumentKindName>("resolution_note");
  const resolveRef = useRef<HTMLButtonElement>(null);
  const escalateRef = useRef<HTMLButtonElement>(null);

  const chat = useChatTurn(session.id, (result) => {
    if (result) {
      setLastTurn(result);
      setFork(result.fork);
    }
    startRefresh(() => router.refresh());
  });

  // Until the server's steps include the turn's reply, its results are newer than the props.
  const overlay = lastTurn && !session.steps.some((step) => step.id === lastTurn.step_id) ? lastTurn : null;
  const facts = factRows.map(toPilotFact);
  for (const added of overlay?.facts_added ?? []) if (!facts.some((fact) => fact.id === added.id)) facts.push(toPilotFact(added));
  const fixSource = overlay?.outcome_proposal ?? overlay?.suggested_fix ?? fixRow;
  const fix = fixSource ? toPilotFix(fixSource) : null;
  const fixScript = fixSource ? { info: readFixScriptInfo(fixSource), fixTemplate } : undefined;
  // D6 refuses a fix with a final outcome, so the builder gets none to submit onto.
  const builderFix = fix && !isFinalFixStatus(fix.status) ? { id: fix.id, title: fix.title, script: fix.script } : null;
  const lane = overlay?.task_lane ?? taskLane;
  const recordedRefs = new Set(facts.flatMap((fact) => (fact.sourceRef ? [fact.sourceRef] : [])));

  function openPreview(kind: DocumentKindName) {
    setOpener(kind);
    setPreviewKind(kind);
  }

  function handleResolved(result: PostResolutionResult) {
    setPreviewKind(null);
    showToast({ tone: "success", title: "Session resolved", description: resolvedMessage(result) });
  }

  function handleEscalated() {
    setPreviewKind(null);
    showToast({ tone: "success", title: "Escalated to the team", description: "Your teammates have been notified. You'll see here when someone picks it up." });
  }

  return (
    <div className="space-y-5">
      <SessionHeader
        title={session.title}
        status={session.status}
        companyName={session.companyName}
        psaTicketRef={session.psaTicketRef}
        updatedAt={session.updatedAt}
        psaTicket={psa?.ticket}
        canSpinOff={psa?.canSpinOff}
        sessionId={session.id}
      />
      {/* minmax(0, …) tracks: a long script line scrolls inside its block instead of widening the page. */}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-5 lg:grid-cols-[minmax(0,1fr)_minmax(19rem,23rem)]">
        {/* Below lg the chat is capped at the screen's height and scrolls inside, so the composer stays in reach above the lane. */}
        <div className="flex min-w-0 flex-col max-lg:max-h-[max(28rem,calc(100dvh-4.5rem))]">
          <ChatPanel
            steps={session.steps}
            turns={chat.turns}
            busy={chat.busy}
            viewer={viewer}
            onSend={chat.send}
            notice={
              <>
                {fix?.proposal && !isFinalFixStatus(fix.status) && <OutcomeBanner sessionId={session.id} fix={fix} proposal={fix.proposal} />}
                {fork && <ForkCallout sessionId={session.id} fork={fork} onDismiss={() => setFork(null)} />}
              </>
            }
          />
        </div>
        <aside aria-label="Task lane" className="min-w-0 space-y-4 wrap-break-word lg:max-h-[calc(100dvh-13rem)] lg:overflow-y-auto lg:pr-1">
          <LaneTabs sessionId={session.id} builderFix={builderFix}>
            <WhatWeKnow sessionId={session.id} facts={facts} />
            <LaneLists sessionId={session.id} lane={lane} recordedRefs={recordedRefs} />
            <SuggestedFixCard sessionId={session.id} fix={fix} script={fixScript} />
            <SeenBefore sessionId={session.id} factsKey={facts.map((fact) => `${fact.id}:${fact.text}`).join("|")} canWork />
          </LaneTabs>
          <ResolveBar fix={fix} inTransit={isInTransit(session.status)} resolveRef={resolveRef} escalateRef={escalateRef} onOpen={openPreview} psaPost={psaPosts?.escalation} />
        </aside>
      </div>
      <DocumentPreviewDialog
        sessionId={session.id}
        kind={previewKind}
        returnFocus={opener === "resolution_note" ? resolveRef : escalateRef}
        onKindChange={setPreviewKind}
        onClose={() => setPreviewKind(null)}
        onResolved={handleResolved}
        onEscalated={handleEscalated}
      />
    </div>
  );
}
