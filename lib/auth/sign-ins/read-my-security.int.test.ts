import { beforeAll, describe, expect, it } from "vitest";
import { readMySecurity } from "@/lib/auth/sign-ins/read-my-security";
import { db } from "@/lib/db";
import { runInTenantScope } from "@/lib/tenancy/scope";
import { signedInIdentity } from "@/tests/helpers/sign-ins";
import { createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";
import { addUser } from "@/tests/helpers/users";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const FIREFOX = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:140.0) Gecko/20100101 Firefox/140.0";

let tenant: TestTenant;
let other: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Security MSP");
  other = await createTenant("Other Security MSP");
});

/** Reads the page's data as the page render does: in the viewer's own account. */
function readAs(user: TestUser, signInId: string) {
  return runInTenantScope(user.accountId, () => readMySecurity({ ...viewerOf(user), signInId }));
}

describe("Settings → Security: my sign-ins and whether I have a password", () => {
  it("lists only my own sign-ins, most recently seen first, marking this browser", async () => {
    const me = await addUser(tenant.accountId, { password: "a long enough password" });
    const here = await signedInIdentity(me, CHROME);
    const laptop = await signedInIdentity(me, FIREFOX);
    await db.signIn.update({ where: { id: here.signInId }, data: { lastSeenAt: new Date(Date.now() - 60 * 60_000) } });
    // A teammate's and another tenant's sign-ins must not show.
    await signedInIdentity(tenant.engineer, CHROME);
    await signedInIdentity(other.engineer, CHROME);

    const security = await readAs(me, here.signInId);

    expect(security.has_password).toBe(true);
    expect(security.sign_ins.map(({ id, device, current }) => ({ id, device, current }))).toEqual([
      { id: laptop.signInId, device: "Firefox 140 on macOS", current: false },
      { id: here.signInId, device: "Chrome 156 on Linux", current: true },
    ]);
  });

  it("says a Microsoft-only user has no password, and never hands out the hash", async () => {
    const entraOnly = await addUser(tenant.accountId);
    const { signInId } = await signedInIdentity(entraOnly, CHROME);

    const security = await readAs(entraOnly, signInId);

    expect(security.has_password).toBe(false);
    expect(Object.keys(security).sort()).toEqual(["has_password", "sign_ins"]);
    expect(security.sign_ins).toHaveLength(1);
  });

  it("finds nothing of a user in another account, whatever the viewer claims", async () => {
    const { signInId } = await signedInIdentity(other.owner, CHROME);
    const forged = { ...viewerOf(other.owner), accountId: tenant.accountId, signInId };

    const security = await runInTenantScope(tenant.accountId, () => readMySecurity(forged));

    expect(security).toEqual({ sign_ins: [], has_password: false });
  });
});
