import type { Viewer } from "@/lib/auth/viewer";
import { roleAllows } from "@/lib/auth/roles";
import { db, queryPreparedRows } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { escalationReasonOf } from "@/lib/handoffs/views";
import { taskLaneSchema, EMPTY_TASK_LANE, type TaskLane } from "@/lib/ai/task-lane";
import { toFactView, type FactView } from "@/lib/facts/fact-view";
import { Prisma } from "@/lib/generated/prisma/client";
import { findActiveFix } from "@/lib/fixes/fix-access";
import { latestPsaPostsByKind, type PsaPostView } from "@/lib/psa/psa-post-view";
import { getScriptTemplate } from "@/lib/scripts/templates/get-template";
import type { TemplateView } from "@/lib/scripts/templates/template-view";
import { getSession, type LinkedPsaTicket } from "@/lib/sessions/read-session";
import { readableSessionsCondition, worksOnSession } from "@/lib/sessions/session-access";
import { isInTransit } from "@/lib/sessions/statuses";

/**
 * Everything the pilot page (K1) shows for one session, read-only: the session with its steps,
 * the live facts with their editable flag (C2), the active fix or null, the parsed task lane
 * (B3), and whether the viewer may change the session — the rule `loadSessionForWrite` applies
 * (the engineer who started it, or its handler after a pickup), for engineer-or-admin roles.
 * `canWork` adds that a resolved session takes no more work. `psa` is the linked ticket (G6:
 * "CW #48233", from the row, no PSA call) and whether the viewer may spin a ticket off this
 * session: they may work on it (`canWork`: a resolved session's note is already written, a ticket
 * made now would never get it), it has no ticket yet and the account has an active PSA connection.
 * `fixTemplate` is the library template a template-matched fix points at (D2), for the generator.
 * `escalation` is what the handoff screen shows of an in-transit session (null otherwise).
 * Throws not_found as `getSession`.
 */
export async function getPilotView(viewer: Viewer, sessionId: string) {
  const session = await getSession(viewer, sessionId);
  const [facts, fix, escalation] = await Promise.all([
    listLiveFacts(viewer, session.id),
    findActiveFix(viewer.accountId, session.id),
    isInTransit(session.status) ? waitingEscalation(viewer, session) : null,
  ]);
  const lane = taskLaneSchema.safeParse(session.pendingTaskLane ?? EMPTY_TASK_LANE);
  const taskLane: TaskLane = lane.success ? lane.data : EMPTY_TASK_LANE;
  const worksOnIt = worksOnSession(viewer, { userId: session.user.id, handlerId: session.handler?.id ?? null });
  const canWrite = roleAllows("engineerOrAdmin", viewer.role) && worksOnIt;
  const canWork = canWrite && session.status !== "resolved";
  const psa: PilotPsaView = { ticket: session.psa_ticket, canSpinOff: canWork && !session.psa_ticket && (await hasActivePsaConnection(viewer)) };
  const [psaPosts, fixTemplate] = await Promise.all([
    session.psa_ticket ? latestPsaPosts(viewer, session) : NO_POSTS,
    fix?.template_id ? matchedTemplate(viewer, fix.id, fix.template_id) : null,
  ]);
  return { session, facts, fix, taskLane, canWrite, canWork, psa, psaPosts, fixTemplate, escalation };
}

/**
 * Whether the viewer may read the session at all: the pilot page asks before it streams
 * anything, so an unknown id or another tenant's session is a real 404.
 */
export async function canReadSession(viewer: Viewer, sessionId: string): Promise<boolean> {
  const found = await queryPreparedRows<{ id: string }>(
    Prisma.sql`SELECT s.id FROM ai_sessions s WHERE s.id = ${sessionId}::uuid AND ${readableSessionsCondition(viewer)}`,
  );
  return found.length > 0;
}

type LiveFactRow = Parameters<typeof toFactView>[0];

/** `listFacts` for a session `getSession` already found readable: one statement, no second access check. */
async function listLiveFacts(viewer: Viewer, sessionId: string): Promise<FactView[]> {
  const rows = await queryPreparedRows<LiveFactRow>(Prisma.sql`
    SELECT f.id, f.session_id AS "sessionId", f.text, f.source_kind::text AS "sourceKind", f.source_ref AS "sourceRef",
      f.created_by_id AS "createdById", f.created_at AT TIME ZONE 'UTC' AS "createdAt", f.updated_at AT TIME ZONE 'UTC' AS "updatedAt"
    FROM session_facts f
    WHERE f.session_id = ${sessionId}::uuid AND f.account_id = ${viewer.accountId}::uuid AND f.deleted_at IS NULL
    ORDER BY f.created_at ASC, f.id ASC`);
  return rows.map(toFactView);
}

/** F7: who escalated an in-transit session, when and why — the same reason the queue shows (`escalationReasonOf`). */
export type PilotEscalation = { reason: string | null; escalatedBy: string; escalatedAt: Date | null };

type EscalatedSession = { id: string; escalationReason: string | null; escalatedAt: Date | null; user: { name: string } };

async function waitingEscalation(viewer: Viewer, session: EscalatedSession): Promise<PilotEscalation> {
  // The newest unclaimed escalation, as the queue picks it; its author may be a handler who re-escalated.
  const open = await db.sessionHandoff.findFirst({
    where: { accountId: viewer.accountId, sessionId: session.id, intent: "escalate", claimedAt: null },
    orderBy: { createdAt: "desc" },
    select: { reason: true, createdAt: true, fromUser: { select: { name: true } } },
  });
  return {
    reason: escalationReasonOf(session, open),
    escalatedBy: open?.fromUser.name ?? session.user.name,
    escalatedAt: session.escalatedAt ?? open?.createdAt ?? null,
  };
}

/** The pilot page's PSA part: the linked ticket, or whether "Spin off ticket" is offered. */
export type PilotPsaView = { ticket: LinkedPsaTicket; canSpinOff: boolean };

/** E4/F1: the latest post of each document to the linked ticket, so the page can say what happened (and offer a retry). */
export type PilotPsaPosts = { resolution: PsaPostView | null; escalation: PsaPostView | null };
const NO_POSTS: PilotPsaPosts = { resolution: null, escalation: null };

async function latestPsaPosts(viewer: Viewer, session: Awaited<ReturnType<typeof getSession>>): Promise<PilotPsaPosts> {
  const posts = await latestPsaPostsByKind(viewer, { id: session.id, status: session.status, userId: session.user.id, handlerId: session.handler?.id ?? null });
  return { resolution: posts.resolution_note ?? null, escalation: posts.escalation_package ?? null };
}

/**
 * D2: the template a fix matched, by fix id (a chat turn may bring a newer fix before the page
 * refreshes). `template` is null when it is gone; an archived one comes back with `archived_at`
 * set. Either way the page falls back to the three-option dialog and says why.
 */
export type PilotFixTemplate = { fixId: string; template: TemplateView | null };

async function matchedTemplate(viewer: Viewer, fixId: string, templateId: string): Promise<PilotFixTemplate> {
  try {
    return { fixId, template: await getScriptTemplate(viewer, templateId) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { fixId, template: null };
    throw error;
  }
}

/** Whether the account's PSA connection is active: one column, not `getPsaConnectionStatus`'s whole status. */
async function hasActivePsaConnection(viewer: Viewer): Promise<boolean> {
  const [row] = await queryPreparedRows<{ active: boolean }>(Prisma.sql`
    SELECT c.is_active AS active FROM psa_connections c WHERE c.account_id = ${viewer.accountId}::uuid`);
  return row?.active === true;
}
