-- Row-level security is a security barrier: PostgreSQL evaluates a query's own conditions before
-- the policy (and so through an index) only when their operators are LEAKPROOF. Enum equality is
-- not marked so, which turned every status filter into a scan of the account's rows. Comparing
-- two enum values compares their OIDs, reveals nothing and never raises, so = and <> are marked
-- leakproof in this database. Only a superuser may, so elsewhere this is skipped with a notice:
-- status filters then still work, just without their indexes.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: enum equality stays non-leakproof, and status filters scan the account rows under row-level security.';
  END IF;
END
$$;
