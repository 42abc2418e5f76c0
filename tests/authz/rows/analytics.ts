import type { Expectations, MatrixRow } from "@/tests/authz/expectations";

/**
 * Engineer-or-admin reads. The route takes no object id: it always reports the caller's own
 * account, so tenant B's owner gets 200 with B's numbers, never A's (no id to probe, so no 404).
 * Tenant isolation of the numbers is pinned in lib/analytics/escalation-metric.int.test.ts and
 * lib/analytics/reopen-metric.int.test.ts.
 */
function engineersRead(status: number): Expectations {
  return { signedOut: 401, viewer: 403, engineer: status, admin: status, owner: status, otherTenant: status, removed: 401 };
}

/** Analytics routes (SPEC I1). */
export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/analytics/flowpilot/escalations": [
    { label: "default period", expect: engineersRead(200) },
    { label: "period=7d", request: () => ({ query: { period: "7d" } }), expect: engineersRead(200) },
  ],
  "GET /api/v1/analytics/flowpilot/reopens": [
    { label: "default period", expect: engineersRead(200) },
    { label: "period=90d", request: () => ({ query: { period: "90d" } }), expect: engineersRead(200) },
  ],
};
