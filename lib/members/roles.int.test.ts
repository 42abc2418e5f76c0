import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/members/route";
import { DELETE as removeRoute, PATCH as roleRoute } from "@/app/api/v1/members/[id]/route";
import { SignInRefused, verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { escalationRecipientsWhere } from "@/lib/handoffs/recipients";
import { backgroundTasksSettled } from "@/lib/notifications/dispatcher";
import { callRoute } from "@/tests/helpers/call-route";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

let tenant: TestTenant;
let other: TestTenant;
beforeEach(async () => {
  tenant = await createTenant("Roles MSP");
  other = await createTenant("Other Roles MSP");
});
afterEach(() => backgroundTasksSettled());

const setRole = (as: string, id: string, role: string) => callRoute(roleRoute, "PATCH", { as, params: { id }, body: { role } });
const remove = (as: string, id: string) => callRoute(removeRoute, "DELETE", { as, params: { id } });
const messageOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;
const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).role;

describe("GET /api/v1/members", () => {
  it("lists every member with role, state and last sign-in, active before removed; never a password hash", async () => {
    await db.user.update({ where: { id: tenant.engineer.id }, data: { lastSignInAt: new Date("2026-01-02T03:04:05Z") } });
    const response = await callRoute(listRoute, "GET", { as: tenant.admin.id });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { members: { id: string; state: string; role: string; last_sign_in_at: string | null }[]; invitations: unknown[] };
    expect(body.members.map((m) => m.id).sort()).toEqual([tenant.owner, tenant.admin, tenant.engineer, tenant.viewer, tenant.removed].map((u) => u.id).sort());
    expect(body.members.at(-1)).toMatchObject({ id: tenant.removed.id, state: "removed" });
    expect(body.members.find((m) => m.id === tenant.engineer.id)).toMatchObject({ role: "engineer", state: "active", last_sign_in_at: "2026-01-02T03:04:05.000Z" });
    expect(JSON.stringify(body)).not.toMatch(/password/i);
    expect(JSON.stringify(body)).not.toContain(other.owner.id);
  });
});

