import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/require-viewer";
import { AppError } from "@/lib/errors";
import { getPickUpOffer } from "@/lib/handoffs/queue";
import { getPilotView } from "@/lib/sessions/pilot-view";
import { sessionIdParams } from "@/lib/sessions/schemas";
import { isInTransit } from "@/lib/sessions/statuses";
import { Toaster } from "@/components/ui/toast";
import { SessionClaimWatcher } from "@/components/realtime/session-claim-watcher";
import { toPilotFix } from "@/components/pilot/pilot-types";
import { PilotWorkspace } from "@/components/pilot/pilot-workspace";
import { SessionView } from "@/components/pilot/session-view";

export const metadata: Metadata = { title: "Session" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** K1: the working pilot page for the engineer on the session; read-only (or the handoff context with ?pickup=true) otherwise. */
export default async function SessionPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const pickup = query.pickup === "true";
  const viewer = await requireViewer("signedIn", `/pilot/${encodeURIComponent(id)}${pickup ? "?pickup=true" : ""}`);
  if (!sessionIdParams.safeParse({ id }).success) notFound();
  const view = await getPilotView(viewer, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { session } = view;
  const inTransit = isInTransit(session.status);
  const offer = pickup && inTransit ? await getPickUpOffer(viewer, session.id) : null;
  return (
    <>
      {pickup || !view.canWork ? (
        <SessionView
          session={session}
          psa={view.psa}
          psaPosts={view.psaPosts}
          pickup={pickup}
          inTransit={inTransit}
          fix={view.fix && toPilotFix(view.fix)}
          offer={offer}
          viewerId={viewer.userId}
        />
      ) : (
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
      )}
      <SessionClaimWatcher sessionId={session.id} />
      <Toaster />
    </>
  );
}
