-- The account's sessions by status are read through "ai_sessions_account_id_status_escalated_at_idx",
-- whose first two columns this index repeated. One index fewer to write on every session update,
-- and the planner no longer picks between two equal indexes (tests/indexes name the one it uses).
DROP INDEX "ai_sessions_account_id_status_idx";

-- Session search (the session list, the command palette) is ILIKE '%q%' on title, company and
-- ticket within one account. A trigram GIN index over the four columns answers a selective term
-- from the index (one bitmap per column, OR-ed) instead of reading every session of the account.
-- A common term matching many sessions across tenants is estimated as such, and the planner reads
-- the account's rows instead. (account_id in the same GIN index, through btree_gin, was tried: the
-- planner then used only its account_id part, as slow as a plain account scan.) pg_trgm ships
-- with PostgreSQL's contrib, on the embedded server and the system one, and is a trusted
-- extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "ai_sessions_search_trgm" ON "ai_sessions" USING gin (
  "title" gin_trgm_ops,
  "company_name" gin_trgm_ops,
  "psa_ticket_ref" gin_trgm_ops,
  "psa_ticket_id" gin_trgm_ops
);

-- Row-level security is a security barrier: a query's own condition goes into an index scan
-- only when its operator is LEAKPROOF (see 20261201234500_leakproof_enum_equality). ILIKE on text
-- (texticlike) is not marked so, which left the trigram index unused under the tenant policy.
-- Its only error is a malformed pattern ("must not end with escape character"), raised from the
-- pattern alone. The app always matches a column against its own bound pattern, never a row's
-- value as the pattern, so no error depends on a row the policy hides. Only a superuser
-- may mark it, so elsewhere this is skipped with a notice: search then still works, scanning the
-- account's sessions instead of using the index.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION texticlike(text, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: ILIKE stays non-leakproof, and session search scans the account rows under row-level security.';
  END IF;
END
$$;

-- Escalation analytics (lib/analytics/escalation-metric.ts): an account's claimed escalations
-- by claim time, carrying the session so the claims are read from the index alone (no visit to
-- each handoff row, which are spread over the whole table by then).
CREATE INDEX "session_handoffs_claims_by_time" ON "session_handoffs" ("account_id", "claimed_at") INCLUDE ("session_id")
  WHERE "intent" = 'escalate' AND "claimed_at" IS NOT NULL;

-- The same metric's first action after each claim: a session's steps by time, leaving out the
-- "Picked up by" step the claim writes (the metric skips it by this very condition), so the
-- first entry at or after the claim is the answer, read from the index alone.
CREATE INDEX "ai_session_steps_actions_by_time" ON "ai_session_steps" ("session_id", "created_at") INCLUDE ("account_id")
  WHERE ("metadata" ->> 'type') IS DISTINCT FROM 'handoff_claimed';
