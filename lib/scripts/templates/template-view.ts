import type { Prisma } from "@/lib/generated/prisma/client";
import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import { readParametersSchema, type TemplateParameter } from "@/lib/scripts/parameter-schema";

type Person = { id: string; name: string };

/** Where a template came from (H1 provenance chip): "generated from ticket #X · resolved by Y". */
export type TemplateProvenance = {
  session_id: string | null;
  ticket_ref: string | null;
  resolved_by: Person | null;
};

/** A template as the API and the pages see it (snake_case; content of one version). */
export type TemplateView = {
  id: string;
  name: string;
  description: string | null;
  language: ScriptLanguage;
  body: string;
  parameters: TemplateParameter[];
  category: { id: string; name: string } | null;
  version: number;
  provenance: TemplateProvenance | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

export type TemplateVersionSummary = { version: number; created_at: Date; created_by: Person | null };

/** A template with the versions it has had, newest first (GET /scripts/templates/:id). */
export type TemplateDetail = TemplateView & { versions: TemplateVersionSummary[] };

const person = { select: { id: true, name: true } } as const;

/** What `toTemplateView` reads; every template query includes it. */
export const templateInclude = {
  category: { select: { id: true, name: true } },
  sourceUser: person,
  sourceSession: { select: { id: true, psaTicketRef: true, user: person, handler: person } },
} satisfies Prisma.ScriptTemplateInclude;

export type TemplateRow = Prisma.ScriptTemplateGetPayload<{ include: typeof templateInclude }>;

/**
 * The engineer a template's source session was resolved by: whoever carried it last (the handler
 * after a pickup), else its owner; the user recorded on the template when the session is gone.
 */
function provenanceOf(row: TemplateRow): TemplateProvenance | null {
  const session = row.sourceSession;
  if (!session && !row.sourceTicketRef) return null;
  return {
    session_id: session?.id ?? null,
    ticket_ref: row.sourceTicketRef ?? session?.psaTicketRef ?? null,
    resolved_by: session?.handler ?? session?.user ?? row.sourceUser ?? null,
  };
}

export function toTemplateView(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    language: row.language,
    body: row.body,
    parameters: readParametersSchema(row.parametersSchema),
    category: row.category,
    version: row.version,
    provenance: provenanceOf(row),
    archived_at: row.archivedAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
