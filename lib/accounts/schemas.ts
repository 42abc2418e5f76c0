import { z } from "zod";
import { env } from "@/lib/env";
import { webhookUrlProblem, type WebhookChannel } from "@/lib/notifications/outbound-url";

const statusId = z
  .number({ error: "Status IDs are whole numbers." })
  .int("Status IDs are whole numbers.")
  .positive("Status IDs are positive numbers.")
  .nullable();
/**
 * A chat webhook URL: https on that provider's webhook hosts (static check, no DNS; the sender
 * checks the resolved addresses again before each post). Hosts in OUTBOUND_ALLOW_HOSTS pass for tests.
 */
const webhookUrl = (channel: WebhookChannel) =>
  z
    .string({ error: "Enter the webhook URL as text, or null to turn the channel off." })
    .trim()
    .superRefine((value, context) => {
      const problem = webhookUrlProblem(channel, value, env.OUTBOUND_ALLOW_HOSTS);
      if (problem) context.addIssue({ code: "custom", message: problem });
    })
    .nullable();

/** Every known account preference with its type (SPEC A5). */
export const preferenceShape = {
  templatize_prompt_enabled: z.boolean({ error: "Use true or false." }),
  cw_resolved_status_id: statusId,
  cw_escalated_status_id: statusId,
  escalation_email_enabled: z.boolean({ error: "Use true or false." }),
  escalation_renotify_minutes: z
    .number({ error: "Re-notify after a whole number of minutes." })
    .int("Re-notify after a whole number of minutes.")
    .min(5, "Re-notify after at least 5 minutes.")
    .max(24 * 60, "Re-notify within 24 hours (1440 minutes)."),
  slack_webhook_url: webhookUrl("slack"),
  teams_webhook_url: webhookUrl("teams"),
};

export const accountPreferences = z.object(preferenceShape);
export type AccountPreferences = z.infer<typeof accountPreferences>;

/** A PATCH names only the keys it changes; an unknown key or a wrong type is refused. */
export const updatePreferencesInput = z
  .strictObject(preferenceShape)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one preference to change.");
export type UpdatePreferencesInput = z.infer<typeof updatePreferencesInput>;

export const preferenceDefaults: AccountPreferences = {
  templatize_prompt_enabled: true,
  cw_resolved_status_id: null,
  cw_escalated_status_id: null,
  escalation_email_enabled: true,
  escalation_renotify_minutes: 30,
  slack_webhook_url: null,
  teams_webhook_url: null,
};
