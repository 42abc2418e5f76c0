import { randomUUID } from "node:crypto";
import { anyMemberOfA, signedInOnly, type Expectations, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";
import { createTemplateFor } from "@/tests/helpers/script-templates";

/**
 * The script library (H1). Every member reads; engineers, admins and owners write (viewers 403);
 * B's owner gets 404 on A's templates and creates in B's own library. Writes are real: each call
 * gets a template of its own to edit or archive, and each new category a name of its own.
 */

/** Engineers, admins and owners write; B's owner writing into B's own account succeeds too. */
function engineersWrite(status: number): Expectations {
  return { signedOut: 401, viewer: 403, engineer: status, admin: status, owner: status, otherTenant: status, removed: 401 };
}

/** Writes on one of A's templates: B's owner finds nothing there (404). */
function engineersOfAWrite(status: number): Expectations {
  return { ...engineersWrite(status), otherTenant: 404 };
}

const freshTemplate = async (f: MatrixFixture) => ({ id: (await createTemplateFor(f.a.engineer)).id });

const newTemplate = {
  name: "Matrix: restart the print spooler",
  description: "Created by the authorization matrix.",
  language: "powershell",
  body: "Restart-Service -Name Spooler -ComputerName {{computer}}",
  parameters: [{ name: "computer", label: "Print server", type: "text" }],
};

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/scripts/templates": { request: () => ({ query: { q: "spooler", include_archived: "false" } }), expect: signedInOnly(200) },
  "POST /api/v1/scripts/templates": { request: () => ({ body: newTemplate }), expect: engineersWrite(201) },
  "GET /api/v1/scripts/templates/[id]": { request: async (f) => ({ params: await freshTemplate(f), query: { version: "1" } }), expect: anyMemberOfA(200) },
  "PATCH /api/v1/scripts/templates/[id]": {
    request: async (f) => ({ params: await freshTemplate(f), body: { description: "Edited by the authorization matrix." } }),
    expect: engineersOfAWrite(200),
  },
  "DELETE /api/v1/scripts/templates/[id]": { request: async (f) => ({ params: await freshTemplate(f) }), expect: engineersOfAWrite(200) },
  "GET /api/v1/scripts/categories": { expect: signedInOnly(200) },
  "POST /api/v1/scripts/categories": { request: () => ({ body: { name: `Matrix ${randomUUID().slice(0, 8)}` } }), expect: engineersWrite(201) },
};
