import { recordAudit } from "@/lib/audit/record-audit";
import { ownerOrAdminOnly, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";

/**
 * The audit trail (issue 11): owners and admins read their own account's events only. Tenant B's
 * owner gets 200 with B's own list; the service test proves none of A's rows are in it.
 */
async function withEventOfA(f: MatrixFixture, query: Record<string, string>) {
  await recordAudit({ accountId: f.a.accountId, userId: f.a.owner.id }, { action: "preferences.updated", targetType: "preferences", before: { escalation_renotify_minutes: 30 }, after: { escalation_renotify_minutes: 45 } });
  return { query };
}

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/audit-events": [
    { label: "first page", request: (f) => withEventOfA(f, {}), expect: ownerOrAdminOnly(200) },
    { label: "a page past the end", request: (f) => withEventOfA(f, { page: "50" }), expect: ownerOrAdminOnly(200) },
    { label: "a bad page", request: () => ({ query: { page: "0" } }), expect: ownerOrAdminOnly(422) },
  ],
};
