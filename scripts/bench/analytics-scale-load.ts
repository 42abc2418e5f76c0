/**
 * The data of the analytics-at-scale bench (scripts/bench/analytics-scale.ts): ANALYTICS_TENANTS
 * tenants with ANALYTICS_HANDOFFS handoffs over 90 days, written straight into the tables as
 * their owner, and removed again by the slug they share.
 */
import pg from "pg";

export const ANALYTICS_TENANTS = 500;
export const ANALYTICS_HANDOFFS = 1_000_000;
const ENGINEERS_PER_TENANT = 10;
const SESSIONS_PER_ENGINEER = 50;
const HANDOFFS_PER_SESSION = ANALYTICS_HANDOFFS / (ANALYTICS_TENANTS * ENGINEERS_PER_TENANT * SESSIONS_PER_ENGINEER);
const SAMPLED_TENANTS = 100;
const SLUG_PREFIX = "analytics-scale-";

/**
 * Every row is written by INSERT … SELECT generate_series as the tables' owner: a session has
 * four escalations (5 % parked instead), 95 % claimed, each claim with its "Picked up by" step and,
 * for 90 % of them, the senior's first action minutes later. Claims fall uniformly over 90 days.
 */
const LOAD_SQL = `
  INSERT INTO accounts (id, name, slug)
  SELECT gen_random_uuid(), 'Analytics MSP ' || a, '${SLUG_PREFIX}' || a FROM generate_series(1, ${ANALYTICS_TENANTS}) a;

  INSERT INTO users (id, account_id, email, name, role, updated_at)
  SELECT gen_random_uuid(), ac.id, 'senior-' || u || '@' || ac.slug || '.test', 'Senior ' || u,
         (CASE WHEN u = 1 THEN 'admin' ELSE 'engineer' END)::"UserRole", now()
    FROM accounts ac CROSS JOIN generate_series(1, ${ENGINEERS_PER_TENANT}) u
   WHERE ac.slug LIKE '${SLUG_PREFIX}%';

  INSERT INTO ai_sessions (id, account_id, user_id, title, status, created_at, updated_at)
  SELECT gen_random_uuid(), u.account_id, u.id, 'Analytics session ' || g, 'resolved', now() - interval '91 days', now()
    FROM users u JOIN accounts ac ON ac.id = u.account_id AND ac.slug LIKE '${SLUG_PREFIX}%'
   CROSS JOIN generate_series(1, ${SESSIONS_PER_ENGINEER}) g;

  CREATE TEMPORARY TABLE analytics_claims ON COMMIT DROP AS
  SELECT gen_random_uuid() AS id, s.account_id, s.id AS session_id, s.user_id,
         (CASE WHEN random() < 0.05 THEN 'park' ELSE 'escalate' END)::"HandoffIntent" AS intent,
         t.created_at,
         CASE WHEN random() < 0.95 THEN t.created_at + random() * interval '30 minutes' END AS claimed_at,
         random() < 0.9 AS acted,
         random() * interval '20 minutes' AS response
    FROM ai_sessions s
    JOIN accounts ac ON ac.id = s.account_id AND ac.slug LIKE '${SLUG_PREFIX}%'
   CROSS JOIN generate_series(1, ${HANDOFFS_PER_SESSION}) k
   CROSS JOIN LATERAL (SELECT (now() AT TIME ZONE 'UTC') - random() * interval '90 days' + k * interval '0 seconds' AS created_at) t;

  INSERT INTO session_handoffs (id, account_id, session_id, intent, reason, from_user_id, claimed_at, claimed_by_id, created_at)
  SELECT id, account_id, session_id, intent, 'Needs a senior', user_id, claimed_at, CASE WHEN claimed_at IS NOT NULL THEN user_id END, created_at
    FROM analytics_claims;

  INSERT INTO ai_session_steps (id, account_id, session_id, user_id, kind, content, metadata, created_at)
  SELECT gen_random_uuid(), account_id, session_id, user_id, 'system_event'::"StepKind", 'Picked up', '{"type": "handoff_claimed"}'::jsonb, claimed_at
    FROM analytics_claims WHERE claimed_at IS NOT NULL
  UNION ALL
  SELECT gen_random_uuid(), account_id, session_id, user_id, 'engineer_action'::"StepKind", 'Ran a check', NULL::jsonb, claimed_at + response
    FROM analytics_claims WHERE claimed_at IS NOT NULL AND acted;
`;

async function asOwner<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type Tenant = { accountId: string; viewer: { userId: string; accountId: string; role: "admin"; email: string; name: string } };

/** The tables the load fills, whose secondary indexes are rebuilt once after it instead of row by row. */
const LOADED_TABLES = ["ai_sessions", "session_handoffs", "ai_session_steps"];

export async function loadTenants(databaseUrl: string): Promise<Tenant[]> {
  return asOwner(databaseUrl, async (client) => {
    // Indexes other than constraints (primary keys, uniques) are dropped for the load and built
    // again from their own definitions after it, in one transaction: a bulk build is several
    // times faster than a million random inserts into each index.
    const indexes = await client.query<{ name: string; definition: string }>(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [LOADED_TABLES],
    );
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const index of indexes.rows) await client.query(`DROP INDEX "${index.name}"`);
    await client.query(LOAD_SQL);
    for (const index of indexes.rows) await client.query(index.definition);
    await client.query("COMMIT");
    // Vacuum as a settled table would be (visibility map set), then fresh statistics.
    await client.query("VACUUM ANALYZE accounts, users, ai_sessions, session_handoffs, ai_session_steps");
    const admins = await client.query<{ account_id: string; id: string; email: string; name: string }>(
      `SELECT u.account_id, u.id, u.email, u.name FROM users u JOIN accounts a ON a.id = u.account_id
        WHERE a.slug LIKE '${SLUG_PREFIX}%' AND u.role = 'admin' ORDER BY random() LIMIT ${SAMPLED_TENANTS}`,
    );
    return admins.rows.map((row) => ({
      accountId: row.account_id,
      viewer: { userId: row.id, accountId: row.account_id, role: "admin" as const, email: row.email, name: row.name },
    }));
  });
}

export async function removeTenants(databaseUrl: string): Promise<void> {
  await asOwner(databaseUrl, (client) => client.query(`DELETE FROM accounts WHERE slug LIKE '${SLUG_PREFIX}%'`));
}
