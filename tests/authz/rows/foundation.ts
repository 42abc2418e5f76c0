import { anyMemberOfA, creatorAndViewers, creatorOnly, ownerOrAdminOnly, signedInOnly, type Expectations, type MatrixRow } from "@/tests/authz/expectations";

/** Engineers, admins and owners (B's owner in its own account) may; viewers are read-only (A3). */
function engineersCreate(status: number): Expectations {
  return { signedOut: 401, viewer: 403, engineer: status, admin: status, owner: status, otherTenant: status, removed: 401 };
}

/** Foundation routes: identity, preferences, sessions, shell counts. */
export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/me": { expect: signedInOnly(200) },

  "GET /api/v1/accounts/me/preferences": { expect: signedInOnly(200) },
  // Writes the default value back: allowed callers change nothing observable.
  "PATCH /api/v1/accounts/me/preferences": {
    request: () => ({ body: { templatize_prompt_enabled: true } }),
    expect: ownerOrAdminOnly(200),
  },

  // Each caller's own list (a viewer's: the team's), so every signed-in user gets a page.
  "GET /api/v1/ai-sessions": [
    { label: "first page", request: () => ({ query: { limit: "10" } }), expect: signedInOnly(200) },
    { label: "searched, filtered, sorted, paged", request: () => ({ query: { q: "A", status: "active", sort: "title", page: "2" } }), expect: signedInOnly(200) },
  ],

  "GET /api/v1/ai-sessions/[id]": [
    { label: "active", request: (f) => ({ params: { id: f.sessions.active } }), expect: creatorAndViewers(200) },
    { label: "parked", request: (f) => ({ params: { id: f.sessions.parked } }), expect: creatorAndViewers(200) },
    { label: "resolved", request: (f) => ({ params: { id: f.sessions.resolved } }), expect: creatorAndViewers(200) },
    // F8: a session in transit to a senior is readable by the whole account.
    { label: "escalated", request: (f) => ({ params: { id: f.sessions.escalated } }), expect: anyMemberOfA(200) },
    {
      label: "requesting_escalation",
      request: (f) => ({ params: { id: f.sessions.requesting_escalation } }),
      expect: anyMemberOfA(200),
    },
  ],

  "POST /api/v1/ai-sessions": [
    { label: "new", request: () => ({ body: { title: "Matrix session" } }), expect: engineersCreate(201) },
    // Forking needs the source to be readable: an active session is its creator's alone.
    {
      label: "fork of A's active session",
      request: (f) => ({ body: { title: "Fork", forked_from_id: f.sessions.active } }),
      expect: { ...creatorOnly(201), viewer: 403 },
    },
  ],

  "GET /api/v1/shell/counts": { expect: signedInOnly(200) },
};

