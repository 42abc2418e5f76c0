import type { Viewer } from "@/lib/auth/viewer";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generationSelect, toGenerationView, type GenerationResult } from "@/lib/scripts/generate/generation-view";
import { sensitiveEntries, validateParameterValues } from "@/lib/scripts/generate/parameter-values";
import { renderScript, scriptFileName } from "@/lib/scripts/generate/render-script";
import type { GenerateScriptInput } from "@/lib/scripts/generate/schemas";
import { redactParameters } from "@/lib/scripts/redaction";
import { loadTemplateVersion } from "@/lib/scripts/templates/template-version";
import { loadSessionForWrite } from "@/lib/sessions/session-writer";
import { bumpStateVersion } from "@/lib/sessions/state-version";

const TX_OPTIONS = { timeout: 10_000 } as const;

/** The pilot session a run is linked to: one the viewer works on, and not already resolved. */
async function sessionToLink(tx: Tx, viewer: Viewer, sessionId: string | null | undefined) {
  if (!sessionId) return null;
  const session = await loadSessionForWrite(viewer, sessionId, tx);
  if (session.status === "resolved") {
    throw conflict("This session is resolved, so a script can't be added to it any more. Generate it from the library instead.");
  }
  return session;
}

/**
 * H2: renders the template's current version with `parameters` and records the run: in one
 * transaction the ScriptGeneration (version and language rendered, the script and values with
 * sensitive ones redacted, the sensitive values sealed) and, launched from a pilot session, the
 * link, a state_version bump and a "Generated <template> v<N>" step. The real script is only in
 * the returned `script`. Throws not_found (template or session not readable), forbidden (a session
 * the viewer doesn't work on), conflict (archived template, resolved session), invalid (422,
 * `parameters.<name>: …`), unavailable (no encryption key for sensitive values).
 */
export async function generateScript(viewer: Viewer, input: GenerateScriptInput): Promise<GenerationResult> {
  const { row, script, fileName } = await db.$transaction(async (tx) => {
    const template = await loadTemplateVersion(tx, viewer.accountId, input.template_id);
    if (template.archivedAt) {
      throw conflict("This template is archived; it stays readable for the runs that used it, but new scripts come from current templates. Pick another one in the library.");
    }
    const session = await sessionToLink(tx, viewer, input.ai_session_id);
    const values = validateParameterValues(template.parameters, input.parameters);
    const rendered = renderScript({ language: template.language, body: template.body, parameters: template.parameters, values });
    const sensitive = sensitiveEntries(template.parameters, values);
    const row = await tx.scriptGeneration.create({
      data: {
        accountId: viewer.accountId,
        templateId: template.templateId,
        sessionId: session?.id ?? null,
        userId: viewer.userId,
        templateVersion: template.version,
        language: template.language,
        renderedScript: rendered.redactedScript,
        parameters: redactParameters(template.parameters, values) as Prisma.InputJsonObject,
        sensitiveValuesSealed: Object.keys(sensitive).length > 0 ? sealSecret(JSON.stringify(sensitive)) : null,
      },
      select: generationSelect,
    });
    if (session) {
      await bumpStateVersion(tx, session.id);
      await tx.aiSessionStep.create({
        data: {
          accountId: viewer.accountId,
          sessionId: session.id,
          userId: viewer.userId,
          kind: "engineer_action",
          content: `Generated ${template.name} v${template.version}`,
          metadata: { type: "script_generated", generation_id: row.id, template_id: template.templateId, template_version: template.version },
        },
      });
    }
    return { row, script: rendered.script, fileName: scriptFileName(template.name, template.language) };
  }, TX_OPTIONS);

  // Ids and names only: a value may be a secret.
  console.info(JSON.stringify({ event: "scripts.generated", generation_id: row.id, template_id: row.templateId, template_version: row.templateVersion, session_id: row.sessionId }));
  return { generation: toGenerationView(row), script, file_name: fileName };
}
