import type { Expectations, MatrixRow } from "@/tests/authz/expectations";

/** Only the engineer working the session may talk in it; others who can read it get 403, the rest 404. */
const worker = (status: number, teammates: 403 | 404): Expectations => ({
  signedOut: 401,
  viewer: 403,
  engineer: status,
  admin: teammates,
  owner: teammates,
  otherTenant: 404,
  removed: 401,
});

/** Chat turns (B2). Without a model configured the turn still answers 200 and streams an error event. */
export const rows: Record<string, MatrixRow> = {
  "POST /api/v1/ai-sessions/[id]/turns": [
    { label: "active", request: (f) => ({ params: { id: f.sessions.active }, body: { message: "Matrix hello" } }), expect: worker(200, 404) },
    { label: "escalated", request: (f) => ({ params: { id: f.sessions.escalated }, body: { message: "Matrix hello" } }), expect: worker(200, 403) },
    { label: "resolved", request: (f) => ({ params: { id: f.sessions.resolved }, body: { message: "Matrix hello" } }), expect: worker(409, 404) },
  ],
};
