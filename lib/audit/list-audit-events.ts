import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import { AUDIT_PAGE_SIZE, listAuditEventsInput, type ListAuditEventsInput } from "@/lib/audit/schemas";
import { readPage } from "@/lib/lists/paging";

type JsonRecord = Record<string, unknown> | null;

type AuditRow = {
  id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  created_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  target_user_name: string | null;
  target_invitation_email: string | null;
  target_delivery_channel: string | null;
  target_delivery_recipient: string | null;
};

/** One audit event as Settings → Audit shows it; `summary` is the sentence a person reads. */
export type AuditEventView = {
  id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** The target as a person names it (a member's name, an invitation's email), when known. */
  target_name: string | null;
  actor: { id: string; name: string } | null;
  before: JsonRecord;
  after: JsonRecord;
  summary: string;
  created_at: string;
};

export type AuditEventPage = { events: AuditEventView[]; total: number; page: number; page_size: number };

const channelLabel: Record<string, string> = { email: "email", slack: "Slack", teams: "Microsoft Teams" };

const asRecord = (value: unknown): JsonRecord => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

function targetNameOf(row: AuditRow): string | null {
  if (row.target_user_name) return row.target_user_name;
  if (row.target_invitation_email) return row.target_invitation_email;
  if (row.target_delivery_channel) {
    const channel = channelLabel[row.target_delivery_channel] ?? row.target_delivery_channel;
    return row.target_delivery_recipient ? `${channel} to ${row.target_delivery_recipient}` : channel;
  }
  return null;
}

function toView(row: AuditRow): AuditEventView {
  const base = {
    id: row.id,
    action: row.action,
    target_type: row.target_type,
    target_id: row.target_id,
    target_name: targetNameOf(row),
    actor: row.actor_id && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name } : null,
    before: asRecord(row.before),
    after: asRecord(row.after),
    created_at: row.created_at.toISOString(),
  };
  return { ...base, summary: describeAuditEvent(base) };
}

/**
 * The page's events with the actor's and the target's names joined in, in one statement. Targets
 * are joined only within the same account; a target id that isn't a UUID joins nothing.
 */
function readAuditRows(accountId: string, skip: number, take: number) {
  return db.$queryRaw<AuditRow[]>`
    WITH page AS (
      SELECT id, account_id, actor_id, action, target_type, target_id, before, after, created_at,
             CASE WHEN target_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN target_id::uuid END AS target_uuid
      FROM audit_events
      WHERE account_id = ${accountId}::uuid
      ORDER BY created_at DESC, id DESC
      LIMIT ${take} OFFSET ${skip}
    )
    SELECT page.id, page.action, page.target_type, page.target_id, page.before, page.after, page.created_at,
           page.actor_id, actor.name AS actor_name,
           target_user.name AS target_user_name,
           invitation.email AS target_invitation_email,
           delivery.channel::text AS target_delivery_channel,
           COALESCE(recipient.name, delivery.recipient_email) AS target_delivery_recipient
    FROM page
    LEFT JOIN users actor ON actor.id = page.actor_id
    LEFT JOIN users target_user ON page.target_type IN ('user', 'member') AND target_user.id = page.target_uuid AND target_user.account_id = page.account_id
    LEFT JOIN invitations invitation ON page.target_type = 'invitation' AND invitation.id = page.target_uuid AND invitation.account_id = page.account_id
    LEFT JOIN notification_deliveries delivery ON page.target_type = 'notification_delivery' AND delivery.id = page.target_uuid AND delivery.account_id = page.account_id
    LEFT JOIN users recipient ON recipient.id = delivery.recipient_user_id
    ORDER BY page.created_at DESC, page.id DESC`;
}

/**
 * Settings → Audit: one page (20) of the viewer's account's audit events, newest first, each with
 * who did it, what it was done to and a sentence saying so. A page past the end answers with the
 * last page. Callers gate it to owners and admins; throws invalid (422) for a bad page.
 */
export async function listAuditEvents(viewer: Viewer, input: ListAuditEventsInput = {}): Promise<AuditEventPage> {
  const { page } = listAuditEventsInput.parse(input);
  const found = await readPage({
    page,
    pageSize: AUDIT_PAGE_SIZE,
    count: () => db.auditEvent.count({ where: { accountId: viewer.accountId } }),
    find: ({ skip, take }) => readAuditRows(viewer.accountId, skip, take),
  });
  return { events: found.items.map(toView), total: found.total, page: found.page, page_size: found.pageSize };
}
