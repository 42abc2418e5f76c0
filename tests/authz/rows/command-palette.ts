import { signedInOnly, type MatrixRow } from "@/tests/authz/expectations";

/**
 * The command palette's session search: every signed-in member searches their own account
 * (tenant B's owner gets 200 with B's sessions only; search-sessions.int.test.ts proves none of
 * A's come back). A query the schema refuses is 422 for everyone past the sign-in check.
 */
export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/command-palette/sessions": [
    { label: "search", request: () => ({ query: { q: "A es" } }), expect: signedInOnly(200) },
    { label: "no query", request: () => ({ query: {} }), expect: signedInOnly(422) },
  ],
};
