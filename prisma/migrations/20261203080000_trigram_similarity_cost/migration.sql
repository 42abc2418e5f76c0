-- pg_trgm declares similarity() and its % operator at the default cost of one operator, so the
-- planner prefers filtering every resolved session of an account by title similarity (a few
-- microseconds a row) to the title's trigram index: on a 10,000-session tenant the "Seen before"
-- search spent ~45 ms there against ~5 ms through the index. A truer cost lets it choose. Only the
-- functions' owner may change it (a superuser here, as pg_trgm is installed as a trusted
-- extension); elsewhere this is skipped with a notice and the search scans as before.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
    OR pg_has_role(current_user, (SELECT proowner FROM pg_proc WHERE oid = 'similarity_op(text, text)'::regprocedure), 'USAGE') THEN
    ALTER FUNCTION similarity_op(text, text) COST 100;
    ALTER FUNCTION similarity(text, text) COST 100;
  ELSE
    RAISE NOTICE 'Not the owner of pg_trgm''s functions: title similarity keeps its default cost, and the "Seen before" search may scan the account''s resolved sessions.';
  END IF;
END
$$;
