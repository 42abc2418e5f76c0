import { anyMemberOfA, creatorAndViewers, type MatrixRow } from "@/tests/authz/expectations";

/**
 * "Seen before" (similar resolved sessions): read by whoever reads the asking session, so a
 * teammate gets 404 on an active session and 200 on one in transit to a senior.
 */
export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/ai-sessions/[id]/similar": [
    { label: "active", request: async (f) => ({ params: { id: f.sessions.active } }), expect: creatorAndViewers(200) },
    { label: "escalated", request: async (f) => ({ params: { id: f.sessions.escalated } }), expect: anyMemberOfA(200) },
  ],
};
