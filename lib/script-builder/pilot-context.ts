import { db, type Tx } from "@/lib/db";
import { loadSensitiveValues } from "@/lib/documents/bundle";
import { redactValues } from "@/lib/scripts/redaction";
import type { ScriptParameters } from "@/lib/script-builder/script-extraction";
import type { PilotContext } from "@/lib/script-builder/starting-context";

/** Drafted parameters are kept only as a flat record of values (D6's "values by name"). */
function valuesOf(stored: unknown): ScriptParameters | null {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return null;
  const values = Object.fromEntries(
    Object.entries(stored).filter((entry): entry is [string, string | number | boolean] => ["string", "number", "boolean"].includes(typeof entry[1])),
  );
  return Object.keys(values).length ? values : null;
}

/**
 * A pilot session's title, live facts and a fix (`fixId`, else the active one) for the builder's
 * model. Every string is scrubbed of the session's sensitive script values (E5), as documents
 * are. The caller checks access; null when the session isn't in `accountId`.
 */
export async function loadPilotContext(
  accountId: string,
  sessionId: string,
  options: { fixId?: string } = {},
  client: Tx = db,
): Promise<PilotContext | null> {
  const session = await client.aiSession.findFirst({
    where: { id: sessionId, accountId },
    select: {
      title: true,
      facts: { where: { deletedAt: null }, orderBy: { createdAt: "asc" }, select: { text: true } },
      fixes: {
        where: options.fixId ? { id: options.fixId } : { supersededAt: null },
        take: 1,
        select: { id: true, title: true, description: true, aiDraftedScript: true, editedScript: true, aiDraftedParameters: true },
      },
    },
  });
  if (!session) return null;
  const secrets = await loadSensitiveValues(sessionId, client);
  const scrub = (text: string) => redactValues(text, secrets);
  const fix = session.fixes[0];
  const script = fix ? (fix.editedScript ?? fix.aiDraftedScript) : null;
  const parameters = fix ? valuesOf(fix.aiDraftedParameters) : null;
  return {
    sessionTitle: scrub(session.title),
    facts: session.facts.map((fact) => scrub(fact.text)),
    fix: fix
      ? {
          id: fix.id,
          title: scrub(fix.title),
          description: scrub(fix.description),
          script: script ? scrub(script) : null,
          parameters: parameters
            ? Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, typeof value === "string" ? scrub(value) : value]))
            : null,
        }
      : null,
  };
}
