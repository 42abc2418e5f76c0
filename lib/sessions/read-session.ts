import type { Viewer } from "@/lib/auth/viewer";
import { queryPreparedRows } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FactSourceKind, SessionStatus, StepKind } from "@/lib/generated/prisma/enums";
import { readableSessionsCondition } from "@/lib/sessions/session-access";

/** The columns every view of a session starts from. */
export const sessionSummary = {
  id: true,
  title: true,
  status: true,
  companyName: true,
  psaTicketId: true,
  psaTicketRef: true,
  stateVersion: true,
  /** L3: set while the linked ticket came back open after this session resolved it. */
  reopenedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** `sessionSummary` as the statements on the pool read it (`sessionSummaryColumns` of `ai_sessions s`). */
export type SessionSummary = {
  id: string;
  title: string;
  status: SessionStatus;
  companyName: string | null;
  psaTicketId: string | null;
  psaTicketRef: string | null;
  stateVersion: number;
  reopenedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The `sessionSummary` columns of `ai_sessions s`, named and typed as `SessionSummary`; keep the three in step. */
export const sessionSummaryColumns = Prisma.sql`s.id, s.title, s.status::text AS status, s.company_name AS "companyName",
  s.psa_ticket_id AS "psaTicketId", s.psa_ticket_ref AS "psaTicketRef", s.state_version AS "stateVersion",
  s.reopened_at AT TIME ZONE 'UTC' AS "reopenedAt", s.created_at AT TIME ZONE 'UTC' AS "createdAt", s.updated_at AT TIME ZONE 'UTC' AS "updatedAt"`;

/** The ticket a session is linked to, as the session detail shows it (from the row: no PSA call on read). */
export type LinkedPsaTicket = { id: string; ref: string } | null;

export function linkedPsaTicket(session: { psaTicketId: string | null; psaTicketRef: string | null }): LinkedPsaTicket {
  return session.psaTicketId ? { id: session.psaTicketId, ref: session.psaTicketRef ?? `#${session.psaTicketId}` } : null;
}

type SessionRow = SessionSummary & {
  escalationReason: string | null;
  escalatedAt: Date | null;
  escalationPackageMarkdown: string | null;
  resolutionNoteMarkdown: string | null;
  resolvedAt: Date | null;
  pendingTaskLane: Prisma.JsonValue;
  userId: string;
  userName: string;
  handlerId: string | null;
  handlerName: string | null;
};
type StepRow = { id: string; kind: StepKind; content: string; createdAt: Date; userId: string | null; userName: string | null };
type FactRow = { id: string; text: string; sourceKind: FactSourceKind; sourceRef: string | null; createdAt: Date };

// Prisma's DateTime columns hold UTC wall times without a zone; read them as instants.
const utc = (column: string) => Prisma.raw(`${column} AT TIME ZONE 'UTC'`);
const person = (id: string | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);

/**
 * One session with its steps, live facts and linked PSA ticket (`psa_ticket`). Another tenant's
 * session, or one this viewer may not read, is not_found so ids can't be probed. Three statements
 * at once straight on the pool (the pilot page reads this on every visit); the steps and facts
 * are read by the session's id within the viewer's account and dropped unless the session is
 * readable.
 */
export async function getSession(viewer: Viewer, sessionId: string) {
  const [[session], steps, facts] = await Promise.all([
    queryPreparedRows<SessionRow>(Prisma.sql`
      SELECT ${sessionSummaryColumns},
        s.escalation_reason AS "escalationReason", ${utc("s.escalated_at")} AS "escalatedAt",
        s.escalation_package_markdown AS "escalationPackageMarkdown", s.resolution_note_markdown AS "resolutionNoteMarkdown",
        ${utc("s.resolved_at")} AS "resolvedAt", s.pending_task_lane AS "pendingTaskLane",
        starter.id AS "userId", starter.name AS "userName", handler.id AS "handlerId", handler.name AS "handlerName"
      FROM ai_sessions s
      JOIN users starter ON starter.id = s.user_id
      LEFT JOIN users handler ON handler.id = s.handler_id
      WHERE s.id = ${sessionId}::uuid AND ${readableSessionsCondition(viewer)}`),
    queryPreparedRows<StepRow>(Prisma.sql`
      SELECT st.id, st.kind::text AS kind, st.content, ${utc("st.created_at")} AS "createdAt", u.id AS "userId", u.name AS "userName"
      FROM ai_session_steps st LEFT JOIN users u ON u.id = st.user_id
      WHERE st.session_id = ${sessionId}::uuid AND st.account_id = ${viewer.accountId}::uuid
      ORDER BY st.created_at ASC`),
    queryPreparedRows<FactRow>(Prisma.sql`
      SELECT f.id, f.text, f.source_kind::text AS "sourceKind", f.source_ref AS "sourceRef", ${utc("f.created_at")} AS "createdAt"
      FROM session_facts f
      WHERE f.session_id = ${sessionId}::uuid AND f.account_id = ${viewer.accountId}::uuid AND f.deleted_at IS NULL
      ORDER BY f.created_at ASC`),
  ]);
  if (!session) throw notFound("Session");
  const { userId, userName, handlerId, handlerName, ...columns } = session;
  return {
    ...columns,
    user: { id: userId, name: userName },
    handler: person(handlerId, handlerName),
    steps: steps.map(({ userId: stepUserId, userName: stepUserName, ...step }) => ({ ...step, user: person(stepUserId, stepUserName) })),
    facts,
    psa_ticket: linkedPsaTicket(session),
  };
}
