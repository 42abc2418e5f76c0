import { z } from "zod";
import { escalateSessionInput } from "@/lib/handoffs/schemas";
import { sessionIdParams } from "@/lib/sessions/schemas";

/**
 * F1/E4: `POST /ai-sessions/:id/escalation-package/post` — the canonical escalation with the
 * engineer's package (`markdown`; left out, the current preview), as `/escalate` takes it.
 */
export const postEscalationPackageInput = escalateSessionInput
  .omit({ package_markdown: true })
  .extend({ markdown: escalateSessionInput.shape.package_markdown });
export type PostEscalationPackageInput = z.infer<typeof postEscalationPackageInput>;

/** `POST /ai-sessions/:id/psa-posts/:post_id/retry`. */
export const retryPsaPostInput = sessionIdParams.extend({ post_id: z.uuid("PSA post ids are UUIDs.") });
export type RetryPsaPostInput = z.infer<typeof retryPsaPostInput>;
