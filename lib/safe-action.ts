import { z } from "zod";
import { createSafeActionClient, returnValidationErrors } from "next-safe-action";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Guard } from "@/lib/auth/roles";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { findUnsafeText } from "@/lib/http/unsafe-text";
import { runInTenantScope } from "@/lib/tenancy/scope";

/**
 * The base client. Next hides thrown messages in production, so every failure comes back as
 * `serverError` data: an AppError's own message (zod and Prisma errors mapped the same way as
 * the REST routes), or a generic message for anything unexpected, which is logged here.
 * Validation errors come back flattened: `{ formErrors, fieldErrors }`.
 */
const baseAction = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError(error) {
    return toErrorResponseParts(error).body.error.message;
  },
});

function guarded(guard: Guard) {
  return baseAction.use(async ({ next, clientInput, bindArgsClientInputs }) => {
    // Signed-out callers are redirected to /login (a navigation the client follows);
    // a role that fails the guard is an AppError(forbidden) and returns as serverError.
    const viewer = await requireViewer(guard);
    refuseUnsafeActionInput(clientInput, bindArgsClientInputs);
    return runInTenantScope(viewer.accountId, () => next({ ctx: { viewer } }));
  });
}

// Any action's input: the middleware runs before each action's own schema.
const anyInput = z.record(z.string(), z.unknown());

/**
 * Refuses a string or key holding U+0000 or a lone surrogate before the action's schema runs, as
 * validation errors the form shows: beside the top-level field holding the string, else (a bad
 * key, a bound argument) for the form as a whole.
 */
function refuseUnsafeActionInput(clientInput: unknown, bindArgsClientInputs: readonly unknown[]): void {
  const formErrors = bindArgsClientInputs.flatMap((input) => findUnsafeText(input).map((issue) => issue.message));
  const fieldErrors = new Map<string, string[]>();
  for (const issue of findUnsafeText(clientInput)) {
    const field = issue.in === "value" ? issue.path[0] : undefined;
    if (typeof field === "string" && field !== "_errors") fieldErrors.set(field, [...(fieldErrors.get(field) ?? []), issue.message]);
    else formErrors.push(issue.message);
  }
  if (formErrors.length === 0 && fieldErrors.size === 0) return;
  const perField = Object.fromEntries([...fieldErrors].map(([field, messages]) => [field, { _errors: messages }]));
  // No one schema types every action's errors; the flattened shape reads `_errors` per top-level key.
  returnValidationErrors(anyInput, { _errors: formErrors, ...perField } as never);
}

/** Any signed-in member of an account, viewers included. */
export const signedInAction = guarded("signedIn");
/** Escalation work: engineers, admins and owners (SPEC A3). */
export const engineerOrAdminAction = guarded("engineerOrAdmin");
/** Account settings: owners and admins only (SPEC A3). */
export const ownerOrAdminAction = guarded("ownerOrAdmin");
