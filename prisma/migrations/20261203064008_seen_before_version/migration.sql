-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "seen_before_version" INTEGER NOT NULL DEFAULT 0;


-- What the chat's "Seen before" search can match in an account: its resolved, not reopened
-- sessions (id, title, resolved_at, search document) and those sessions' fixes (title,
-- description, status, superseded_at, created_at). Any change to them bumps the account's
-- seen_before_version, so a cached set of matches keyed on it is never served stale. A write on
-- an open session (nearly every write) fails the WHEN clauses and costs nothing more.
CREATE FUNCTION seen_before_bump_account(p_account_id uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE accounts SET seen_before_version = seen_before_version + 1 WHERE id = p_account_id
$$;

CREATE FUNCTION seen_before_session_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM seen_before_bump_account(NEW.account_id);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM seen_before_bump_account(OLD.account_id);
  ELSE
    PERFORM seen_before_bump_account(OLD.account_id);
    IF NEW.account_id <> OLD.account_id THEN PERFORM seen_before_bump_account(NEW.account_id); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER seen_before_session_insert AFTER INSERT ON "ai_sessions"
  FOR EACH ROW WHEN (NEW.status = 'resolved') EXECUTE FUNCTION seen_before_session_row();
CREATE TRIGGER seen_before_session_update AFTER UPDATE ON "ai_sessions"
  FOR EACH ROW WHEN ((OLD.status = 'resolved' OR NEW.status = 'resolved')
    AND (OLD.status, OLD.account_id, OLD.title, OLD.resolved_at, OLD.reopened_at, OLD.search_vector)
      IS DISTINCT FROM (NEW.status, NEW.account_id, NEW.title, NEW.resolved_at, NEW.reopened_at, NEW.search_vector))
  EXECUTE FUNCTION seen_before_session_row();
CREATE TRIGGER seen_before_session_delete AFTER DELETE ON "ai_sessions"
  FOR EACH ROW WHEN (OLD.status = 'resolved') EXECUTE FUNCTION seen_before_session_row();

CREATE FUNCTION seen_before_fix_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[] := ARRAY[]::uuid[];
BEGIN
  IF TG_OP <> 'INSERT' THEN touched := touched || OLD.session_id; END IF;
  IF TG_OP <> 'DELETE' THEN touched := touched || NEW.session_id; END IF;
  UPDATE accounts a SET seen_before_version = a.seen_before_version + 1
  WHERE a.id IN (SELECT s.account_id FROM ai_sessions s WHERE s.id = ANY (touched) AND s.status = 'resolved');
  RETURN NULL;
END
$$;

CREATE TRIGGER seen_before_fix_insert_delete AFTER INSERT OR DELETE ON "session_suggested_fixes"
  FOR EACH ROW EXECUTE FUNCTION seen_before_fix_row();
CREATE TRIGGER seen_before_fix_update AFTER UPDATE ON "session_suggested_fixes"
  FOR EACH ROW WHEN ((OLD.session_id, OLD.title, OLD.description, OLD.status, OLD.superseded_at, OLD.created_at)
    IS DISTINCT FROM (NEW.session_id, NEW.title, NEW.description, NEW.status, NEW.superseded_at, NEW.created_at))
  EXECUTE FUNCTION seen_before_fix_row();