describe("changing roles", () => {
  it("lets owners change any role, and audits the change", async () => {
    for (const [member, role] of [[tenant.admin, "engineer"], [tenant.engineer, "admin"], [tenant.viewer, "owner"]] as const) {
      const response = await setRole(tenant.owner.id, member.id, role);
      expect(response.status).toBe(200);
      expect(await roleOf(member.id)).toBe(role);
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: tenant.admin.id, action: "member.role_changed" } });
    expect(audit).toMatchObject({ actorId: tenant.owner.id, before: { role: "admin" }, after: { role: "engineer" } });
  });

  it("lets admins move engineers and viewers between engineer and viewer only", async () => {
    expect((await setRole(tenant.admin.id, tenant.engineer.id, "viewer")).status).toBe(200);
    expect((await setRole(tenant.admin.id, tenant.viewer.id, "engineer")).status).toBe(200);
    const grant = await setRole(tenant.admin.id, tenant.viewer.id, "admin");
    expect(grant.status).toBe(403);
    expect(await messageOf(grant)).toMatch(/Admins manage engineers and viewers only/);
    const second = await addUser(tenant.accountId, { role: "admin" });
    expect((await setRole(tenant.admin.id, second.id, "engineer")).status).toBe(403);
    expect((await setRole(tenant.admin.id, tenant.owner.id, "engineer")).status).toBe(403);
    expect((await remove(tenant.admin.id, tenant.owner.id)).status).toBe(403);
    expect((await remove(tenant.admin.id, second.id)).status).toBe(403);
    expect(await roleOf(tenant.owner.id)).toBe("owner");
    expect(await roleOf(second.id)).toBe("admin");
  });

  it("keeps engineers and viewers out (403)", async () => {
    expect((await setRole(tenant.engineer.id, tenant.viewer.id, "engineer")).status).toBe(403);
    expect((await remove(tenant.viewer.id, tenant.engineer.id)).status).toBe(403);
  });

  it("lets an owner demote another owner while one remains; the self rule comes first (422)", async () => {
    const second = await addUser(tenant.accountId, { role: "admin" });
    expect((await setRole(tenant.owner.id, tenant.owner.id, "admin")).status).toBe(422);
    expect((await setRole(tenant.owner.id, second.id, "owner")).status).toBe(200);
    expect((await setRole(second.id, tenant.owner.id, "admin")).status).toBe(200);
    expect(await db.user.count({ where: { accountId: tenant.accountId, role: "owner", deletedAt: null } })).toBe(1);
  });

  // Through the routes the last owner can only be reached by a race (another owner means they are
  // not last), so the guard is driven with the stale viewer such a race leaves behind.
  it("refuses to demote or remove the last active owner (409) with a sentence", async () => {
    const second = await addUser(tenant.accountId, { role: "owner" });
    // Two owners: demote one; the other is now last and can't be demoted by anyone.
    expect((await setRole(tenant.owner.id, second.id, "engineer")).status).toBe(200);
    const viewer = { ...viewerOf(tenant.owner), userId: second.id, role: "owner" as const };
    await expect(changeMemberRole(viewer, { id: tenant.owner.id, role: "admin" })).rejects.toMatchObject({
      code: "conflict", message: "Your team needs at least one owner. Make someone else an owner first.",
    });
    await expect(removeMember(viewer, tenant.owner.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await roleOf(tenant.owner.id)).toBe("owner");
    expect((await db.user.findUniqueOrThrow({ where: { id: tenant.owner.id } })).deletedAt).toBeNull();
  });

  it("lets only one of two owners demote the other at the same moment", async () => {
    const second = await addUser(tenant.accountId, { role: "owner" });
    const [a, b] = await Promise.all([
      changeMemberRole(viewerOf(tenant.owner), { id: second.id, role: "admin" }).then(() => "ok", (error: { code: string }) => error.code),
      changeMemberRole({ ...viewerOf(tenant.owner), userId: second.id, name: "second" }, { id: tenant.owner.id, role: "admin" }).then(() => "ok", (error: { code: string }) => error.code),
    ]);
    expect([a, b].sort()).toEqual(["conflict", "ok"]);
    expect(await db.user.count({ where: { accountId: tenant.accountId, role: "owner", deletedAt: null } })).toBe(1);
  });

  it("refuses changing one's own role or removing oneself (422 with a sentence)", async () => {
    const self = await setRole(tenant.admin.id, tenant.admin.id, "engineer");
    expect(self.status).toBe(422);
    expect(await messageOf(self)).toBe("You can't change your own role; ask another owner.");
    const gone = await remove(tenant.owner.id, tenant.owner.id);
    expect(gone.status).toBe(422);
    expect(await messageOf(gone)).toBe("You can't remove yourself; ask another owner or admin.");
  });

  it("answers 404 for another tenant's member and 422 for a bad role or id", async () => {
    expect((await setRole(other.owner.id, tenant.engineer.id, "viewer")).status).toBe(404);
    expect((await remove(other.owner.id, tenant.engineer.id)).status).toBe(404);
    expect(await roleOf(tenant.engineer.id)).toBe("engineer");
    expect((await setRole(tenant.owner.id, tenant.engineer.id, "root")).status).toBe(422);
    expect((await setRole(tenant.owner.id, "not-a-uuid", "viewer")).status).toBe(422);
  });

  it("refuses to change a removed member (409)", async () => {
    expect((await setRole(tenant.owner.id, tenant.removed.id, "viewer")).status).toBe(409);
    expect((await remove(tenant.owner.id, tenant.removed.id)).status).toBe(409);
  });
});

describe("removing", () => {
  it("soft-deletes: sign-in is refused with the removed message, their sessions stay readable, no notifications go to them", async () => {
    const member = await addUser(tenant.accountId, { role: "engineer", password: "member password 1" });
    const session = await db.aiSession.create({ data: { accountId: tenant.accountId, userId: member.id, title: "Their work", status: "resolved" } });
    const response = await remove(tenant.admin.id, member.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: member.id, state: "removed", requeued_session_ids: [] });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).deletedAt).toBeInstanceOf(Date);

    const refused = await verifyCredentials({ email: member.email, password: "member password 1" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SignInRefused);
    expect((refused as SignInRefused).reason).toBe("account_removed");
    expect(await db.aiSession.findUnique({ where: { id: session.id } })).not.toBeNull();
    const recipients = await db.user.findMany({ where: escalationRecipientsWhere({ accountId: tenant.accountId, escalatorId: tenant.engineer.id }), select: { id: true } });
    expect(recipients.map((user) => user.id)).not.toContain(member.id);
    expect(await db.auditEvent.findFirst({ where: { targetId: member.id, action: "member.removed" } })).toMatchObject({ actorId: tenant.admin.id });
  });

  it("lets their old sign-in open nothing on the next request", async () => {
    const member = await addUser(tenant.accountId, { role: "engineer" });
    expect((await callRoute(listRoute, "GET", { as: member.id })).status).toBe(403);
    await remove(tenant.owner.id, member.id);
    expect((await callRoute(listRoute, "GET", { as: member.id })).status).toBe(401);
  });

  it("removes an owner while another owner remains", async () => {
    const second = await addUser(tenant.accountId, { role: "owner" });
    expect((await remove(tenant.owner.id, second.id)).status).toBe(200);
    expect(await db.user.count({ where: { accountId: tenant.accountId, role: "owner", deletedAt: null } })).toBe(1);
  });
});
