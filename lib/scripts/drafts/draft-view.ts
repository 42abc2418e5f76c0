import type { Prisma } from "@/lib/generated/prisma/client";
import type { DraftTemplateStatus, ScriptLanguage } from "@/lib/generated/prisma/enums";
import { ticketRefOf } from "@/lib/documents/bundle";
import { maskOriginalScript, sensitiveParameterNames } from "@/lib/scripts/drafts/mask-original";
import { readParametersSchema, type TemplateParameter } from "@/lib/scripts/parameter-schema";

/** H5: a draft template as the queue, the review panel and the REST API show it (snake_case, ISO times). */
export type DraftView = {
  id: string;
  name: string;
  description: string | null;
  language: ScriptLanguage;
  /** The script as it ran, with the values of sensitive parameters shown as •••• (see maskOriginalScript). */
  original_script: string;
  templated_body: string;
  proposed_parameters: TemplateParameter[];
  status: DraftTemplateStatus;
  session: { id: string; title: string; ticket_ref: string | null } | null;
  created_by: { id: string; name: string };
  created_at: string;
  resolved_at: string | null;
  promoted_template_id: string | null;
};

/** The columns a DraftView needs; one select for the list and the single read. */
export const draftViewSelect = {
  id: true,
  name: true,
  description: true,
  language: true,
  originalScript: true,
  templatedBody: true,
  proposedParameters: true,
  status: true,
  promotedTemplateId: true,
  resolvedAt: true,
  createdAt: true,
  session: { select: { id: true, title: true, psaTicketRef: true, psaTicketId: true } },
  user: { select: { id: true, name: true } },
} satisfies Prisma.DraftTemplateSelect;

type DraftRow = Prisma.DraftTemplateGetPayload<{ select: typeof draftViewSelect }>;

export function toDraftView(row: DraftRow): DraftView {
  const parameters = readParametersSchema(row.proposedParameters);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    language: row.language,
    original_script: maskOriginalScript(row.originalScript, row.templatedBody, sensitiveParameterNames(row.proposedParameters)),
    templated_body: row.templatedBody,
    proposed_parameters: parameters,
    status: row.status,
    session: row.session && { id: row.session.id, title: row.session.title, ticket_ref: ticketRefOf(row.session) },
    created_by: { id: row.user.id, name: row.user.name },
    created_at: row.createdAt.toISOString(),
    resolved_at: row.resolvedAt?.toISOString() ?? null,
    promoted_template_id: row.promotedTemplateId,
  };
}
