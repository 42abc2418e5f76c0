import type { Prisma } from "@/lib/generated/prisma/client";

/** Roles that work escalations: viewers never get one, nor can they be targeted (F3, F6). */
export const ESCALATION_ROLES = ["owner", "admin", "engineer"] as const;

/**
 * F3: who is told about an escalation in `accountId` — active (not soft-deleted) engineers,
 * admins and owners of that account, except the escalator. Pure: returns the `where` only.
 */
export function escalationRecipientsWhere(input: { accountId: string; escalatorId: string }): Prisma.UserWhereInput {
  return {
    accountId: input.accountId,
    deletedAt: null,
    role: { in: [...ESCALATION_ROLES] },
    id: { not: input.escalatorId },
  };
}
