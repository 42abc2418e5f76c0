import { workerOnly as worker, type MatrixRow } from "@/tests/authz/expectations";

/** Chat turns (B2). Without a model configured the turn still answers 200 and streams an error event. */
export const rows: Record<string, MatrixRow> = {
  "POST /api/v1/ai-sessions/[id]/turns": [
    { label: "active", request: (f) => ({ params: { id: f.sessions.active }, body: { message: "Matrix hello" } }), expect: worker(200, 404) },
    { label: "escalated", request: (f) => ({ params: { id: f.sessions.escalated }, body: { message: "Matrix hello" } }), expect: worker(200, 403) },
    { label: "resolved", request: (f) => ({ params: { id: f.sessions.resolved }, body: { message: "Matrix hello" } }), expect: worker(409, 404) },
  ],
};
