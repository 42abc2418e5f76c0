import type { BuilderLanguage } from "@/lib/script-builder/schemas";
import { splitFencedBlocks } from "@/lib/script-builder/fenced-blocks";

/** The info strings a model uses for each language's fence. */
const LANGUAGE_TAGS: Record<BuilderLanguage, readonly string[]> = {
  powershell: ["powershell", "ps1", "pwsh", "ps"],
  bash: ["bash", "sh", "shell", "zsh"],
  python: ["python", "py", "python3"],
};

/** The fence the prompt asks for the parameter values; never mistaken for the script. */
export const PARAMETERS_FENCE = "parameters";
const NOT_A_SCRIPT = new Set([PARAMETERS_FENCE, "json", "text", "output", "console"]);

export type ScriptParameters = Record<string, string | number | boolean>;

/**
 * The script in a builder reply: the last complete fenced block tagged with the session's
 * language, else the last complete untagged (or otherwise tagged) block that isn't the parameters
 * block or output. Null when the reply carries no script (a question back, a truncated fence), so
 * the session keeps the script it had.
 */
export function extractCurrentScript(reply: string, language: BuilderLanguage): string | null {
  const blocks = splitFencedBlocks(reply).flatMap((segment) => (segment.kind === "code" && segment.closed ? [segment] : []));
  const tagged = blocks.filter((block) => LANGUAGE_TAGS[language].includes(block.info));
  const chosen = tagged.at(-1) ?? blocks.filter((block) => !NOT_A_SCRIPT.has(block.info)).at(-1);
  const script = chosen?.code.replace(/\s+$/, "");
  return script?.trim() ? script : null;
}

/**
 * The parameter values a reply declares in its ```parameters block (a JSON object of name →
 * value), as D6 stores them on a fix. Null values are left out; anything that isn't an object of
 * strings, numbers and booleans gives null, as does a reply without the block.
 */
export function extractScriptParameters(reply: string): ScriptParameters | null {
  const block = splitFencedBlocks(reply)
    .filter((segment) => segment.kind === "code" && segment.closed && segment.info === PARAMETERS_FENCE)
    .at(-1);
  if (!block || block.kind !== "code") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(block.code);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const values: ScriptParameters = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return null;
    values[name] = value;
  }
  return Object.keys(values).length > 0 ? values : null;
}

const EXTENSIONS: Record<BuilderLanguage, string> = { powershell: "ps1", bash: "sh", python: "py" };

/** A download name for the script: the session title in kebab-case with the language's extension. */
export function scriptFileName(title: string, language: BuilderLanguage): string {
  const base = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "script"}.${EXTENSIONS[language]}`;
}
