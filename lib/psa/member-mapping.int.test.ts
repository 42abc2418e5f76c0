import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { installPsaTenants } from "@/tests/helpers/psa";
import { createTenant, viewerOf } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { requirePsaProvider } = await import("@/lib/psa/account-provider");
const { getViewerMemberSetting, resolveViewerMember, setViewerMemberOverride } = await import("@/lib/psa/member-mapping");

type Viewer = ReturnType<typeof viewerOf>;

const { sim, a } = installPsaTenants({ name: "Mine mapping", freshEachTest: true });
const accountId = () => a().accountId;

/** A user of this test's tenant with `email` (unique across tenants: an earlier test's holder gives it up). */
async function userWithEmail(email: string): Promise<Viewer> {
  await db.user.updateMany({ where: { email }, data: { email: `released-${randomUUID()}@example.test` } });
  const user = await addUser(accountId());
  await db.user.update({ where: { id: user.id }, data: { email } });
  return viewerOf({ ...user, email });
}

const storedMember = (viewer: Viewer) =>
  db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { psaMemberId: true, psaMemberIdentifier: true, psaMemberOverride: true } });

const memberListCalls = () => sim().requests.filter((request) => request.path.endsWith("/system/members")).length;

describe("resolveViewerMember", () => {
  it("matches by email, stores the match and then answers from the user row without asking the PSA", async () => {
    const viewer = await userWithEmail(`junior@demo-msp.test`);
    const provider = await requirePsaProvider(accountId());
    expect(await resolveViewerMember(viewer, provider)).toEqual({ id: "176", identifier: "jjunior", name: "Jamie Junior" });
    expect(await storedMember(viewer)).toEqual({ psaMemberId: "176", psaMemberIdentifier: "jjunior", psaMemberOverride: false });

    const calls = memberListCalls();
    expect(calls).toBeGreaterThan(0);
    expect(await resolveViewerMember(viewer, provider)).toMatchObject({ id: "176", identifier: "jjunior" });
    expect(memberListCalls()).toBe(calls);
  });

  it("matches by identifier = the email's local part when no email matches", async () => {
    const viewer = await userWithEmail(`tlee@identifier-match.test`);
    expect(await resolveViewerMember(viewer, await requirePsaProvider(accountId()))).toEqual({ id: "180", identifier: "tlee", name: "Taylor Lee" });
    expect((await storedMember(viewer)).psaMemberIdentifier).toBe("tlee");
  });

  it("answers null and stores nothing when no active member matches", async () => {
    const provider = await requirePsaProvider(accountId());
    const nobody = await userWithEmail(`nobody@no-match.test`);
    // mgarcia exists but is inactive.
    const former = await userWithEmail(`mgarcia@inactive-match.test`);
    expect(await resolveViewerMember(nobody, provider)).toBeNull();
    expect(await resolveViewerMember(former, provider)).toBeNull();
    expect(await storedMember(nobody)).toEqual({ psaMemberId: null, psaMemberIdentifier: null, psaMemberOverride: false });
  });

  it("throws the PSA's error when the key may not list members", async () => {
    const viewer = await userWithEmail(`senior@demo-msp.test`);
    sim().setTraps({ forbiddenLists: ["members"] });
    await expect(resolveViewerMember(viewer, await requirePsaProvider(accountId()))).rejects.toMatchObject({ name: "PsaError", failure: "forbidden" });
  });
});

describe("setViewerMemberOverride", () => {
  it("wins over the email match, and null goes back to matching by email", async () => {
    const viewer = await userWithEmail(`junior@demo-msp.test`);
    expect(await setViewerMemberOverride(viewer, "177")).toEqual({ id: "177", identifier: "ssenior", name: "Sam Senior" });
    expect(await storedMember(viewer)).toEqual({ psaMemberId: "177", psaMemberIdentifier: "ssenior", psaMemberOverride: true });
    expect(await resolveViewerMember(viewer, await requirePsaProvider(accountId()))).toMatchObject({ id: "177", identifier: "ssenior" });

    expect(await setViewerMemberOverride(viewer, null)).toBeNull();
    expect(await storedMember(viewer)).toEqual({ psaMemberId: null, psaMemberIdentifier: null, psaMemberOverride: false });
    expect(await resolveViewerMember(viewer, await requirePsaProvider(accountId()))).toMatchObject({ id: "176", identifier: "jjunior" });
  });

  it("refuses an unknown or inactive member with 422 and keeps what was stored", async () => {
    const viewer = await userWithEmail(`junior@demo-msp.test`);
    await setViewerMemberOverride(viewer, "178");
    await expect(setViewerMemberOverride(viewer, "99999")).rejects.toMatchObject({ code: "invalid" });
    await expect(setViewerMemberOverride(viewer, "182")).rejects.toMatchObject({ code: "invalid" });
    expect((await storedMember(viewer)).psaMemberId).toBe("178");
  });

  it("is a 409 without a connection; clearing needs none", async () => {
    const other = await createTenant("Mine unconnected");
    const viewer = viewerOf(other.engineer);
    await expect(setViewerMemberOverride(viewer, "176")).rejects.toMatchObject({ code: "conflict" });
    expect(await setViewerMemberOverride(viewer, null)).toBeNull();
  });
});

describe("getViewerMemberSetting", () => {
  it("shows the automatic match and the active members by name", async () => {
    const viewer = await userWithEmail(`admin@demo-msp.test`);
    const setting = await getViewerMemberSetting(viewer);
    expect(setting).toMatchObject({ connected: true, member: { id: "178", identifier: "aadmin", name: "Adam Admin" }, override: false, warning: null });
    if (!setting.connected) throw new Error("expected a connected setting");
    const names = setting.members.map((member) => member.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(setting.members.map((member) => member.identifier)).toContain("jjunior");
    expect(setting.members.map((member) => member.identifier)).not.toContain("mgarcia");
  });

  it("shows an override with the member's name", async () => {
    const viewer = await userWithEmail(`owner@demo-msp.test`);
    await setViewerMemberOverride(viewer, "181");
    expect(await getViewerMemberSetting(viewer)).toMatchObject({ member: { id: "181", identifier: "pnguyen", name: "Priya Nguyen" }, override: true });
  });

  it("degrades to no members with the PSA's message when the key may not list them", async () => {
    const viewer = await userWithEmail(`junior@demo-msp.test`);
    await setViewerMemberOverride(viewer, "176");
    sim().setTraps({ forbiddenLists: ["members"] });
    const setting = await getViewerMemberSetting(viewer);
    expect(setting).toMatchObject({ connected: true, members: [], member: { id: "176", identifier: "jjunior" }, override: true });
    expect(setting.connected && setting.warning).toContain("403");
  });

  it("says not connected when the account has no PSA", async () => {
    const other = await createTenant("Mine none");
    expect(await getViewerMemberSetting(viewerOf(other.owner))).toEqual({ connected: false });
  });
});
