import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { UserRole } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/auth/viewer";

export type TestUser = { id: string; accountId: string; email: string; name: string; role: UserRole };
export type TestTenant = {
  accountId: string;
  owner: TestUser;
  admin: TestUser;
  engineer: TestUser;
  viewer: TestUser;
  /** Soft-deleted engineer. */
  removed: TestUser;
};

/** Creates an account with one user of every role plus a removed engineer. No passwords. */
export async function createTenant(name = "Test MSP"): Promise<TestTenant> {
  const suffix = randomUUID().slice(0, 8);
  const account = await db.account.create({ data: { name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${suffix}` } });
  const make = async (role: UserRole, label: string, deleted = false): Promise<TestUser> => {
    const user = await db.user.create({
      data: {
        accountId: account.id,
        email: `${label}-${suffix}@example.test`,
        name: `${label} ${suffix}`,
        role,
        deletedAt: deleted ? new Date() : null,
      },
    });
    return { id: user.id, accountId: account.id, email: user.email, name: user.name, role: user.role };
  };
  return {
    accountId: account.id,
    owner: await make("owner", "owner"),
    admin: await make("admin", "admin"),
    engineer: await make("engineer", "engineer"),
    viewer: await make("viewer", "viewer"),
    removed: await make("engineer", "removed", true),
  };
}

/** The Viewer a service sees for `user`. */
export function viewerOf(user: TestUser): Viewer {
  return { userId: user.id, accountId: user.accountId, role: user.role, email: user.email, name: user.name };
}

/** A session owned by `user`, for tests that need something to read. */
export async function createSessionFor(user: TestUser, data: { title?: string; status?: "active" | "escalated" | "resolved" | "parked" | "requesting_escalation" } = {}) {
  return db.aiSession.create({
    data: { accountId: user.accountId, userId: user.id, title: data.title ?? "Test session", status: data.status ?? "active" },
  });
}
