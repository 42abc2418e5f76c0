import { db } from "@/lib/db";
import { creatorOnly, perSession, teammateSees, workerOnly, type Expectations, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";
import { suggestFix } from "@/tests/helpers/suggested-fixes";
import { createSessionFor } from "@/tests/helpers/tenant";

/**
 * Script builder (H4). Every route is engineer-or-admin: viewers read scripts in the library but
 * don't build them (403). A builder session is its creator's alone, so teammates and tenant B
 * get 404 for A's engineer's session. Rows that need a session share one standalone session of
 * A's engineer (with the POST row's three creates per persona that stays under the cap of 5);
 * DELETE consumes inline builders instead, which the cap ignores.
 */
const builderOwnerOnly = (status: number): Expectations => ({ ...creatorOnly(status), viewer: 403 });

/** Engineers, admins and owners (B's owner in its own account); viewers 403. */
const buildersOnly = (status: number): Expectations => ({
  signedOut: 401,
  viewer: 403,
  engineer: status,
  admin: status,
  owner: status,
  otherTenant: status,
  removed: 401,
});

const shared = new WeakMap<MatrixFixture, Promise<string>>();

/** One standalone builder session of A's engineer for the whole run. */
function sharedStandalone(f: MatrixFixture): Promise<string> {
  let id = shared.get(f);
  if (!id) {
    id = db.scriptBuilderSession
      .create({ data: { accountId: f.a.accountId, userId: f.a.engineer.id, title: "Matrix builder", language: "powershell" }, select: { id: true } })
      .then((session) => session.id);
    shared.set(f, id);
  }
  return id;
}

/**
 * A's engineer's inline builder on A's active session, holding a script to submit. The
 * get-or-create row may have made it first (without a script), so the script is set either way.
 */
async function inlineWithScript(f: MatrixFixture): Promise<string> {
  const where = { accountId: f.a.accountId, userId: f.a.engineer.id, origin: "pilot_inline" as const, aiSessionId: f.sessions.active };
  const currentScript = "Get-Service -Name Spooler";
  const existing = await db.scriptBuilderSession.findFirst({ where, select: { id: true } });
  if (existing) {
    await db.scriptBuilderSession.update({ where: { id: existing.id }, data: { currentScript } });
    return existing.id;
  }
  const created = await db.scriptBuilderSession.create({ data: { ...where, title: "Matrix inline", language: "powershell", currentScript }, select: { id: true } });
  return created.id;
}

/** A fresh inline builder (on a fresh pilot session of A's engineer) for a DELETE to consume. */
async function freshInline(f: MatrixFixture): Promise<string> {
  const pilot = await createSessionFor(f.a.engineer, { title: "Matrix builder delete" });
  const builder = await db.scriptBuilderSession.create({
    data: { accountId: f.a.accountId, userId: f.a.engineer.id, origin: "pilot_inline", aiSessionId: pilot.id, title: "To delete", language: "bash" },
    select: { id: true },
  });
  return builder.id;
}

export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/script-builder/sessions": { expect: buildersOnly(200) },
  "POST /api/v1/script-builder/sessions": { request: () => ({ body: { title: "Matrix script", language: "bash" } }), expect: buildersOnly(201) },
  "GET /api/v1/script-builder/sessions/[id]": {
    request: async (f) => ({ params: { id: await sharedStandalone(f) } }),
    expect: builderOwnerOnly(200),
  },
  "DELETE /api/v1/script-builder/sessions/[id]": {
    request: async (f) => ({ params: { id: await freshInline(f) } }),
    expect: builderOwnerOnly(200),
  },
  // Without a model configured the message still answers 200 and streams an error event.
  "POST /api/v1/script-builder/sessions/[id]/messages": {
    request: async (f) => ({ params: { id: await sharedStandalone(f) }, body: { message: "Matrix hello" } }),
    expect: builderOwnerOnly(200),
  },
  // Each call submits onto a freshly suggested fix, so a 200 is never a repeat of an earlier write.
  "POST /api/v1/script-builder/sessions/[id]/submit": {
    request: async (f) => {
      const fix = await suggestFix(f.a.engineer, f.sessions.active);
      return { params: { id: await inlineWithScript(f) }, body: { fix_id: fix.id } };
    },
    expect: builderOwnerOnly(200),
  },
  // Get-or-create: needs the engineer working the session, like every session write.
  "POST /api/v1/ai-sessions/[id]/script-builder": perSession((lane) => ({
    request: (f) => ({ params: { id: f.sessions[lane] } }),
    expect: workerOnly(200, teammateSees[lane]),
  })),
};
