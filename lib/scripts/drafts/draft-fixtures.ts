/**
 * Test support (integration tests and the authorization matrix), not used by the app: a draft
 * template queued the way D2's draft_template decision queues one. Kept beside the drafts code
 * because tests/helpers belongs to another owner; move it there when convenient.
 */
import { db } from "@/lib/db";
import type { TemplateParameter } from "@/lib/scripts/parameter-schema";

export const DRAFT_SCRIPT = 'Restart-Service -Name "Spooler" -Force\nGet-Printer -ComputerName "PRN-01"';
export const DRAFT_BODY = 'Restart-Service -Name "{{service_name}}" -Force\nGet-Printer -ComputerName "{{print_server}}"';
export const DRAFT_PARAMETERS: TemplateParameter[] = [
  { name: "service_name", label: "Service", type: "text", required: true, default: "Spooler", sensitive: false, description: null },
  { name: "print_server", label: "Print server", type: "text", required: true, default: null, sensitive: false, description: "Host name" },
];

type DraftOwner = { id: string; accountId: string };
type DraftOptions = {
  sessionId?: string | null;
  status?: "pending" | "accepted" | "rejected";
  name?: string;
  originalScript?: string;
  templatedBody?: string;
  proposedParameters?: unknown[];
};

/** A draft proposed by `user` (pending unless told otherwise), optionally from a session. */
export async function queueDraft(user: DraftOwner, options: DraftOptions = {}) {
  return db.draftTemplate.create({
    data: {
      accountId: user.accountId,
      userId: user.id,
      sessionId: options.sessionId ?? null,
      name: options.name ?? "Restart the print spooler",
      description: "The spooler hung after a driver update.",
      language: "powershell",
      originalScript: options.originalScript ?? DRAFT_SCRIPT,
      templatedBody: options.templatedBody ?? DRAFT_BODY,
      proposedParameters: (options.proposedParameters ?? DRAFT_PARAMETERS) as object[],
      status: options.status ?? "pending",
      resolvedAt: options.status && options.status !== "pending" ? new Date() : null,
    },
  });
}
