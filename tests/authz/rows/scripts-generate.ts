import { db } from "@/lib/db";
import {
  anyMemberOfA,
  creatorAndViewers,
  perSession,
  signedInOnly,
  teammateSees,
  workerOnly,
  type Expectations,
  type MatrixFixture,
  type MatrixRow,
} from "@/tests/authz/expectations";
import { createTemplateFor } from "@/tests/helpers/script-templates";

/**
 * Script generation (H2). Engineers, admins and owners generate from A's templates (viewers 403,
 * B's owner finds no such template: 404); linked to a session, only the engineer working it may
 * (a teammate: 404 on an active session, 403 on an escalated one). Every member reads runs; a
 * session filter follows the session's read rule. Each call gets a template (and a run) of its own.
 */

const VALUES = { computer: "PRN-01", admin_password: "Matrix-Secret-1" };

/** Engineers, admins and owners of A generate; B's owner addressing A's template gets 404. */
const engineersOfA = (status: number): Expectations => ({ signedOut: 401, viewer: 403, engineer: status, admin: status, owner: status, otherTenant: 404, removed: 401 });

const freshTemplate = async (f: MatrixFixture) => (await createTemplateFor(f.a.engineer)).id;

/** A stored run of a fresh template of A, started by A's engineer. */
async function freshGeneration(f: MatrixFixture) {
  const templateId = await freshTemplate(f);
  const row = await db.scriptGeneration.create({
    data: { accountId: f.a.accountId, templateId, userId: f.a.engineer.id, templateVersion: 1, language: "powershell", renderedScript: "Restart-Service -Name Spooler", parameters: { computer: "PRN-01" } },
    select: { id: true },
  });
  return row.id;
}

export const rows: Record<string, MatrixRow> = {
  "POST /api/v1/scripts/generate": [
    { label: "from the library", request: async (f) => ({ body: { template_id: await freshTemplate(f), parameters: VALUES } }), expect: engineersOfA(201) },
    ...perSession((lane) => ({
      request: async (f) => ({ body: { template_id: await freshTemplate(f), parameters: VALUES, ai_session_id: f.sessions[lane] } }),
      expect: workerOnly(201, teammateSees[lane]),
    })),
  ],
  "GET /api/v1/scripts/generations": [
    { label: "the account's runs", expect: signedInOnly(200) },
    { label: "of a template", request: async (f) => ({ query: { template_id: await freshTemplate(f) } }), expect: anyMemberOfA(200) },
    { label: "of an active session", request: (f) => ({ query: { ai_session_id: f.sessions.active } }), expect: creatorAndViewers(200) },
    { label: "of an escalated session", request: (f) => ({ query: { ai_session_id: f.sessions.escalated } }), expect: anyMemberOfA(200) },
  ],
  "GET /api/v1/scripts/generations/[id]": { request: async (f) => ({ params: { id: await freshGeneration(f) } }), expect: anyMemberOfA(200) },
};
