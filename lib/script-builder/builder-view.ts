import type { BuilderMessageRole, ScriptBuilderOrigin, ScriptLanguage } from "@/lib/generated/prisma/enums";
import type { ScriptParameters } from "@/lib/script-builder/script-extraction";
import { builderLanguageOf } from "@/lib/script-builder/schemas";

type SessionRow = {
  id: string;
  title: string;
  language: ScriptLanguage;
  origin: ScriptBuilderOrigin;
  aiSessionId: string | null;
  currentScript: string | null;
  createdAt: Date;
  updatedAt: Date;
};

type MessageRow = { id: string; role: BuilderMessageRole; content: string; createdAt: Date };

/** The columns every view reads; services `select` these. */
export const builderSessionSelect = {
  id: true,
  title: true,
  language: true,
  origin: true,
  aiSessionId: true,
  currentScript: true,
  createdAt: true,
  updatedAt: true,
} as const;

export const builderMessageSelect = { id: true, role: true, content: true, createdAt: true } as const;

/** A builder session as the API returns it (snake_case). */
export type BuilderSessionView = ReturnType<typeof toBuilderSessionView>;
export type BuilderMessageView = ReturnType<typeof toBuilderMessageView>;
/** One session with its conversation (oldest message first) and the parameter values of its current script. */
export type BuilderSessionDetail = BuilderSessionView & { current_parameters: ScriptParameters | null; messages: BuilderMessageView[] };

export function toBuilderSessionView(session: SessionRow) {
  return {
    id: session.id,
    title: session.title,
    // Builders only write the three builder languages; a stray `cmd` row reads as PowerShell.
    language: builderLanguageOf(session.language),
    origin: session.origin,
    ai_session_id: session.aiSessionId,
    current_script: session.currentScript,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}

export function toBuilderMessageView(message: MessageRow) {
  return { id: message.id, role: message.role, content: message.content, created_at: message.createdAt };
}
