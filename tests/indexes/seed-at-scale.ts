import { asTableOwner } from "@/tests/helpers/as-table-owner";
import type { TestTenant } from "@/tests/helpers/tenant";

export type ScaleOptions = {
  /** Accounts besides the tenant under test, each with five engineers. */
  otherAccounts?: number;
  /** Sessions per engineer (the tenant gets twenty bulk engineers, the others five each). */
  sessionsPerEngineer?: number;
};

/** A title word every seeded session has one of; the search tests look for one that none has. */
export const SEEDED_TITLE_WORDS = ["Printer offline", "VPN drops", "Outlook keeps prompting", "Backup job failed", "Disk nearly full", "Wi-Fi slow"];

/**
 * Fills the database around `tenant` until the planner has a reason to prefer an index: many
 * accounts, tens of thousands of sessions (4 % in transit, each with an open escalation), claimed
 * escalations with their steps and live events over the last 90 days, read and unread
 * notifications, and drafts.
 * Written with INSERT … SELECT as the tables' owner, then vacuumed and analyzed.
 */
export async function seedAtScale(tenant: TestTenant, options: ScaleOptions = {}): Promise<void> {
  const otherAccounts = options.otherAccounts ?? 40;
  const sessionsPerEngineer = options.sessionsPerEngineer ?? 100;
  const words = `ARRAY[${SEEDED_TITLE_WORDS.map((word) => `'${word}'`).join(", ")}]`;
  await asTableOwner(`
    INSERT INTO accounts (id, name, slug)
    SELECT gen_random_uuid(), 'Scale MSP ' || g, 'scale-msp-' || g || '-' || substr(md5(random()::text), 1, 8)
      FROM generate_series(1, ${otherAccounts}) g;

    INSERT INTO users (id, account_id, email, name, role, updated_at)
    SELECT gen_random_uuid(), a.id, 'scale-' || u || '-' || a.id || '@example.test', 'Scale engineer ' || u, 'engineer', now()
      FROM accounts a CROSS JOIN generate_series(1, 5) u
     WHERE a.slug LIKE 'scale-msp-%';

    INSERT INTO users (id, account_id, email, name, role, updated_at)
    SELECT gen_random_uuid(), '${tenant.accountId}', 'scale-' || u || '-${tenant.accountId}@example.test', 'Scale engineer ' || u, 'engineer', now()
      FROM generate_series(1, 20) u;

    -- The tenant's own engineer owns a share too, so "mine" has rows to find.
    INSERT INTO ai_sessions (id, account_id, user_id, title, status, company_name, psa_ticket_id, psa_ticket_ref, handler_id, escalated_at, created_at, updated_at)
    SELECT gen_random_uuid(), u.account_id, u.id,
           (${words})[1 + g % 6] || ' ' || substr(md5(u.id::text || g), 1, 10),
           (CASE WHEN g % 25 = 0 THEN 'escalated' WHEN g % 25 = 1 THEN 'requesting_escalation'
                 WHEN g % 10 IN (2, 3, 4) THEN 'active' WHEN g % 10 = 5 THEN 'parked' ELSE 'resolved' END)::"SessionStatus",
           'Client ' || (g % 97), (100000 + g)::text, '#' || (100000 + g),
           NULL,
           CASE WHEN g % 25 IN (0, 1) THEN now() - g * interval '3 minutes' END,
           now() - g * interval '20 minutes', now() - g * interval '7 minutes'
      FROM users u CROSS JOIN generate_series(1, ${sessionsPerEngineer}) g
     WHERE u.email LIKE 'scale-%' OR u.id = '${tenant.engineer.id}'
     -- Interleaved across accounts, as sessions arrive in production: an account's rows spread over the table.
     ORDER BY g, u.id;

    -- Some sessions are handled by a teammate after a pickup.
    UPDATE ai_sessions s SET handler_id = other.id
      FROM users other
     WHERE other.account_id = s.account_id AND other.email LIKE 'scale-2-%' AND s.status = 'resolved' AND s.psa_ticket_id::int % 7 = 0;

    -- Every session in transit has its open escalation; a third of the resolved ones were claimed in the last 90 days.
    INSERT INTO session_handoffs (id, account_id, session_id, intent, reason, from_user_id, created_at)
    SELECT gen_random_uuid(), s.account_id, s.id, 'escalate', 'Needs a senior', s.user_id, s.escalated_at
      FROM ai_sessions s WHERE s.status IN ('escalated', 'requesting_escalation');
    INSERT INTO session_handoffs (id, account_id, session_id, intent, reason, from_user_id, claimed_at, claimed_by_id, created_at)
    SELECT gen_random_uuid(), s.account_id, s.id, 'escalate', 'Needs a senior', s.user_id,
           now() - (s.psa_ticket_id::int % 90) * interval '1 day' - interval '2 hours', s.user_id,
           now() - (s.psa_ticket_id::int % 90) * interval '1 day' - interval '3 hours'
      FROM ai_sessions s WHERE s.status = 'resolved' AND s.psa_ticket_id::int % 3 = 0;

    -- Each claim's "Picked up by" step and the senior's first action, plus a chat around every session.
    INSERT INTO ai_session_steps (id, account_id, session_id, user_id, kind, content, metadata, created_at)
    SELECT gen_random_uuid(), h.account_id, h.session_id, h.claimed_by_id, 'system_event'::"StepKind", 'Picked up', '{"type": "handoff_claimed"}'::jsonb, h.claimed_at
      FROM session_handoffs h WHERE h.claimed_at IS NOT NULL
    UNION ALL
    SELECT gen_random_uuid(), h.account_id, h.session_id, h.claimed_by_id, 'engineer_action'::"StepKind", 'Ran a check', NULL::jsonb, h.claimed_at + interval '4 minutes'
      FROM session_handoffs h WHERE h.claimed_at IS NOT NULL
    UNION ALL
    SELECT gen_random_uuid(), s.account_id, s.id, s.user_id, 'engineer_message'::"StepKind", 'Message ' || m, NULL::jsonb, s.created_at + m * interval '1 minute'
      FROM ai_sessions s CROSS JOIN generate_series(1, 4) m;

    -- The live events those escalations and claims wrote, in the order they happened, every account's interleaved.
    INSERT INTO realtime_events (account_id, type, payload, created_at)
    SELECT account_id, type, payload, at FROM (
      SELECT h.account_id, 'handoff_created' AS type, jsonb_build_object('handoff_id', h.id) AS payload, h.created_at AS at FROM session_handoffs h
      UNION ALL
      SELECT h.account_id, 'handoff_claimed', jsonb_build_object('handoff_id', h.id), h.claimed_at FROM session_handoffs h WHERE h.claimed_at IS NOT NULL
    ) events ORDER BY at;

    -- Notifications: mostly read, a few unread per engineer, some announcing an escalation.
    INSERT INTO app_notifications (id, account_id, user_id, type, title, body, link, session_id, handoff_id, read_at, created_at)
    SELECT gen_random_uuid(), u.account_id, u.id, 'handoff_created', 'Escalation', 'Needs a senior', '/escalations',
           h.session_id, h.id, CASE WHEN n % 20 NOT IN (0, 1) THEN now() END, now() - n * interval '1 hour'
      FROM users u
      CROSS JOIN generate_series(1, 100) n
      LEFT JOIN LATERAL (SELECT id, session_id FROM session_handoffs h WHERE h.account_id = u.account_id OFFSET n % 5 LIMIT 1) h ON n % 2 = 0
     WHERE u.email LIKE 'scale-%' OR u.id = '${tenant.engineer.id}';

    INSERT INTO draft_templates (id, account_id, user_id, name, language, original_script, templated_body, status)
    SELECT gen_random_uuid(), u.account_id, u.id, 'Draft ' || d, 'powershell', 'Get-Service', 'Get-Service',
           (CASE WHEN d % 10 = 0 THEN 'pending' ELSE 'accepted' END)::"DraftTemplateStatus"
      FROM users u CROSS JOIN generate_series(1, 30) d
     WHERE u.email LIKE 'scale-%';
  `);
  // As a settled database would be after autovacuum: visibility map set (index-only scans),
  // GIN pending lists merged, fresh statistics. VACUUM can't share a statement batch.
  await asTableOwner("VACUUM ANALYZE");
}
