import type { ScriptParameters } from "@/lib/script-builder/script-extraction";
import type { BuilderLanguage } from "@/lib/script-builder/schemas";

/** A date as a server prop (Date) or inside a streamed event's JSON (ISO string). */
type DateLike = Date | string;

export type BuilderMessage = { id: string; role: "user" | "assistant"; content: string; created_at: DateLike };

/** What the builder's client islands need of a session (BuilderSessionDetail, dates either way). */
export type BuilderSnapshot = {
  id: string;
  title: string;
  language: BuilderLanguage;
  current_script: string | null;
  current_parameters: ScriptParameters | null;
  messages: BuilderMessage[];
};

/** The `done` event of a builder message. */
export type BuilderDone = { message: BuilderMessage; current_script: string | null; current_parameters: ScriptParameters | null };

export const LANGUAGE_LABELS: Record<BuilderLanguage, string> = { powershell: "PowerShell", bash: "Bash", python: "Python" };

/** The active fix the inline builder submits to (the contract of `<InlineBuilderPanel fix>`). */
export type InlineBuilderFix = { id: string; title: string; script: string | null } | null;
