-- The session-search trigram index (title first) already serves the "Seen before" title match.
DROP INDEX "ai_sessions_title_similar_trgm_idx";

