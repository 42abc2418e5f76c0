import {
  anyMemberOfA,
  creatorAndViewers,
  perSession,
  teammateSees,
  workerOnly,
  type Lane,
  type MatrixFixture,
  type MatrixRow,
} from "@/tests/authz/expectations";
import { addFact } from "@/tests/helpers/session-state";

/**
 * Facts (C1–C3). Reads follow the session's read rule; writes need engineer-or-admin and the
 * engineer working the session: a teammate can't see an active session (404) and can see but not
 * change an escalated one (403). Each PATCH/DELETE call gets a fact of its own.
 */
async function freshFact(f: MatrixFixture, lane: Lane) {
  const fact = await addFact(f.a.engineer, f.sessions[lane], { text: "Matrix fact" });
  return { id: f.sessions[lane], factId: fact.id };
}

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/ai-sessions/[id]/facts": [
    { label: "active", request: (f) => ({ params: { id: f.sessions.active } }), expect: creatorAndViewers(200) },
    { label: "escalated", request: (f) => ({ params: { id: f.sessions.escalated } }), expect: anyMemberOfA(200) },
  ],
  "POST /api/v1/ai-sessions/[id]/facts": perSession((lane) => ({
    request: (f) => ({ params: { id: f.sessions[lane] }, body: { text: "Matrix note" } }),
    expect: workerOnly(201, teammateSees[lane]),
  })),
  "PATCH /api/v1/ai-sessions/[id]/facts/[factId]": perSession((lane) => ({
    request: async (f) => ({ params: await freshFact(f, lane), body: { text: "Matrix note, edited" } }),
    expect: workerOnly(200, teammateSees[lane]),
  })),
  "DELETE /api/v1/ai-sessions/[id]/facts/[factId]": perSession((lane) => ({
    request: async (f) => ({ params: await freshFact(f, lane) }),
    expect: workerOnly(204, teammateSees[lane]),
  })),
  "POST /api/v1/ai-sessions/[id]/facts/promote": perSession((lane) => ({
    request: (f) => ({ params: { id: f.sessions[lane] }, body: { proposed_text: "Matrix promoted fact" } }),
    expect: workerOnly(201, teammateSees[lane]),
  })),
};
