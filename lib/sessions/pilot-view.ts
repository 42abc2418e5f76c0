import type { Viewer } from "@/lib/auth/viewer";
import { roleAllows } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { taskLaneSchema, EMPTY_TASK_LANE, type TaskLane } from "@/lib/ai/task-lane";
import { listFacts } from "@/lib/facts/fact-service";
import { getActiveFix } from "@/lib/fixes/fix-access";
import type { FixView } from "@/lib/fixes/fix-view";
import { getSession } from "@/lib/sessions/read-session";
import { worksOnSession } from "@/lib/sessions/session-access";

/**
 * Everything the pilot page (K1) shows for one session, read-only: the session with its steps,
 * the live facts with their editable flag (C2), the active fix or null, the parsed task lane
 * (B3), and whether the viewer may change the session — the rule `loadSessionForWrite` applies
 * (the engineer who started it, or its handler after a pickup), for engineer-or-admin roles.
 * `canWork` adds that a resolved session takes no more work. Throws not_found as `getSession`.
 */
export async function getPilotView(viewer: Viewer, sessionId: string) {
  const session = await getSession(viewer, sessionId);
  const [facts, fix] = await Promise.all([listFacts(viewer, session.id), activeFixOrNull(viewer, session.id)]);
  const lane = taskLaneSchema.safeParse(session.pendingTaskLane ?? EMPTY_TASK_LANE);
  const taskLane: TaskLane = lane.success ? lane.data : EMPTY_TASK_LANE;
  const worksOnIt = worksOnSession(viewer, { userId: session.user.id, handlerId: session.handler?.id ?? null });
  const canWrite = roleAllows("engineerOrAdmin", viewer.role) && worksOnIt;
  return { session, facts, fix, taskLane, canWrite, canWork: canWrite && session.status !== "resolved" };
}

async function activeFixOrNull(viewer: Viewer, sessionId: string): Promise<FixView | null> {
  try {
    return await getActiveFix(viewer, sessionId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}
