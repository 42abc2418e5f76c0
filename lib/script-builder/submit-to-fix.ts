import type { Viewer } from "@/lib/auth/viewer";
import { conflict } from "@/lib/errors";
import { saveDraftScript } from "@/lib/fixes/fix-outcome";
import { draftScriptInput } from "@/lib/fixes/schemas";
import type { FixView } from "@/lib/fixes/fix-view";
import type { SubmitBuilderScriptInput } from "@/lib/script-builder/schemas";
import { getBuilderSession } from "@/lib/script-builder/builder-sessions";

/**
 * H4 "Submit to fix": puts the builder's current script and its parameter values onto a fix of
 * the builder's pilot session through D6 (`saveDraftScript`), whose rules apply unchanged: invalid
 * (422) for an empty script, not_found for a fix of another session, conflict for a terminal or
 * superseded fix, forbidden when the viewer no longer works the session. Also not_found for
 * another user's builder, conflict for a builder not tied to a pilot session.
 */
export async function submitBuilderScript(viewer: Viewer, input: SubmitBuilderScriptInput): Promise<FixView> {
  const builder = await getBuilderSession(viewer, input.id);
  if (!builder.ai_session_id) {
    throw conflict("This builder isn't tied to a pilot session, so there is no fix to submit to. Copy or download the script instead.");
  }
  const draft = draftScriptInput.parse({
    id: builder.ai_session_id,
    fid: input.fix_id,
    script: builder.current_script ?? "",
    parameters: builder.current_parameters,
  });
  return saveDraftScript(viewer, draft);
}
