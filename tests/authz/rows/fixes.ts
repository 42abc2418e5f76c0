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
import { suggestFix } from "@/tests/helpers/suggested-fixes";

/**
 * Suggested fixes (D1–D6). The active fix is readable by whoever reads the session; every write
 * needs engineer-or-admin and the engineer working the session (a teammate: 404 on an active
 * session, 403 on an escalated one). Each write call gets a freshly suggested fix, so a 2xx is
 * never a repeat of an earlier call's write.
 */
async function freshFix(f: MatrixFixture, lane: Lane) {
  const fix = await suggestFix(f.a.engineer, f.sessions[lane]);
  return { id: f.sessions[lane], fid: fix.id };
}

/** A write on a fresh fix of each session, answered with `status` for the engineer working it. */
const fixWrite = (status: number, body?: object): MatrixRow =>
  perSession((lane) => ({
    request: async (f) => ({ params: await freshFix(f, lane), ...(body ? { body } : {}) }),
    expect: workerOnly(status, teammateSees[lane]),
  }));

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/ai-sessions/[id]/suggested-fixes/active": [
    { label: "active", request: async (f) => ({ params: { id: (await freshFix(f, "active")).id } }), expect: creatorAndViewers(200) },
    { label: "escalated", request: async (f) => ({ params: { id: (await freshFix(f, "escalated")).id } }), expect: anyMemberOfA(200) },
  ],
  "POST /api/v1/ai-sessions/[id]/suggested-fixes/[fid]/decision": fixWrite(200, { decision: "one_off" }),
  "POST /api/v1/ai-sessions/[id]/suggested-fixes/[fid]/apply": fixWrite(200),
  "PATCH /api/v1/ai-sessions/[id]/suggested-fixes/[fid]/outcome": fixWrite(200, { outcome: "applied_success" }),
  "DELETE /api/v1/ai-sessions/[id]/suggested-fixes/[fid]/ai-outcome-proposal": fixWrite(200),
  "POST /api/v1/ai-sessions/[id]/suggested-fixes/[fid]/draft-script": fixWrite(200, { script: "Get-Service -Name Spooler" }),
};
