import type { FactSourceKind } from "@/lib/generated/prisma/enums";

/** C2: facts that mirror a task-lane item are edited through that item, not directly. */
const LANE_SOURCES: readonly FactSourceKind[] = ["question", "diagnostic_check"];

export function isEditableSource(kind: FactSourceKind): boolean {
  return !LANE_SOURCES.includes(kind);
}

export const EDITABLE_SOURCES: FactSourceKind[] = ["engineer_note", "ai_promote"];

export const factSelect = {
  id: true,
  sessionId: true,
  text: true,
  sourceKind: true,
  sourceRef: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const;

type FactRow = {
  id: string;
  sessionId: string;
  text: string;
  sourceKind: FactSourceKind;
  sourceRef: string | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A fact as the API returns it (snake_case, with whether it may be edited directly). */
export type FactView = {
  id: string;
  session_id: string;
  text: string;
  source_kind: FactSourceKind;
  source_ref: string | null;
  editable: boolean;
  created_by_id: string | null;
  created_at: Date;
  updated_at: Date;
};

export function toFactView(fact: FactRow): FactView {
  return {
    id: fact.id,
    session_id: fact.sessionId,
    text: fact.text,
    source_kind: fact.sourceKind,
    source_ref: fact.sourceRef,
    editable: isEditableSource(fact.sourceKind),
    created_by_id: fact.createdById,
    created_at: fact.createdAt,
    updated_at: fact.updatedAt,
  };
}
