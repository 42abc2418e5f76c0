import type { Expectations, MatrixRow } from "@/tests/authz/expectations";

/**
 * The escalation stream (F4): engineer-or-admin, so A's viewer gets 403. The route takes no
 * object id: it streams the signed-in user's own account, whatever the request says, so there is
 * nothing of tenant A for B's owner to address and the "other tenant" call is simply B's owner
 * opening B's stream (200). That it never carries A's events is tested with live events in
 * lib/realtime/escalation-stream.int.test.ts. The matrix cancels 2xx bodies, so the endless
 * stream does not hold the test.
 */
const engineerOrAdminStream: Expectations = { signedOut: 401, viewer: 403, engineer: 200, admin: 200, owner: 200, otherTenant: 200, removed: 401 };

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/ai-sessions/escalations/stream": { expect: engineerOrAdminStream },
};
