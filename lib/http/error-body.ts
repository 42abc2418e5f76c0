import { ZodError } from "zod";
import { AppError, type ErrorCode, type PublicDetails } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export type ErrorBody = { error: { code: ErrorCode | "internal"; message: string; issues?: unknown; details?: PublicDetails } };

/**
 * Maps any thrown value to a status and the `{ error: { code, message } }` body. An AppError's
 * `publicDetails` (never its internal `details`) come back as `error.details`. Unexpected
 * errors are logged here and reach the client only as a generic message.
 */
export function toErrorResponseParts(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const details = error.publicDetails ? { details: error.publicDetails } : {};
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...details } } };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return { status: 422, body: { error: { code: "invalid", message: sentencesOf(issues), issues } } };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return { status: 404, body: { error: { code: "not_found", message: "Not found." } } };
    if (error.code === "P2002") {
      return { status: 409, body: { error: { code: "conflict", message: "That already exists." } } };
    }
  }
  console.error("[http] unexpected error", error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side. Try again." } } };
}

/**
 * The issues as sentences a person reads: each message once, without its field path (programs
 * find the paths in `issues`), ending in a full stop.
 */
function sentencesOf(issues: { message: string }[]): string {
  const sentences = issues.map((issue) => {
    const text = issue.message.trim();
    return /[.!?…]$/.test(text) ? text : `${text}.`;
  });
  return [...new Set(sentences)].join(" ");
}
