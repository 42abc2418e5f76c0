import type { z } from "zod";
import { AppError } from "@/lib/errors";

const FENCED = /```(?:json|JSON)?[ \t]*\r?\n?([\s\S]*?)\r?\n?```/;

/**
 * The JSON inside a model reply: the body of a code fence if there is one, else the span from the
 * first `{` or `[` to the last matching closer, so a stray sentence around the JSON doesn't fail.
 */
export function extractJson(reply: string): string {
  const fenced = FENCED.exec(reply);
  const text = (fenced?.[1] ?? reply).trim();
  if (text.startsWith("{") || text.startsWith("[")) return text;
  const start = text.search(/[[{]/);
  if (start < 0) return text;
  const closer = text[start] === "{" ? "}" : "]";
  const end = text.lastIndexOf(closer);
  return end > start ? text.slice(start, end + 1) : text.slice(start);
}

/** Parses and validates a JSON reply. Throws AppError "upstream" when it is not what we asked for. */
export function parseJsonReply<T>(reply: string, schema: z.ZodType<T>, purpose: string): T {
  let value: unknown;
  try {
    value = JSON.parse(extractJson(reply));
  } catch {
    throw new AppError("upstream", `The AI model's answer for ${purpose} was not valid JSON. Try again.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("upstream", `The AI model's answer for ${purpose} did not have the expected shape. Try again.`, {
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
}
