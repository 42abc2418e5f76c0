import { createSafeActionClient } from "next-safe-action";
import { requireViewer } from "@/lib/auth/require-viewer";
import type { Guard } from "@/lib/auth/roles";
import { toErrorResponseParts } from "@/lib/http/error-body";
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
  return baseAction.use(async ({ next }) => {
    // Signed-out callers are redirected to /login (a navigation the client follows);
    // a role that fails the guard is an AppError(forbidden) and returns as serverError.
    const viewer = await requireViewer(guard);
    return runInTenantScope(viewer.accountId, () => next({ ctx: { viewer } }));
  });
}

/** Any signed-in member of an account, viewers included. */
export const signedInAction = guarded("signedIn");
/** Escalation work: engineers, admins and owners (SPEC A3). */
export const engineerOrAdminAction = guarded("engineerOrAdmin");
/** Account settings: owners and admins only (SPEC A3). */
export const ownerOrAdminAction = guarded("ownerOrAdmin");
