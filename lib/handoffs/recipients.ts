import { Prisma } from "@/lib/generated/prisma/client";

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

/**
 * `escalationRecipientsWhere` as a SQL condition on `users` aliased `alias`, for the statements
 * that choose recipients themselves; the two must say the same.
 */
export function escalationRecipientsSql(alias: string, input: { accountId: string; escalatorId: string }): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}.${name}`);
  const roles = Prisma.join(ESCALATION_ROLES.map((role) => Prisma.sql`${role}::"UserRole"`));
  return Prisma.sql`${column("account_id")} = ${input.accountId}::uuid AND ${column("deleted_at")} IS NULL
    AND ${column("role")} IN (${roles}) AND ${column("id")} <> ${input.escalatorId}::uuid`;
}
