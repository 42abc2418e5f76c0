import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { TestUser } from "@/tests/helpers/tenant";

type AddUserOptions = { role?: UserRole; label?: string; password?: string; deleted?: boolean };

/** One more user in `accountId` (an engineer unless told), with a unique lower-case email. */
export async function addUser(accountId: string, options: AddUserOptions = {}): Promise<TestUser> {
  const label = options.label ?? options.role ?? "engineer";
  const user = await db.user.create({
    data: {
      accountId,
      email: `${label}-${randomUUID().slice(0, 8)}@example.test`,
      name: `${label} user`,
      role: options.role ?? "engineer",
      passwordHash: options.password ? await hashPassword(options.password) : null,
      deletedAt: options.deleted ? new Date() : null,
    },
  });
  return { id: user.id, accountId, email: user.email, name: user.name, role: user.role };
}

/** Gives `user` an argon2 hash of `password`, as sign-up would. */
export async function setPassword(user: Pick<TestUser, "id">, password: string): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
}
