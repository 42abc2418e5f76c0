import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getPickUpOffer } from "@/lib/handoffs/queue";
import { canReadSession, getPilotView } from "@/lib/sessions/pilot-view";
import { sessionIdParams } from "@/lib/sessions/schemas";
import { isInTransit } from "@/lib/sessions/statuses";
import { Toaster } from "@/components/ui/toast";
import { SessionClaimWatcher } from "@/components/realtime/session-claim-watcher";
import { toPilotFix } from "@/components/pilot/pilot-types";
import { PilotWorkspace } from "@/components/pilot/pilot-workspace";
import { SessionSkeleton } from "@/components/pilot/session-skeleton";
import { SessionView } from "@/components/pilot/session-view";
import { SessionKbArticle } from "@/components/knowledge/session-kb-article";

export const metadata: Metadata = { title: "Session" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The page's own URL, kept through sign-in: `pickup` and where the person came `from`. */
function pagePath(id: string, query: Record<string, string | string[] | undefined>) {
  const kept = new URLSearchParams();
  if (query.pickup === "true") kept.set("pickup", "true");
  if (query.from === "escalations") kept.set("from", "escalations");
  const search = kept.toString();
  return `/pilot/${encodeURIComponent(id)}${search ? `?${search}` : ""}`;
}

/**
 * K1: the working pilot page for the engineer on the session; read-only (or the handoff context
 * with ?pickup=true) otherwise. The existence check comes before any Suspense boundary, so an
 * unknown, malformed or other tenant's id answers a real 404; the rest streams behind a skeleton.
 */
export default async function SessionPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer("signedIn", pagePath(id, query));
  if (!sessionIdParams.safeParse({ id }).success) notFound();
  if (!(await canReadSession(viewer, id))) notFound();
  return (
    <>
      <Suspense fallback={<SessionSkeleton />}>
        <SessionContent viewer={viewer} id={id} pickup={query.pickup === "true"} />
      </Suspense>
      <SessionClaimWatcher sessionId={id} />
      <Toaster />
    </>
  );
}

async function SessionContent({ viewer, id, pickup }: { viewer: Viewer; id: string; pickup: boolean }) {
  // Gone between the check and here: a streamed not-found is the best Next can do now.
  const view = await getPilotView(viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { session } = view;
  const inTransit = isInTransit(session.status);
  const offer = pickup && inTransit ? await getPickUpOffer(viewer, session.id) : null;
  const knowledge = session.status === "resolved" && <SessionKbArticle viewer={viewer} sessionId={session.id} />;
  if (pickup || !view.canWork) {
    return (
      <SessionView
        session={session}
        psa={view.psa}
        psaPosts={view.psaPosts}
        pickup={pickup}
        inTransit={inTransit}
        fix={view.fix && toPilotFix(view.fix)}
        offer={offer}
        escalation={view.escalation}
        viewerId={viewer.userId}
        knowledge={knowledge}
      />
    );
  }
  return (
    <PilotWorkspace
      session={session}
      psa={view.psa}
      psaPosts={view.psaPosts}
      fixTemplate={view.fixTemplate}
      viewer={{ id: viewer.userId, name: viewer.name }}
      facts={view.facts}
      fix={view.fix}
      taskLane={view.taskLane}
    />
  );
}
