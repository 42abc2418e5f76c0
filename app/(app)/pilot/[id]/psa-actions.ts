"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { postResolutionNote } from "@/lib/documents/post-resolution";
import { postResolutionNoteInput } from "@/lib/documents/schemas";
import { createHandoff } from "@/lib/handoffs/handoff-manager";
import { escalateSessionInput } from "@/lib/handoffs/schemas";
import { getLatestPsaPost } from "@/lib/psa/psa-post-view";
import { retryPsaPost } from "@/lib/psa/psa-writeback";
import { retryPsaPostInput } from "@/lib/psa/writeback/schemas";
import { isPsaWritebackFailure, type WritebackFailureDetails } from "@/lib/psa/writeback/writeback-failure";
import { engineerOrAdminAction, signedInAction } from "@/lib/safe-action";
import { sessionIdParams } from "@/lib/sessions/schemas";

/** A PSA post that failed after the local resolve/escalation committed: the server's message and which post to retry. */
export type PsaFailure = WritebackFailureDetails & { message: string };
type Outcome<T> = { ok: true; result: T } | { ok: false; failure: PsaFailure };

/** The local change stands either way, so the page re-renders on success and on a PSA failure alike. */
async function settle<T>(sessionId: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    const result = await run();
    return { ok: true, result };
  } catch (error) {
    if (!isPsaWritebackFailure(error)) throw error;
    return { ok: false, failure: { ...error.failure, message: error.message } };
  } finally {
    revalidatePath(`/pilot/${sessionId}`);
    revalidatePath("/pilot");
  }
}

/** E4: resolves with the (possibly edited) note and posts it to the linked ticket. */
export const resolveAndPostAction = engineerOrAdminAction
  .inputSchema(postResolutionNoteInput)
  .action(({ parsedInput, ctx }) => settle(parsedInput.id, () => postResolutionNote(ctx.viewer, parsedInput.id, { markdown: parsedInput.markdown })));

/** F1: escalates with the (possibly edited) package and posts it to the linked ticket (internal analysis). */
export const escalateAndPostAction = engineerOrAdminAction.inputSchema(escalateSessionInput).action(async ({ parsedInput, ctx }) => {
  const outcome = await settle(parsedInput.id, () =>
    createHandoff(ctx.viewer, {
      sessionId: parsedInput.id, intent: "escalate", reason: parsedInput.reason, targetUserId: parsedInput.target_user_id, packageMarkdown: parsedInput.package_markdown,
    }),
  );
  revalidatePath("/escalations");
  return outcome;
});

/** E4/F1: "Retry posting to ConnectWise" for a failed post. */
export const retryPsaPostAction = engineerOrAdminAction
  .inputSchema(retryPsaPostInput)
  .action(({ parsedInput, ctx }) => settle(parsedInput.id, () => retryPsaPost(ctx.viewer, { sessionId: parsedInput.id, postId: parsedInput.post_id })));

/** The session's latest post of a document kind, for the page's PSA status line. Reads only. */
export const latestPsaPostAction = signedInAction
  .inputSchema(sessionIdParams.extend({ kind: z.enum(["resolution_note", "escalation_package"]) }))
  .action(({ parsedInput, ctx }) => getLatestPsaPost(ctx.viewer, parsedInput.id, parsedInput.kind));
