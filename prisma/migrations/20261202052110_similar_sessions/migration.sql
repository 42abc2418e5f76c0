-- "Seen before" (similar resolved sessions): a weighted full-text document per resolved session,
-- a trigram index for typo-tolerant titles, and where a reused fix came from.
-- pg_trgm ships with both the embedded server and the system PostgreSQL 15, and is a trusted
-- extension, so the database owner running migrations may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "ai_sessions" ADD COLUMN     "search_vector" tsvector;

-- AlterTable
ALTER TABLE "session_suggested_fixes" ADD COLUMN     "source_session_id" UUID;

-- CreateIndex
CREATE INDEX "ai_sessions_similar_search_idx" ON "ai_sessions" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "ai_sessions_title_similar_trgm_idx" ON "ai_sessions" USING GIN ("title" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "session_suggested_fixes" ADD CONSTRAINT "session_suggested_fixes_source_session_id_fkey" FOREIGN KEY ("source_session_id") REFERENCES "ai_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The search document. Weights: the title is the engineer's one-line statement of the symptom, the
-- closest thing to what the next engineer types (A). Facts carry the symptoms and environment, and
-- the title of the fix that worked names the cause (B). The resolution note is long prose that
-- restates the rest, so it only breaks ties (C). Only fixes with a success or partial outcome count.
CREATE FUNCTION similar_search_document(p_session_id uuid, p_title text, p_note text) RETURNS tsvector
  LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(p_title, '')), 'A')
    || setweight(to_tsvector('english', coalesce((
         SELECT string_agg(f.title, ' ') FROM session_suggested_fixes f
         WHERE f.session_id = p_session_id AND f.status IN ('applied_success', 'applied_partial')), '')), 'B')
    || setweight(to_tsvector('english', coalesce((
         SELECT string_agg(t.text, ' ') FROM session_facts t
         WHERE t.session_id = p_session_id AND t.deleted_at IS NULL), '')), 'B')
    || setweight(to_tsvector('english', coalesce(p_note, '')), 'C')
$$;

-- Maintained by triggers rather than by the app: facts, fixes and the note are written from many
-- paths (chat replies, the task lane, manual edits, outcomes, the resolve flow), and a trigger keeps
-- every one of them, present and future, in step. Only resolved sessions are searched, so only
-- they carry a document: a write on an active session costs one indexed no-op lookup.
CREATE FUNCTION similar_search_session_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := CASE WHEN NEW.status = 'resolved'
    THEN similar_search_document(NEW.id, NEW.title, NEW.resolution_note_markdown) END;
  RETURN NEW;
END
$$;

CREATE TRIGGER similar_search_session_insert BEFORE INSERT ON "ai_sessions"
  FOR EACH ROW WHEN (NEW.status = 'resolved') EXECUTE FUNCTION similar_search_session_row();
CREATE TRIGGER similar_search_session_update BEFORE UPDATE OF status, title, resolution_note_markdown ON "ai_sessions"
  FOR EACH ROW WHEN (NEW.status = 'resolved' OR OLD.search_vector IS NOT NULL) EXECUTE FUNCTION similar_search_session_row();

CREATE FUNCTION similar_search_child_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[] := ARRAY[]::uuid[];
BEGIN
  IF TG_OP <> 'INSERT' THEN touched := touched || OLD.session_id; END IF;
  IF TG_OP <> 'DELETE' THEN touched := touched || NEW.session_id; END IF;
  UPDATE ai_sessions s SET search_vector = similar_search_document(s.id, s.title, s.resolution_note_markdown)
    WHERE s.id = ANY (touched) AND s.status = 'resolved';
  RETURN NULL;
END
$$;

CREATE TRIGGER similar_search_fact_change AFTER INSERT OR DELETE OR UPDATE OF text, deleted_at, session_id ON "session_facts"
  FOR EACH ROW EXECUTE FUNCTION similar_search_child_row();
CREATE TRIGGER similar_search_fix_change AFTER INSERT OR DELETE OR UPDATE OF title, status, session_id ON "session_suggested_fixes"
  FOR EACH ROW EXECUTE FUNCTION similar_search_child_row();

-- Under row-level security the planner may only use an index for a condition whose operator is
-- LEAKPROOF (see the leakproof_enum_equality migration). The text-search match (@@) and the
-- trigram similarity test (%) compare their two arguments, raise nothing that depends on the row
-- and have no side effects, so they are marked leakproof here. Only a superuser may, so elsewhere
-- this is skipped with a notice: "Seen before" still works, scanning the account's resolved rows.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
    ALTER FUNCTION similarity_op(text, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'Not a superuser: text-search and trigram matches stay non-leakproof, and similar-session search scans the account rows under row-level security.';
  END IF;
END
$$;
